import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BantamError } from '../../../electron/backend/errors';
import { outcomeOf } from '../../../electron/backend/imports/commit';
import type { ImportJobRequest } from '../../../electron/backend/imports/job-types';
import { LEADS_PER_BATCH } from '../../../electron/backend/imports/create-batch';
import { MAX_IN_FLIGHT, startImportWriter, WriterStopped } from '../../../electron/backend/imports/write-pipe';
import { leadInput } from '../../helpers/lead-input';
import { useTempDir } from '../../helpers/temp-dir';
import { openTempBackend } from '../../helpers/temp-store';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const bundledWriter = path.join(root, 'dist', 'electron', 'import-writer.cjs');

const request = (dbPath: string): ImportJobRequest => ({
  mode: 'commit',
  input: {} as ImportJobRequest['input'],
  dbPath,
  actor: 'rep',
  clockOffsetMs: 0,
  cancelFlag: new SharedArrayBuffer(4),
});

const hooks = { progress: () => undefined, checkpoint: () => undefined };
const start = { id: 'import-1', at: '2026-11-23T01:00:00.000Z' };

// Hands the writer leads until the reading side is told the writer stopped; returns how many it
// handed over and how long it took to notice.
const feedUntilStopped = (writer: ReturnType<typeof startImportWriter>): { added: number; ms: number; error: unknown } => {
  const began = Date.now();
  for (let i = 0; i < 100_000; i += 1) {
    try {
      writer.add({ lead: leadInput({ email: `user${i}@example.jp`, phone: null }), keys: null });
    } catch (error) {
      return { added: i, ms: Date.now() - began, error };
    }
  }
  return { added: 100_000, ms: Date.now() - began, error: null };
};

