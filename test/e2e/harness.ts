import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');

// The system Chromium: BANTAM_CHROMIUM first, then the usual places. Never downloads a browser,
// and never skips: without a browser the end-to-end run fails and says how to get one.
export const findChromium = (): string => {
  const candidates = [process.env.BANTAM_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((c): c is string => Boolean(c) && fs.existsSync(c as string));
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set BANTAM_CHROMIUM to a Chromium or Chrome executable.',
    );
  }
  return found;
};

export type WebApp = { url: string; dataDir: string; process: ChildProcess; stop: () => Promise<void> };

// Starts the built web host (`npm run web` without the build step) on a fresh data folder.
export const startWebApp = async (args: string[] = [], dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bantam-e2e-'))): Promise<WebApp> => {
  const entry = path.join(root, 'dist', 'electron', 'web.cjs');
  if (!fs.existsSync(entry)) throw new Error('The web host is not built: run `npm run build` (npm test does this first).');
  const child = spawn(process.execPath, [entry, ...args], { cwd: root, env: { ...process.env, BANTAM_HOME: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The web host printed no URL within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The web host exited with code ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
};

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });

// Collects what the page complains about (CSP violations show up as console errors).
export const watchConsole = (page: Page): string[] => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
};

// The built web host in its own process on a fresh data folder, and a browser, for one test file:
// registers its own beforeAll/afterAll and hands both out to the tests.
export const useWebApp = (args: string[] = []): { app: () => WebApp; browser: () => Browser } => {
  let app: WebApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startWebApp(args);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (app) fs.rmSync(app.dataDir, { recursive: true, force: true });
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The web app is not started yet: use it inside a test.');
    return value;
  };
  return { app: () => ready(app), browser: () => ready(browser) };
};
