import type { App, Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  hardenSession,
  hardenWebContents,
  installSecurityHooks,
  isAllowedExternalUrl,
  isAppUrl,
  secureWebPreferences,
} from '../../../electron/security';
import { FakeEmitter, FakeWebContents, shell } from './fake-electron';
import { LOCKED_DOWN_PREFERENCES } from './locked-down';

vi.mock('electron', () => import('./fake-electron'));

const asContents = (fake: FakeWebContents): WebContents => fake as unknown as WebContents;

describe('isAllowedExternalUrl', () => {
  // The policy is by scheme, parsed with `new URL`: any real https URL may open in the browser
  // (the browser shows its true host), plus tel: and mailto:. Nothing else leaves the app.
  it.each([
    ['https://example.com/path?q=1', true],
    ['HTTPS://EXAMPLE.COM', true],
    ['https://example.com.evil.test', true],
    [' https://x', true], // new URL trims surrounding spaces; the normalized href is what opens
    ['tel:+81312345678', true],
    ['mailto:a@b.jp', true],
    ['javascript:alert(1)', false],
    ['JAVASCRIPT:alert(1)', false],
    ['  javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['http://x', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox(1)', false],
    ['app://bantam/index.html', false],
    ['ftp://example.com', false],
    ['not a url', false],
    ['', false],
    ['https://', false],
    ['//example.com', false],
  ])('%j -> %s', (raw, expected) => {
    expect(isAllowedExternalUrl(raw)).toBe(expected);
  });
});

describe('isAppUrl', () => {
  it('accepts only app://bantam', () => {
    expect(isAppUrl('app://bantam/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('app://bantam.evil/index.html')).toBe(false);
    expect(isAppUrl('https://bantam/index.html')).toBe(false);
    expect(isAppUrl('garbage')).toBe(false);
  });
});

describe('hardenWebContents', () => {
  let contents: FakeWebContents;
  const openExternal = vi.fn(async () => undefined);
  beforeEach(() => {
    contents = new FakeWebContents();
    openExternal.mockClear();
    hardenWebContents(asContents(contents), openExternal);
  });

  const navigate = (event: string, url: string): boolean => {
    const preventDefault = vi.fn();
    contents.emit(event, { preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  };

  it('prevents navigation away from the app origin', () => {
    expect(navigate('will-navigate', 'https://evil.test/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-navigate', 'app://other/index.html')).toBe(true);
    expect(navigate('will-navigate', 'app://bantam/index.html')).toBe(false);
  });

  it('prevents redirects away from the app origin', () => {
    expect(navigate('will-redirect', 'https://evil.test/')).toBe(true);
    expect(navigate('will-redirect', 'app://bantam/index.html')).toBe(false);
  });

  it('prevents attaching webviews', () => {
    expect(navigate('will-attach-webview', 'app://bantam/index.html')).toBe(true);
  });

  it('denies every new window and hands allowed URLs to the OS', () => {
    const open = (url: string) => contents.windowOpenHandler?.({ url });
    expect(open('https://example.com/a')).toEqual({ action: 'deny' });
    expect(open('tel:+81312345678')).toEqual({ action: 'deny' });
    expect(open('mailto:a@b.jp')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/a'], ['tel:+81312345678'], ['mailto:a@b.jp']]);
  });

  it('never hands other schemes to the OS', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'http://x', 'data:,x', 'app://bantam/index.html', 'nope']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('uses shell.openExternal by default', () => {
    const other = new FakeWebContents();
    hardenWebContents(asContents(other));
    other.windowOpenHandler?.({ url: 'https://example.com/' });
    other.windowOpenHandler?.({ url: 'http://example.com/' });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/');
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const fake = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    hardenSession(fake as unknown as Session);
    const request = fake.setPermissionRequestHandler.mock.calls[0]?.[0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void;
    const check = fake.setPermissionCheckHandler.mock.calls[0]?.[0] as (c: unknown, p: string) => boolean;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check(null, permission)).toBe(false);
    }
  });
});

describe('installSecurityHooks', () => {
  it('hardens every web contents the app creates', () => {
    const app = new FakeEmitter();
    installSecurityHooks(app as unknown as App);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://x.test' })).toEqual({ action: 'deny' });
    const preventDefault = vi.fn();
    contents.emit('will-navigate', { preventDefault }, 'https://x.test');
    expect(preventDefault).toHaveBeenCalled();
  });
});

describe('secureWebPreferences and CSP', () => {
  it('locks the renderer down', () => {
    expect(secureWebPreferences('/p/preload.cjs')).toEqual({ ...LOCKED_DOWN_PREFERENCES, preload: '/p/preload.cjs' });
  });

  it('has a strict CSP with no unsafe sources', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe|\*|http:/);
  });
});