describe('the import writer thread', () => {
  const tempDir = useTempDir();

  it('answers once the import is committed, leaving the copy from the WAL into the store file for later', async () => {
    const dir = tempDir();
    const backend = openTempBackend(dir);
    const dbPath = path.join(dir, 'bantam.sqlite');
    const before = fs.statSync(dbPath).size;
    const writer = startImportWriter(request(dbPath), bundledWriter, hooks, () => undefined, start);
    // Enough leads for well over SQLite's automatic checkpoint threshold of 1,000 WAL pages.
    const total = 15_000;
    for (let i = 0; i < total; i += 1) writer.add({ lead: leadInput({ email: `user${i}@example.jp`, phone: null }), keys: null });
    const counts = { totalRows: total, toCreate: total, toUpdate: 0, skipped: 0, rejected: 0, duplicatesInStore: 0, duplicatesInFile: 0, mergedInFile: 0 };
    const what = { fileName: 'x.csv', format: 'csv' as const, encoding: 'utf8', sheet: null, onDuplicate: 'skip' as const, mapping: [], headers: [], startedAt: start.at };
    const record = await writer.finish(outcomeOf({ counts, rejected: [], updates: new Map() }), what);
    expect(record).toMatchObject({ id: 'import-1', created: total });
    // Committed and durable in the WAL, readable at once; the store file itself has not grown yet.
    expect(await backend.call('leads.list', { limit: 1 })).toMatchObject({ ok: true, value: { total } });
    expect(fs.statSync(`${dbPath}-wal`).size).toBeGreaterThan(1000 * 16_384);
    expect(fs.statSync(dbPath).size).toBe(before);
    // A checkpoint, like the one the import worker runs after answering, copies it all.
    expect(backend.ctx.store.db.pragma('wal_checkpoint(PASSIVE)')).toEqual([{ busy: 0, log: expect.any(Number), checkpointed: expect.any(Number) }]);
    expect(fs.statSync(dbPath).size).toBeGreaterThan(before + 1000 * 16_384);
    backend.close();
  }, 60_000);

  it('stops the reading at once, with its reason, when it cannot open the store', async () => {
    const dir = tempDir();
    const notAStore = path.join(dir, 'leads.db');
    fs.writeFileSync(notAStore, 'this is not a SQLite file, it only has the name of one'.repeat(100));
    const writer = startImportWriter(request(notAStore), bundledWriter, hooks, () => undefined, start, { stallMs: 60_000 });
    const fed = feedUntilStopped(writer);
    expect(fed.error).toBeInstanceOf(WriterStopped);
    // Stopped by the writer's own flag, long before the stall deadline.
    expect(fed.ms).toBeLessThan(30_000);
    const reason = await writer.abort(fed.error);
    expect(reason).toBeInstanceOf(BantamError);
    expect(reason).toMatchObject({ code: 'store_unavailable', messageKey: 'errors.store.corrupt' });
  }, 60_000);

  it('notices a writer that died without a word (out of memory), and says nothing was written', async () => {
    const dir = tempDir();
    // Stands in for the writer: on the first batch it only allocates, until its heap limit ends it.
    const dying = path.join(dir, 'dying-writer.cjs');
    fs.writeFileSync(
      dying,
      `const { parentPort } = require('node:worker_threads');
parentPort.once('message', () => { const kept = []; for (;;) kept.push(new Array(1e6).fill(1)); });\n`,
    );
    const writer = startImportWriter(request(path.join(dir, 'unused.db')), dying, hooks, () => undefined, start, { stallMs: 1500 });
    const fed = feedUntilStopped(writer);
    expect(fed.error).toBeInstanceOf(WriterStopped);
    // MAX_IN_FLIGHT batches are handed over; the next, sent with its last lead, waits.
    expect(fed.added).toBe((MAX_IN_FLIGHT + 1) * LEADS_PER_BATCH - 1);
    expect(fed.ms).toBeGreaterThanOrEqual(1500);
    const reason = await writer.abort(fed.error);
    expect(reason).toMatchObject({ code: 'internal', message: 'The import writer stopped unexpectedly; nothing was written.' });
  }, 60_000);

  it('ends the import when the writer stalls on the last batch, instead of waiting for it forever', async () => {
    const dir = tempDir();
    // Stands in for the writer: it takes batches and never answers.
    const silent = path.join(dir, 'silent-writer.cjs');
    fs.writeFileSync(silent, `require('node:worker_threads').parentPort.on('message', () => undefined);\n`);
    const writer = startImportWriter(request(path.join(dir, 'unused.db')), silent, hooks, () => undefined, start, { stallMs: 1500 });
    // MAX_IN_FLIGHT full batches go at once; the rest waits in the batcher until finish hands it over.
    const total = MAX_IN_FLIGHT * LEADS_PER_BATCH + 10;
    for (let i = 0; i < total; i += 1) writer.add({ lead: leadInput({ email: `user${i}@example.jp`, phone: null }), keys: null });
    const counts = { totalRows: total, toCreate: total, toUpdate: 0, skipped: 0, rejected: 0, duplicatesInStore: 0, duplicatesInFile: 0, mergedInFile: 0 };
    const what = { fileName: 'x.csv', format: 'csv' as const, encoding: 'utf8', sheet: null, onDuplicate: 'skip' as const, mapping: [], headers: [], startedAt: start.at };
    await expect(writer.finish(outcomeOf({ counts, rejected: [], updates: new Map() }), what)).rejects.toMatchObject({
      message: 'The import writer stopped unexpectedly; nothing was written.',
    });
  }, 60_000);

  it('ends a writer that hangs holding the write lock, which rolls its transaction back', async () => {
    const dir = tempDir();
    const backend = openTempBackend(dir);
    const dbPath = path.join(dir, 'bantam.sqlite');
    // Stands in for the writer: it takes the store's write lock, changes the leads, then hangs.
    const hanging = path.join(dir, 'hanging-writer.cjs');
    fs.writeFileSync(
      hanging,
      `const { parentPort, workerData } = require('node:worker_threads');
const Database = require(${JSON.stringify(path.join(root, 'node_modules', 'better-sqlite3'))});
const db = new Database(workerData.dbPath);
db.exec('BEGIN IMMEDIATE');
db.exec("UPDATE leads SET company_name = '書き換え'");
parentPort.postMessage({ type: 'event', event: { name: 'leads.changed', payload: { reason: 'changed-in-open-transaction' } } });
parentPort.once('message', () => { for (;;); });\n`,
    );
    const created = await backend.call('leads.create', { companyName: '株式会社サンプル', familyName: '山田', email: 'first@example.jp' });
    expect(created.ok).toBe(true);
    const events: unknown[] = [];
    const writer = startImportWriter(request(dbPath), hanging, hooks, (event) => events.push(event.payload), start, { stallMs: 1500 });
    const fed = feedUntilStopped(writer);
    expect(fed.error).toBeInstanceOf(WriterStopped);
    const reason = await writer.abort(fed.error);
    expect(reason).toMatchObject({ message: 'The import writer stopped unexpectedly; nothing was written.' });
    expect(events).toEqual([{ reason: 'changed-in-open-transaction' }]);
    // The hung writer's change never happened, and the store takes writes again.
    const list = await backend.call('leads.list', {});
    expect(list).toMatchObject({ ok: true, value: { total: 1, rows: [{ companyName: '株式会社サンプル' }] } });
    const again = await backend.call('leads.create', { companyName: '株式会社サンプル', familyName: '佐藤', email: 'second@example.jp' });
    expect(again.ok).toBe(true);
    backend.close();
  }, 60_000);
});
