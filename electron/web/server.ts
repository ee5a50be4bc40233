import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiEvent, Envelope } from '../../shared/api';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { cookieName, isOwnOrigin, newToken, readCookie, sameToken } from './auth';
import { contentType, readIfFile, resolveInside } from './static-files';
import { createDownloadStore } from './downloads';
import { createUploadStore } from './upload';

export type WebHostBackend = {
  call: (method: string, input: unknown) => Promise<Envelope<unknown>>;
  subscribe: (listener: (event: ApiEvent) => void) => () => void;
};

export type WebHostOptions = {
  backend: WebHostBackend;
  rendererDir: string;
  webPreloadFile: string;
  port?: number;
  token?: string;
  // The largest file POST /upload accepts (512 MB unless told).
  maxUploadBytes?: number;
};

export type WebHost = { url: string; port: number; token: string; close: () => Promise<void> };

const MAX_BODY_BYTES = 16 * 1024 * 1024;

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

const send = (res: ServerResponse, status: number, type: string, body: string | Buffer): void => {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  res.end(body);
};

const sendJson = (res: ServerResponse, status: number, value: unknown): void =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too_large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const badInput = (message: string): Envelope<never> => ({
  ok: false,
  error: { code: 'invalid_input', message, messageKey: 'errors.invalidInput', params: { details: message } },
});

// The same backend as the desktop app, over HTTP on 127.0.0.1 only. Every request needs the
// per-run token: given once in the URL, then carried by an HttpOnly same-site cookie.
export const startWebHost = async (options: WebHostOptions): Promise<WebHost> => {
  const token = options.token ?? newToken();
  const streams = new Set<ServerResponse>();
  const uploads = createUploadStore(options.maxUploadBytes);
  const downloads = createDownloadStore();
  let port = 0;

  const indexHtml = (): string | null => {
    const html = readIfFile(resolveInside(options.rendererDir, 'index.html') ?? '');
    // The bridge must define window.bantam before the app's module script runs.
    return html ? html.toString('utf8').replace('<head>', '<head>\n    <script src="./web-preload.js"></script>') : null;
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, method: string): Promise<void> => {
    if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST for API calls.');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, badInput('Send the input as JSON (Content-Type: application/json).'));
    }
    let text: string;
    try {
      text = await readBody(req);
    } catch {
      return sendJson(res, 413, badInput(`The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`));
    }
    let input: unknown;
    try {
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      return sendJson(res, 400, badInput('The request body is not valid JSON.'));
    }
    const answer = await options.backend.call(method, input);
    sendJson(res, answer.ok ? 200 : answer.error.code === 'unknown_method' ? 404 : answer.error.code === 'internal' ? 500 : 400, answer);
  };

  const handleEvents = (req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
  };

  const unsubscribe = options.backend.subscribe((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });
  // Keeps idle event streams open through proxies and lets the browser notice a dead host.
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': ping\n\n');
  }, 25_000);
  heartbeat.unref();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!isOwnOrigin(req, port)) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: Bantam only answers its own page on 127.0.0.1.');
    const given = url.searchParams.get('token');
    if (given !== null) {
      if (!sameToken(given, token)) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: the token in this URL is not the one Bantam printed. Copy the URL from the terminal again.');
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: `${url.pathname}${url.search}`,
      });
      return res.end();
    }
    if (!sameToken(readCookie(req, cookieName(port)) ?? (req.headers['x-bantam-token'] as string | undefined), token)) {
      return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: open Bantam with the URL (including its token) printed in the terminal.');
    }
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, decodeURIComponent(url.pathname.slice(5))).catch(() =>
        sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'The web host failed to answer.', messageKey: 'errors.internal' } }),
      );
      return;
    }
    if (url.pathname === '/upload') {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST to upload a file.');
      uploads
        .receive(req, url.searchParams.get('name'))
        .then((answer) => (answer.status === 200 ? sendJson(res, 200, answer.value) : sendJson(res, answer.status, { error: answer.message })))
        .catch(() => sendJson(res, 500, { error: 'The web host could not save the upload.' }));
      return;
    }
    if (url.pathname === '/export-target') {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST to reserve an export file.');
      downloads
        .reserve(url.searchParams.get('name'))
        .then((picked) => sendJson(res, 200, picked))
        .catch(() => sendJson(res, 500, { error: 'The web host could not prepare the export file.' }));
      return;
    }
    if (url.pathname === '/download' && req.method === 'GET') {
      downloads.send(res, url.searchParams.get('path')).catch(() => send(res, 500, 'text/plain; charset=utf-8', 'The export could not be sent.'));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
    if (url.pathname === '/events') return handleEvents(req, res);
    if (url.pathname === '/web-preload.js') {
      const body = readIfFile(options.webPreloadFile);
      return body ? send(res, 200, contentType(options.webPreloadFile), body) : send(res, 500, 'text/plain; charset=utf-8', 'The web bridge is not built: run npm run build.');
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const html = indexHtml();
      return html ? send(res, 200, contentType('index.html'), html) : send(res, 500, 'text/plain; charset=utf-8', 'The renderer is not built: run npm run build.');
    }
    const file = resolveInside(options.rendererDir, url.pathname);
    const body = file ? readIfFile(file) : null;
    return body && file ? send(res, 200, contentType(file), body) : send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        clearInterval(heartbeat);
        for (const stream of streams) stream.end();
        server.close(() => {
          Promise.all([uploads.close(), downloads.close()]).then(() => resolve(), resolve);
        });
        server.closeAllConnections();
      }),
  };
};
