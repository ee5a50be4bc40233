import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/csp';
import { leadInput } from '../../helpers/lead-input';
import { rawRequest } from './raw-request';
import { useWebHost } from './web-host-fixture';

// Raw requests with the body as text.
const request = async (
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> => {
  const answer = await rawRequest(port, options);
  return { ...answer, body: answer.body.toString('utf8') };
};

describe('web host', () => {
  const start = useWebHost();

  it('listens on 127.0.0.1 only, on a random port, and prints a URL with a token', async () => {
    const { host: h } = await start();
    expect(h.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${h.port}/\\?token=[A-Za-z0-9_-]{32}$`));
    expect(h.port).toBeGreaterThan(0);
  });

  it('refuses every request without the token with 403', async () => {
    const { host: h } = await start();
    for (const p of ['/', '/index.html', '/assets/app.js', '/events', '/web-preload.js']) {
      expect((await request(h.port, { path: p })).status).toBe(403);
    }
    const api = await request(h.port, { path: '/api/leads.list', method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(api.status).toBe(403);
    expect((await request(h.port, { path: '/?token=wrong' })).status).toBe(403);
    expect((await request(h.port, { path: '/', headers: { cookie: `bantam_${h.port}=wrong` } })).status).toBe(403);
  });

  it('trades the URL token for an HttpOnly same-site cookie and serves the page with the CSP', async () => {
    const { host: h, cookie } = await start();
    const first = await request(h.port, { path: `/?token=${h.token}` });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(first.headers['set-cookie']?.[0]).toBe(`${cookie}; HttpOnly; SameSite=Strict; Path=/`);
    const page = await request(h.port, { path: '/', headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).toContain('<script src="./web-preload.js"></script>');
    const asset = await request(h.port, { path: '/assets/app.js', headers: { cookie } });
    expect(asset).toMatchObject({ status: 200, body: 'console.log(1)' });
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('refuses forged Host headers and foreign origins even with the token', async () => {
    const { host: h, cookie } = await start();
    expect((await request(h.port, { path: '/', headers: { cookie, host: `evil.test:${h.port}` } })).status).toBe(403);
    const foreign = await request(h.port, {
      path: '/api/settings.update',
      method: 'POST',
      headers: { cookie, origin: 'http://evil.test', 'content-type': 'application/json' },
      body: '{"language":"en"}',
    });
    expect(foreign.status).toBe(403);
  });

  it('never serves files outside the renderer folder', async () => {
    const { host: h, cookie } = await start();
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const res = await request(h.port, { path: p, headers: { cookie } });
      expect(res.status, p).toBe(404);
      expect(res.body).not.toContain('do not serve');
    }
  });

  it('runs contract methods and answers bad input with a clear error object', async () => {
    const { host: h, backend: b, cookie } = await start();
    b.leads.createMany([leadInput()]);
    const post = (method: string, body: string, type = 'application/json') =>
      request(h.port, { path: `/api/${method}`, method: 'POST', headers: { cookie, 'content-type': type }, body });
    const ok = await post('leads.list', '{"limit":5}');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { total: 1, rows: [{ companyName: '株式会社テスト商事' }] } });
    const bad = await post('leads.list', '{"limit":0}');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'limit' }] } });
    const notJson = await post('leads.list', '{limit');
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } });
    expect((await post('leads.list', '{}', 'text/plain')).status).toBe(415);
    const unknown = await post('nope.nothing', '{}');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('pushes backend events to the page as server-sent events', async () => {
    const { host: h, cookie } = await start();
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: h.port, path: '/events', headers: { cookie } }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
          if (text.includes('data: ')) {
            resolve(text);
            req.destroy();
          } else if (text.includes(': connected')) {
            void request(h.port, { path: '/api/settings.update', method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{"language":"en"}' });
          }
        });
      });
      req.on('error', reject);
    });
    const text = await received;
    const line = text.split('\n').find((l) => l.startsWith('data: '));
    expect(JSON.parse(line!.slice(6))).toEqual({ name: 'settings.changed', payload: { language: 'en', userName: '', role: 'rep' } });
  });

  describe('POST /upload', () => {
    const upload = (port: number, name: string, body: Buffer, headers: Record<string, string> = {}) =>
      request(port, {
        path: `/upload?name=${encodeURIComponent(name)}`,
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', ...headers },
        body,
      });
    const bytes = Buffer.from([0x89, 0x82, 0xd0, 0x8e, 0x96, 0xbc, 0x2c, 0x00, 0xff, 0x0d, 0x0a]);

    it('requires the token like every request', async () => {
      const { host: h } = await start();
      expect((await upload(h.port, 'a.csv', bytes)).status).toBe(403);
      expect((await upload(h.port, 'a.csv', bytes, { cookie: `bantam_${h.port}=wrong` })).status).toBe(403);
    });

    it('refuses foreign origins even with the cookie', async () => {
      const { host: h, cookie } = await start();
      expect((await upload(h.port, 'a.csv', bytes, { cookie, origin: 'http://evil.test' })).status).toBe(403);
    });

    it('saves the bytes unchanged under the original name in a private folder, removed on close', async () => {
      const { host: h, cookie, stopHost } = await start();
      const res = await upload(h.port, '展示会 リスト.csv', bytes, { cookie });
      expect(res.status).toBe(200);
      const picked = JSON.parse(res.body) as { path: string; name: string };
      expect(picked.name).toBe('展示会 リスト.csv');
      expect(path.basename(picked.path)).toBe('展示会 リスト.csv');
      expect(fs.readFileSync(picked.path).equals(bytes)).toBe(true);
      const root = path.dirname(path.dirname(picked.path));
      if (process.platform !== 'win32') expect(fs.statSync(root).mode & 0o777).toBe(0o700);
      await stopHost();
      expect(fs.existsSync(root)).toBe(false);
    });

    it('keeps only the base name of a name with ../ or backslashes', async () => {
      const { host: h, cookie } = await start();
      for (const name of ['../../evil.csv', '..\\..\\evil.csv', '/etc/evil.csv']) {
        const picked = JSON.parse((await upload(h.port, name, bytes, { cookie })).body) as { path: string; name: string };
        expect(picked.name).toBe('evil.csv');
        expect(path.basename(picked.path)).toBe('evil.csv');
        expect(fs.readFileSync(picked.path).equals(bytes)).toBe(true);
      }
      for (const name of ['..', '../']) {
        const picked = JSON.parse((await upload(h.port, name, bytes, { cookie })).body) as { name: string };
        expect(picked.name).toBe('upload');
      }
    });

    it('answers 413 with a clear message over the limit, declared or streamed', async () => {
      const { host: h, cookie } = await start({ maxUploadBytes: 1024 });
      const big = Buffer.alloc(4096, 0x41);
      const declared = await upload(h.port, 'big.csv', big, { cookie });
      expect(declared.status).toBe(413);
      expect(JSON.parse(declared.body)).toEqual({ error: expect.stringMatching(/larger than 1024 bytes/) as unknown });
      const streamed = await upload(h.port, 'big.csv', big, { cookie, 'transfer-encoding': 'chunked' });
      expect(streamed.status).toBe(413);
      expect((await upload(h.port, 'small.csv', Buffer.alloc(1024, 0x41), { cookie })).status).toBe(200);
    });

    it('wants POST, a name and raw bytes', async () => {
      const { host: h, cookie } = await start();
      expect((await request(h.port, { path: '/upload?name=a.csv', headers: { cookie } })).status).toBe(405);
      expect((await request(h.port, { path: '/upload', method: 'POST', headers: { cookie, 'content-type': 'application/octet-stream' }, body: bytes })).status).toBe(400);
      expect((await upload(h.port, 'a.csv', bytes, { cookie, 'content-type': 'text/csv' })).status).toBe(415);
    });
  });
});
