import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend';
import { silentLogger } from '../../../electron/backend/log';
import { startWebHost, type WebHost } from '../../../electron/web/server';
import { useTempDir } from '../../helpers/temp-dir';

export type StartedWebHost = { dir: string; host: WebHost; backend: Backend; port: number; cookie: string; stopHost: () => Promise<void> };

// A web host over a fresh backend in a temp folder, closed after each test: a renderer with an index
// page and one asset, a web preload, and files beside them (secret.txt, secret.csv) it must never serve.
export const useWebHost = () => {
  const tempDir = useTempDir();
  let host: WebHost | null = null;
  let backend: Backend | null = null;
  afterEach(async () => {
    await host?.close();
    backend?.close();
    host = null;
    backend = null;
  });
  return async (options: { maxUploadBytes?: number } = {}): Promise<StartedWebHost> => {
    const dir = tempDir();
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Bantam</title></head><body></body></html>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    for (const name of ['secret.txt', 'secret.csv']) fs.writeFileSync(path.join(dir, name), 'do not serve');
    const preload = path.join(dir, 'web-preload.js');
    fs.writeFileSync(preload, 'window.bantam = {}');
    const started = createBackend({ dbPath: path.join(dir, 'bantam.db'), preferencesPath: path.join(dir, 'prefs.json'), log: silentLogger });
    backend = started;
    const web = await startWebHost({ backend: started, rendererDir, webPreloadFile: preload, ...options });
    host = web;
    // Closes the host within the test (to see what closing does); the backend stays for afterEach.
    const stopHost = async (): Promise<void> => {
      host = null;
      await web.close();
    };
    return { dir, host: web, backend: started, port: web.port, cookie: `bantam_${web.port}=${web.token}`, stopHost };
  };
};
