import type { UndoResult } from '../../../shared/api/imports';
import type { BackendContext } from '../context';
import { BantamError } from '../errors';
import { createLeadPatcher, type LeadPatch } from '../leads/lead-patch';
import type { LeadRepository } from '../leads/repository';

// Undoes an import as one step, in one transaction: its new leads become tombstones, and fields it
// changed on existing leads get their old values back, unless someone changed them since: those
// keep the newer value and are counted, so nothing done after the import is lost.
export const undoImport = (ctx: BackendContext, leads: LeadRepository, importId: string): UndoResult => {
  const { db } = ctx.store;
  const record = db.prepare('SELECT undone_at FROM imports WHERE id = ?').get(importId) as { undone_at: string | null } | undefined;
  if (!record) throw new BantamError('not_found', 'No import with this id exists.', { messageKey: 'errors.import.notFound' });
  if (record.undone_at) {
    throw new BantamError('conflict', `This import was already undone at ${record.undone_at}.`, {
      messageKey: 'errors.import.alreadyUndone',
      params: { at: record.undone_at },
    });
  }
  const patch = createLeadPatcher(ctx);
  const result = db
    .transaction((): UndoResult => {
      const at = ctx.now().toISOString();
      const created = db.prepare('SELECT id FROM leads WHERE import_id = ? AND deleted_at IS NULL').pluck().all(importId) as string[];
      const tombstone = db.prepare('UPDATE leads SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ?');
      for (const id of created) {
        tombstone.run(at, at, id);
        ctx.outbox.append({ entity: 'lead', entityId: id, op: 'lead.delete', payload: { reason: 'import.undo', importId } }, at);
      }
      let restored = 0;
      let keptNewer = 0;
      const changes = db.prepare('SELECT lead_id, before, after FROM import_changes WHERE import_id = ?').all(importId) as { lead_id: string; before: string; after: string }[];
      for (const change of changes) {
        const current = leads.find(change.lead_id);
        if (!current) continue; // deleted since: nothing to restore
        const before = JSON.parse(change.before) as Record<string, unknown>;
        const after = JSON.parse(change.after) as Record<string, unknown>;
        const back: Record<string, unknown> = {};
        for (const [field, value] of Object.entries(after)) {
          if (JSON.stringify(current[field as keyof typeof current]) === JSON.stringify(value)) back[field] = before[field];
          else keptNewer += 1;
        }
        if (patch(change.lead_id, back as LeadPatch, at)) restored += 1;
      }
      db.prepare('UPDATE imports SET undone_at = ? WHERE id = ?').run(at, importId);
      const outcome: UndoResult = { importId, removed: created.length, restored, keptNewer, undoneAt: at };
      ctx.outbox.append({ entity: 'import', entityId: importId, op: 'import.undo', payload: { ...outcome } }, at);
      return outcome;
    })
    .immediate();
  ctx.emit({ name: 'leads.changed', payload: { reason: 'bulk' } });
  return result;
};
