import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/backend/db/connection';
import { checksum, migrate } from '../../../electron/backend/db/migrate';
import { MIGRATIONS } from '../../../electron/backend/db/migrations';
import { createOutbox } from '../../../electron/backend/db/outbox';
import { BantamError } from '../../../electron/backend/errors';
import { useTempDir } from '../../helpers/temp-dir';

const hashFile = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const expectStoreError = (fn: () => unknown, key: string, text: RegExp) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BantamError);
    expect((error as BantamError).code).toBe('store_unavailable');
    expect((error as BantamError).messageKey).toBe(key);
    expect((error as BantamError).message).toMatch(text);
    return;
  }
  throw new Error('expected the store to be refused');
};

describe('openStore', () => {
  const tempDir = useTempDir();

  it('creates a store in WAL mode with synchronous=FULL, foreign keys and every migration applied', () => {
    const file = path.join(tempDir(), 'nested', 'bantam.db');
    const store = openStore(file);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('page_size', { simple: true })).toBe(16384);
    const applied = store.db.prepare('SELECT id, name, checksum FROM schema_migrations ORDER BY id').all();
    expect(applied).toEqual(MIGRATIONS.map((m) => ({ id: m.id, name: m.name, checksum: checksum(m.sql) })));
    const strict = store.db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND strict = 0 AND name NOT LIKE 'sqlite_%'").all();
    expect(strict).toEqual([]);
    expect(store.deviceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    store.db.close();
  });

  it('reopens an existing store without re-running migrations and keeps its device id', () => {
    const file = path.join(tempDir(), 'bantam.db');
    const first = openStore(file);
    const deviceId = first.deviceId;
    first.db.close();
    const second = openStore(file);
    expect(second.deviceId).toBe(deviceId);
    expect(second.db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
    second.db.close();
  });

  it('keeps the page size of a store made with smaller pages', () => {
    const file = path.join(tempDir(), 'bantam.db');
    const older = new Database(file);
    older.pragma('page_size = 4096');
    older.pragma('journal_mode = WAL');
    older.close();
    const store = openStore(file);
    expect(store.db.pragma('page_size', { simple: true })).toBe(4096);
    expect(store.db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
    store.db.close();
  });

  it('upgrades a store through migration 013 keeping every outbox op and its place in the sequence', () => {
    const file = path.join(tempDir(), 'bantam.db');
    const before13 = MIGRATIONS.filter((m) => m.id < 13);
    const old = new Database(file);
    migrate(old, before13, '2026-11-01T00:00:00.000Z');
    old.prepare("INSERT INTO device (id, created_at, last_seq) VALUES ('device-1', '2026-11-01T00:00:00.000Z', 0)").run();
    const oldOutbox = createOutbox(old, 'device-1');
    const at = '2026-11-01T00:00:00.000Z';
    old.transaction(() => {
      oldOutbox.append({ entity: 'lead', entityId: 'lead-1', op: 'lead.create', payload: { companyName: '株式会社テスト' } }, at);
      oldOutbox.append({ entity: 'lead', entityId: 'lead-2', op: 'lead.create', payload: { companyName: 'テスト商事' } }, at);
    })();
    old.prepare("UPDATE outbox SET sent_at = '2026-11-02T00:00:00.000Z' WHERE seq = 1").run();
    // Before 013 the store parsed every payload again.
    expect(() => old.transaction(() => oldOutbox.appendSerialized({ entity: 'lead', entityId: 'lead-3', op: 'lead.create' }, 'not json', at))()).toThrow(
      /CHECK constraint failed/,
    );
    old.close();

    const store = openStore(file);
    expect(store.deviceId).toBe('device-1');
    expect(store.db.prepare('SELECT seq, device_id, entity_id, payload, sent_at FROM outbox ORDER BY seq').all()).toEqual([
      { seq: 1, device_id: 'device-1', entity_id: 'lead-1', payload: '{"companyName":"株式会社テスト"}', sent_at: '2026-11-02T00:00:00.000Z' },
      { seq: 2, device_id: 'device-1', entity_id: 'lead-2', payload: '{"companyName":"テスト商事"}', sent_at: null },
    ]);
    const indexes = store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN ('outbox_unsent', 'leads_funnel', 'stage_transitions_funnel', 'stage_transitions_qualified') ORDER BY name").pluck().all();
    expect(indexes).toEqual(['outbox_unsent', 'stage_transitions_qualified']);
    // Payloads are JSON.stringify's output: the store no longer parses each one again.
    expect(store.db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'outbox'").pluck().get()).not.toMatch(/json_valid/);
    // The next op follows on, and the unsent ones are found through their index.
    const outbox = createOutbox(store.db, store.deviceId);
    store.db.transaction(() => outbox.append({ entity: 'lead', entityId: 'lead-4', op: 'lead.update', payload: { n: 4 } }, '2026-11-23T00:00:00.000Z'))();
    expect(store.db.prepare('SELECT seq FROM outbox WHERE sent_at IS NULL ORDER BY seq').pluck().all()).toEqual([2, 3]);
    store.db.close();
  });

  it('refuses a store whose migration history diverges and leaves it byte for byte untouched', () => {
    const file = path.join(tempDir(), 'bantam.db');
    openStore(file).db.close();
    const raw = new Database(file);
    raw.prepare("UPDATE schema_migrations SET checksum = 'different' WHERE id = 1").run();
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = hashFile(file);
    expectStoreError(() => openStore(file), 'errors.store.diverged', /diverges .* migration 1/);
    expect(hashFile(file)).toBe(before);
  });

  it('refuses a store written by a newer app version with a message naming both versions', () => {
    const file = path.join(tempDir(), 'bantam.db');
    openStore(file).db.close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (999, '999_future', 'x', '2030-01-01T00:00:00Z')").run();
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = hashFile(file);
    expectStoreError(() => openStore(file), 'errors.store.newer', /newer version of Bantam \(schema 999; this app knows up to \d+\)/);
    expect(hashFile(file)).toBe(before);
  });

  it('refuses a file that is not a database, leaving it unchanged', () => {
    const file = path.join(tempDir(), 'bantam.db');
    fs.writeFileSync(file, Buffer.from('This is certainly not an SQLite database, just some text.'.repeat(100)));
    const before = hashFile(file);
    expectStoreError(() => openStore(file), 'errors.store.corrupt', /damaged or is not a Bantam store/);
    expect(hashFile(file)).toBe(before);
  });

  it('refuses a store with damaged pages instead of opening it silently', () => {
    const file = path.join(tempDir(), 'bantam.db');
    openStore(file).db.close();
    const bytes = fs.readFileSync(file);
    // Wreck the schema page after the 100-byte header: the schema can no longer be read.
    bytes.fill(0xa5, 100, Math.min(bytes.length, 4096));
    fs.writeFileSync(file, bytes);
    expectStoreError(() => openStore(file), 'errors.store.corrupt', /damaged/);
  });

  it('refuses an SQLite database that is not a Bantam store', () => {
    const file = path.join(tempDir(), 'other.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    raw.close();
    expectStoreError(() => openStore(file), 'errors.store.notBantam', /not a Bantam store/);
    const check = new Database(file);
    expect(check.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all()).toEqual([{ name: 'invoices' }]);
    check.close();
  });

  it('reports a store locked by another program clearly', () => {
    const file = path.join(tempDir(), 'bantam.db');
    openStore(file).db.close();
    const holder = new Database(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    expectStoreError(() => openStore(file, { busyTimeoutMs: 50 }), 'errors.store.locked', /locked by another program/);
    holder.exec('ROLLBACK');
    holder.close();
  });
});

describe('outbox', () => {
  const tempDir = useTempDir();

  it('gives ops UUIDv7 ids and a gap-free per-device sequence', () => {
    const store = openStore(path.join(tempDir(), 'bantam.db'));
    const outbox = createOutbox(store.db, store.deviceId);
    const ids = store.db.transaction(() =>
      [1, 2, 3].map((n) => outbox.append({ entity: 'test', entityId: String(n), op: 'test.op', payload: { n } }, '2026-11-23T00:00:00.000Z')),
    )();
    const rows = store.db.prepare('SELECT seq, id, device_id, payload FROM outbox ORDER BY seq').all() as { seq: number; id: string; device_id: string; payload: string }[];
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(ids.every((id) => /^[0-9a-f-]{14}7/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(rows.every((r) => r.device_id === store.deviceId)).toBe(true);
    expect(JSON.parse(rows[2]!.payload)).toEqual({ n: 3 });
    store.db.close();
  });

  it('refuses to append outside a transaction', () => {
    const store = openStore(path.join(tempDir(), 'bantam.db'));
    const outbox = createOutbox(store.db, store.deviceId);
    expect(() => outbox.append({ entity: 'x', entityId: '1', op: 'x', payload: {} }, 'now')).toThrow(/inside the write transaction/);
    store.db.close();
  });
});
