import type { ImportRecord, OnDuplicate } from '../../../shared/api/imports';
import type { BackendContext } from '../context';
import { newId } from '../db/ids';
import { createLeadPatcher } from '../leads/lead-patch';
import type { LeadRepository } from '../leads/repository';
import { createBatchWriter } from './create-batch';
import { noHooks, type JobHooks } from './job-types';
import { contribution, mergePatch, type ImportPlan } from './plan';
import { CHUNK_ROWS } from './prepare';

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

// Writes a whole import in ONE transaction: the new leads, the changes to existing ones (with
// what they were before, for undo), the import's record and every outbox op. All or nothing.
export const commitImport = (ctx: BackendContext, leads: LeadRepository, plan: ImportPlan, what: ImportDescription, hooks: JobHooks = noHooks): ImportRecord => {
  const { db } = ctx.store;
  const patch = createLeadPatcher(ctx);
  const recordChange = db.prepare('INSERT INTO import_changes (import_id, lead_id, before, after) VALUES (?, ?, ?, ?)');
  const insertRecord = db.prepare(`INSERT INTO imports (id, file_name, format, encoding, sheet, on_duplicate, mapping, actor, started_at, finished_at,
      total_rows, created_count, updated_count, unchanged_count, skipped_count, rejected_count, rejected, headers)
    VALUES (@id, @file_name, @format, @encoding, @sheet, @on_duplicate, @mapping, @actor, @started_at, @finished_at,
      @total_rows, @created_count, @updated_count, @unchanged_count, @skipped_count, @rejected_count, @rejected, @headers)`);
  const actor = ctx.actor();
  const record = db.transaction((): ImportRecord => {
    const id = newId();
    const at = ctx.now().toISOString();
    const total = plan.counts.toCreate + plan.updates.size;
    // A cancel thrown from a checkpoint rolls the whole transaction back: nothing is written.
    // The new leads are recorded in the outbox a batch at a time, in the order they were inserted.
    let done = 0;
    const batches = createBatchWriter(id, at, (op) => ctx.outbox.append(op, at));
    plan.eachCreate(({ lead, keys }) => {
      if (done % CHUNK_ROWS === 0) {
        hooks.checkpoint();
        hooks.progress('write', done, total);
      }
      done += 1;
      batches.add(leads.insertOneInTransaction(lead, { importId: id, createdAt: at }, actor, keys ?? undefined, null), lead);
    });
    batches.flush();
    hooks.checkpoint();
    let updated = 0;
    for (const [leadId, incoming] of plan.updates) {
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
      finishedAt: at,
      totalRows: plan.counts.totalRows,
      created: plan.counts.toCreate,
      updated,
      unchanged: plan.updates.size - updated,
      skipped: plan.counts.skipped,
      rejected: plan.rejected.length,
      mergedInFile: plan.counts.mergedInFile,
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
      finished_at: at,
      total_rows: result.totalRows,
      created_count: result.created,
      updated_count: updated,
      unchanged_count: result.unchanged,
      skipped_count: result.skipped,
      rejected_count: result.rejected,
      rejected: JSON.stringify(plan.rejected),
      headers: JSON.stringify(what.headers),
    });
    ctx.outbox.append({ entity: 'import', entityId: id, op: 'import.commit', payload: { ...result } }, at);
    return result;
  }).immediate();
  ctx.emit({ name: 'leads.changed', payload: { reason: 'bulk' } });
  return record;
};
