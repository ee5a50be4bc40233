import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../electron/backend';
import { silentLogger } from '../../electron/backend/log';

export type TempStoreOptions = { now?: () => Date; demo?: boolean };
export type TempStore = {
  dir: string;
  dbPath: string;
  backend: Backend;
  // Closes the current backend and opens the same file again.
  reopen(): Backend;
  cleanup(): void;
};

export const makeTempDir = (prefix = 'bantam-'): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

export const openTempBackend = (dir: string, options: TempStoreOptions = {}): Backend =>
  createBackend({
    dbPath: path.join(dir, 'bantam.sqlite'),
    preferencesPath: path.join(dir, 'preferences.json'),
    log: silentLogger,
    ...(options.now ? { now: options.now } : {}),
    ...(options.demo !== undefined ? { demo: options.demo } : {}),
  });

// A backend on a real SQLite file in a fresh temp dir; cleanup closes it and removes the dir.
export const createTempStore = (options: TempStoreOptions = {}): TempStore => {
  const dir = makeTempDir();
  const store: TempStore = {
    dir,
    dbPath: path.join(dir, 'bantam.sqlite'),
    backend: openTempBackend(dir, options),
    reopen() {
      store.backend.close();
      store.backend = openTempBackend(dir, options);
      return store.backend;
    },
    cleanup() {
      store.backend.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return store;
};
