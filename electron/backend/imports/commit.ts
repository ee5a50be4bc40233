import type { ImportCounts, ImportRecord, OnDuplicate } from '../../../shared/api/imports';
import type { BackendContext } from '../context';
import { newId } from '../db/ids';
import { createLeadPatcher, type LeadPatch } from '../leads/lead-patch';
import type { LeadRepository } from '../leads/repository';
import { batchOpFor, createBatcher, type CreateBatch } from './create-batch';
import { noHooks, type JobHooks } from './job-types';
import { contribution, mergePatch, type ImportPlan } from './plan';

export type ImportDescription = {
  fileName: string;
  format: 'csv' | 'tsv' | 'xlsx';
  encoding: string | null;
  sheet: string | null;
  onDuplicate: OnDuplicate;
  mapping: unknown;
  headers: string[];
  startedAt: string;
};

// The import's id, and the time its leads are created at.
export type ImportStart = { id: string; at: string };

export const startImport = (ctx: BackendContext): ImportStart => ({ id: newId(), at: ctx.now().toISOString() });

// What the plan decided besides the leads to create: written once every new lead is in. The
// rejected rows come as their JSON in UTF-8: off the JS heap, so a file with very many rejected
// rows passes to the writer thread (whose heap is small) without a copy, and is stored as is.
export type ImportOutcome = { counts: ImportCounts; rejectedJson: Uint8Array; updates: ReadonlyMap<string, LeadPatch> };

export const outcomeOf = ({ counts, rejected, updates }: Pick<ImportPlan, 'counts' | 'rejected' | 'updates'>): ImportOutcome => ({
  counts,
  rejectedJson: new TextEncoder().encode(JSON.stringify(rejected)),
  updates,
});

// An import's ONE write transaction, fed a batch at a time: the new leads (recorded in the outbox a batch
// at a time, in the order they were inserted), then the changes to existing ones (with what they
// were before, for undo), the import's record and its op. All or nothing: a caller that fails or is
// cancelled before `finish` returns calls `abort`, and nothing is written.
export const beginImportWrite = (ctx: BackendContext, leads: LeadRepository, { id, at }: ImportStart) => {
  const { db } = ctx.store;
  const patch = createLeadPatcher(ctx);
  const recordChange = db.prepare('INSERT INTO import_changes (import_id, lead_id, before, after) VALUES (?, ?, ?, ?)');
  const insertRecord = db.prepare(`INSERT INTO imports (id, file_name, format, encoding, sheet, on_duplicate, mapping, actor, started_at, finished_at,
      total_rows, created_count, updated_count, unchanged_count, skipped_count, rejected_count, rejected, headers)
    VALUES (@id, @file_name, @format, @encoding, @sheet, @on_duplicate, @mapping, @actor, @started_at, @finished_at,
      @total_rows, @created_count, @updated_count, @unchanged_count, @skipped_count, @rejected_count, CAST(@rejected AS TEXT), @headers)`);
  const actor = ctx.actor();
  const batchOp = batchOpFor(id);
  // The write lock is taken with the first batch, not before: a preview never holds it. When the
  // leads stream to a writer thread, the rest of the file is read and checked while it is held
  // (other saves wait for it, as they would for the writing alone, which takes as long).
  const begin = (): void => {
    if (!db.inTransaction) db.exec('BEGIN IMMEDIATE');
  };
  let created = 0;

  return {
    // A batch of new leads, then its op: the outbox lists them in the order they were written.
    addBatch(batch: CreateBatch): void {
      begin();
      leads.insertImportedInTransaction(batch, actor, at);
      ctx.outbox.appendSerialized(batchOp, batch.payload, at);
      created += batch.rows.length;
    },
    created: (): number => created,
    finish(outcome: ImportOutcome, what: ImportDescription): ImportRecord {
      begin();
      let updated = 0;
      for (const [leadId, incoming] of outcome.updates) {
        const mode = what.onDuplicate === 'overwrite' ? 'overwrite' : 'fill';
        const current = leads.get(leadId);
        const change = patch(leadId, mergePatch(contribution(current), incoming, mode), at, current);
        if (!change) continue;
        recordChange.run(id, leadId, JSON.stringify(change.before), JSON.stringify(change.after));
        updated += 1;
      }
      const result: ImportRecord = {
        id,
        fileName: what.fileName,
        format: what.format,
        encoding: what.encoding,
        sheet: what.sheet,
        onDuplicate: what.onDuplicate,
        actor,
        startedAt: what.startedAt,
        finishedAt: ctx.now().toISOString(),
        totalRows: outcome.counts.totalRows,
        created,
        updated,
        unchanged: outcome.updates.size - updated,
        skipped: outcome.counts.skipped,
        rejected: outcome.counts.rejected,
        mergedInFile: outcome.counts.mergedInFile,
        undoneAt: null,
      };
      insertRecord.run({
        id,
        file_name: what.fileName,
        format: what.format,
        encoding: what.encoding,
        sheet: what.sheet,
        on_duplicate: what.onDuplicate,
        mapping: JSON.stringify(what.mapping),
        actor,
        started_at: what.startedAt,
        finished_at: result.finishedAt,
        total_rows: result.totalRows,
        created_count: created,
        updated_count: updated,
        unchanged_count: result.unchanged,
        skipped_count: result.skipped,
        rejected_count: result.rejected,
        rejected: Buffer.from(outcome.rejectedJson.buffer, outcome.rejectedJson.byteOffset, outcome.rejectedJson.byteLength),
        headers: JSON.stringify(what.headers),
      });
      ctx.outbox.append({ entity: 'import', entityId: id, op: 'import.commit', payload: { ...result } }, at);
      db.exec('COMMIT');
      ctx.emit({ name: 'leads.changed', payload: { reason: 'bulk' } });
      return result;
    },
    abort(): void {
      if (db.inTransaction) db.exec('ROLLBACK');
    },
  };
};

export type ImportWrite = ReturnType<typeof beginImportWrite>;

// Writes a planned import on this thread. A cancel thrown from a checkpoint rolls it all back.
export const commitImport = (ctx: BackendContext, leads: LeadRepository, plan: ImportPlan, what: ImportDescription, hooks: JobHooks = noHooks): ImportRecord => {
  const start = startImport(ctx);
  const write = beginImportWrite(ctx, leads, start);
  try {
    const total = plan.counts.toCreate + plan.updates.size;
    const batches = createBatcher(start.id, start.at, (batch) => {
      hooks.checkpoint();
      hooks.progress('write', write.created(), total);
      write.addBatch(batch);
    });
    plan.eachCreate(batches.add);
    batches.flush();
    hooks.checkpoint();
    return write.finish(outcomeOf(plan), what);
  } catch (error) {
    write.abort();
    throw error;
  }
};
