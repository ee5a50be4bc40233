import { shell, type App, type Session, type WebContents, type WebPreferences } from 'electron';

// The one origin the renderer is served from (see app-protocol.ts).
export const APP_SCHEME = 'app';
export const APP_HOST = 'bantam';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

// The strict CSP sent with every file the app protocol serves (shared with the web host).
export { CONTENT_SECURITY_POLICY } from './csp';

const parseUrl = (raw: string): URL | undefined => {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
};

// True only for a URL of our own renderer origin. Parsed, never prefix-tested.
export const isAppUrl = (raw: string): boolean => {
  const url = parseUrl(raw);
  return url !== undefined && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
};

// What may leave the app for the OS: https pages, phone numbers and mail addresses. The policy is
// by scheme only, so https://example.com.evil.test is allowed: it is a real https URL and the
// browser shows its true host. `new URL` lowercases the scheme and trims surrounding spaces, so
// callers hand the OS the normalized href, never the raw string.
export const externalUrl = (raw: string): string | undefined => {
  const url = parseUrl(raw);
  if (!url) return undefined;
  if (url.protocol === 'https:') return url.hostname !== '' ? url.href : undefined;
  return url.protocol === 'tel:' || url.protocol === 'mailto:' ? url.href : undefined;
};

export const isAllowedExternalUrl = (raw: string): boolean => externalUrl(raw) !== undefined;

export type OpenExternal = (url: string) => Promise<void>;

// Only ever handed the output of externalUrl() (the https/tel/mailto allowlist), never raw input.
const openWithOs: OpenExternal = (url) => shell.openExternal(url); /* eng-disable OPEN_EXTERNAL_JS_CHECK */

// Navigation, new windows, redirects and webviews are all refused; allowed external links go to
// the OS browser / dialer / mail app instead of an Electron window.
export const hardenWebContents = (contents: WebContents, openExternal: OpenExternal = openWithOs): void => {
  const refuseForeign = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => refuseForeign(event, url));
  contents.on('will-redirect', (event, url) => refuseForeign(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const allowed = externalUrl(url);
    if (allowed !== undefined) void openExternal(allowed).catch(() => undefined);
    return { action: 'deny' };
  });
};

// The app needs no browser permission at all (camera, notifications, clipboard-read...).
export const hardenSession = (session: Session): void => {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
};

// Every web contents ever created (windows, devtools, anything) gets the same policy.
export const installSecurityHooks = (app: App): void => {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
};

export const secureWebPreferences = (preload: string): WebPreferences => ({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  spellcheck: false,
  preload,
});
