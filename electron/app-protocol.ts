import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

// `standard` gives app://bantam a real origin; `secure` makes it a secure context; fetch is
// allowed for same-origin assets. No bypassCSP, no CORS, no service workers.
export const APP_SCHEME_DEFINITION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

// Must run before the app's 'ready' event.
export const registerAppScheme = (protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void => {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);
};

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const isInside = (dir: string, file: string): boolean => {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};

// Maps app://bantam/<path> to a file inside rendererDir, or undefined for anything else: another
// host, a malformed escape, a NUL byte, or a path that resolves outside the folder.
export const resolveRendererFile = (rendererDir: string, rawUrl: string): string | undefined => {
  let url: URL;
  let pathname: string;
  try {
    url = new URL(rawUrl);
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return undefined;
  if (pathname.includes('\0')) return undefined;
  const root = path.resolve(rendererDir);
  const relative = pathname === '/' || pathname === '' ? 'index.html' : `.${pathname}`;
  const file = path.resolve(root, relative);
  return isInside(root, file) ? file : undefined;
};

const notFound = (): Response => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

// The handler for protocol.handle('app', ...): serves the built renderer and nothing else.
export const createAppProtocolHandler =
  (rendererDir: string) =>
  async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    const file = resolveRendererFile(rendererDir, request.url);
    if (!file) return notFound();
    try {
      // A symlink inside the folder must not lead out of it either.
      const [realRoot, realFile] = await Promise.all([fs.realpath(path.resolve(rendererDir)), fs.realpath(file)]);
      if (!isInside(realRoot, realFile)) return notFound();
      const stat = await fs.stat(realFile);
      if (!stat.isFile()) return notFound();
      const body = request.method === 'HEAD' ? null : await fs.readFile(realFile);
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': MIME_TYPES[path.extname(realFile).toLowerCase()] ?? 'application/octet-stream',
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        },
      });
    } catch {
      return notFound();
    }
  };
