import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler, registerAppScheme, resolveRendererFile } from '../../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security';
import { protocol } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

describe('app protocol', () => {
  let base: string;
  let renderer: string;
  beforeAll(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'bantam-protocol-'));
    renderer = path.join(base, 'renderer');
    fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Bantam</title>');
    fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'secret');
    fs.mkdirSync(path.join(base, 'renderer-evil'));
    fs.writeFileSync(path.join(base, 'renderer-evil', 'x.txt'), 'sibling');
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(renderer, 'link.txt'));
  });
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => createAppProtocolHandler(renderer)(new Request(url, { method }));

  it('registers app as a standard, secure, fetch-capable scheme', () => {
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves renderer files with the CSP and a content type', async () => {
    const page = await get('app://bantam/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<title>Bantam</title>');
    const script = await get('app://bantam/assets/app.js?v=1');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await get('app://bantam/')).status).toBe(200);
  });

  it.each([
    'app://bantam/../secret.txt',
    'app://bantam/..%2fsecret.txt',
    'app://bantam/%2e%2e/secret.txt',
    'app://bantam/%2e%2e%2fsecret.txt',
    'app://bantam/assets/..%2f..%2fsecret.txt',
    'app://bantam/..%5csecret.txt',
    'app://bantam/..%2frenderer-evil/x.txt',
    'app://bantam/%2fetc%2fpasswd',
    'app://bantam/index.html%00.js',
    'app://bantam/%E0%A4%A',
    'app://bantam/link.txt',
    'app://bantam/assets',
    'app://bantam/missing.js',
    'app://evil/index.html',
  ])('refuses %s with 404', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://bantam/index.html', 'POST')).status).toBe(405);
  });

  it('resolves only inside the renderer folder', () => {
    expect(resolveRendererFile(renderer, 'app://bantam/assets/app.js')).toBe(path.join(renderer, 'assets', 'app.js'));
    expect(resolveRendererFile(renderer, 'app://bantam/..%2f..%2fetc/passwd')).toBeUndefined();
    expect(resolveRendererFile(renderer, 'https://bantam/index.html')).toBeUndefined();
    expect(resolveRendererFile(renderer, 'nonsense')).toBeUndefined();
  });
});
