import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { seedDemoStore } from '../../electron/backend/demo';
import { silentLogger } from '../../electron/backend/log';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { makeTempDir } from '../helpers/temp-store';
import { launchBrowser } from './harness';

const root = path.resolve(import.meta.dirname, '..', '..');

export type InProcessApp = {
  backend: () => Backend;
  host: () => WebHost;
  browser: () => Browser;
  // The backend's clock: starts at `start` and runs at real speed; `advance` jumps it forward.
  now: () => Date;
  advance: (ms: number) => void;
};

// The built renderer served by the web host in this process, on a demo store whose backend clock
// the test controls (the page's clock is Playwright's `page.clock`), so "an hour later" needs no
// waiting and no test switch in the product. Registers its own beforeAll/afterAll.
export const useInProcessApp = (options: { start: string; demoLeads: number }): InProcessApp => {
  const start = Date.parse(options.start);
  const realStart = Date.now();
  let offsetMs = 0;
  const now = (): Date => new Date(start + (Date.now() - realStart) + offsetMs);
  let dir: string | undefined;
  let backend: Backend | undefined;
  let host: WebHost | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    const rendererDir = path.join(root, 'dist', 'renderer');
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error('The renderer is not built: run `npm run build` (npm test does this first).');
    dir = makeTempDir('bantam-e2e-');
    backend = createBackend({ dbPath: path.join(dir, 'bantam.sqlite'), preferencesPath: path.join(dir, 'preferences.json'), demo: true, log: silentLogger, now });
    seedDemoStore({ ctx: backend.ctx, leads: backend.leads }, { count: options.demoLeads });
    host = await startWebHost({ backend, rendererDir, webPreloadFile: path.join(root, 'dist', 'web-preload', 'web-preload.js') });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    backend?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The in-process app has no ${what} yet: use it inside a test.`);
    return value;
  };
  return {
    backend: () => ready(backend, 'backend'),
    host: () => ready(host, 'web host'),
    browser: () => ready(browser, 'browser'),
    now,
    advance: (ms) => {
      offsetMs += ms;
    },
  };
};
