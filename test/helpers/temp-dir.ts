import fs from 'node:fs';
import { afterEach } from 'vitest';
import { makeTempDir } from './temp-store';

// A fresh temporary folder per test, removed after each test.
export const useTempDir = (): (() => string) => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = makeTempDir('bantam-test-');
    dirs.push(dir);
    return dir;
  };
};
