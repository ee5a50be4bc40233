import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { BantamError } from '../errors';
import { MIGRATIONS, type Migration } from './migrations';

export const checksum = (sql: string): string => createHash('sha256').update(sql).digest('hex');

type Applied = { id: number; name: string; checksum: string };

const hasTable = (db: Database.Database, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;

const readApplied = (db: Database.Database): Applied[] =>
  hasTable(db, 'schema_migrations')
    ? (db.prepare('SELECT id, name, checksum FROM schema_migrations ORDER BY id').all() as Applied[])
    : [];

// Compares the store's history with the app's migrations, writing nothing. Throws when the store
// was made by a newer app or its history diverges from ours; returns the migrations still to run.
export const planMigrations = (db: Database.Database, known: readonly Migration[] = MIGRATIONS): Migration[] => {
  const applied = readApplied(db);
  if (applied.length === 0 && !hasTable(db, 'schema_migrations')) {
    const other = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as { n: number };
    if (other.n > 0) {
      throw new BantamError('store_unavailable', 'This file is an SQLite database but not a Bantam store; it was left untouched.', {
        messageKey: 'errors.store.notBantam',
      });
    }
  }
  const newest = known.at(-1)?.id ?? 0;
  for (const row of applied) {
    if (row.id > newest) {
      throw new BantamError(
        'store_unavailable',
        `This store was written by a newer version of Bantam (schema ${row.id}; this app knows up to ${newest}). Update Bantam to open it; the store was left untouched.`,
        { messageKey: 'errors.store.newer', params: { storeVersion: row.id, appVersion: newest } },
      );
    }
    const mine = known.find((m) => m.id === row.id);
    if (!mine || mine.name !== row.name || checksum(mine.sql) !== row.checksum) {
      throw new BantamError(
        'store_unavailable',
        `The store's migration history diverges from this app at migration ${row.id} (${row.name}). It was left untouched; open it with the Bantam version that created it, or restore a backup.`,
        { messageKey: 'errors.store.diverged', params: { migration: row.id } },
      );
    }
  }
  const done = new Set(applied.map((a) => a.id));
  const missing = known.filter((m) => !done.has(m.id));
  const lastApplied = applied.at(-1)?.id ?? 0;
  if (missing.some((m) => m.id < lastApplied)) {
    throw new BantamError(
      'store_unavailable',
      'The store skipped a migration that this app expects before its newest one. It was left untouched; restore a backup.',
      { messageKey: 'errors.store.diverged', params: { migration: missing[0]?.id ?? 0 } },
    );
  }
  return missing;
};

// Runs the pending migrations, all in one transaction: a failure leaves the store as it was.
export const migrate = (db: Database.Database, pending: readonly Migration[], now: string): void => {
  if (pending.length === 0) return;
  db.transaction(() => {
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT',
    );
    const record = db.prepare('INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
    for (const m of pending) {
      db.exec(m.sql);
      record.run(m.id, m.name, checksum(m.sql), now);
    }
  })();
};

export const schemaVersion = (db: Database.Database): number => readApplied(db).at(-1)?.id ?? 0;
