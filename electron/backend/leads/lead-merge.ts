import {
  hasPersonOrContact,
  type LeadMergeInput,
  type LeadMergeRecord,
  type LeadMergeResult,
  type LeadUnmergeResult,
  mergedFields,
} from '../../../shared/api/lead-edits';
import type { Lead, LeadEditField } from '../../../shared/domain/lead';
import type { BackendContext } from '../context';
import { newId } from '../db/ids';
import { BantamError } from '../errors';
import { noPersonOrContact } from './lead-edits';
import { createLeadPatcher, type LeadPatch } from './lead-patch';
import type { LeadRepository } from './repository';

// Survivor state a merge changes besides the edited fields: the loser's calls count towards it,
// and a do-not-call on either lead must hold for the merged one.
type Extras = { callCount: number; lastCalledAt: string | null; doNotCall: boolean };
type Snapshot = { fields: Partial<Record<LeadEditField, unknown>>; extras: Extras };

type MergeRow = {
  id: string;
  survivor_id: string;
  loser_id: string;
  fields: string;
  before: string;
  after: string;
  actor: string;
  merged_at: string;
  undone_at: string | null;
};

const toRecord = (row: MergeRow): LeadMergeRecord => ({
  id: row.id,
  survivorId: row.survivor_id,
  loserId: row.loser_id,
  fields: JSON.parse(row.fields) as LeadEditField[],
  actor: row.actor,
  mergedAt: row.merged_at,
  undoneAt: row.undone_at,
});

const extrasOf = (lead: Lead): Extras => ({ callCount: lead.callCount, lastCalledAt: lead.lastCalledAt, doNotCall: lead.doNotCall });

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const laterOf = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a > b ? a : b);

const notFound = () =>
  new BantamError('not_found', 'One of the two leads no longer exists (deleted or already merged). Reload the list and choose again.', {
    messageKey: 'leadDetail.errors.mergeGone',
  });

export const createLeadMerges = (ctx: BackendContext, leads: LeadRepository) => {
  const { db } = ctx.store;
  const patch = createLeadPatcher(ctx);
  const setExtras = db.prepare('UPDATE leads SET call_count = ?, last_called_at = ?, do_not_call = ?, updated_at = ?, version = version + 1 WHERE id = ?');
  const tombstone = db.prepare('UPDATE leads SET deleted_at = ?, merged_into = ?, updated_at = ?, version = version + 1 WHERE id = ? AND deleted_at IS NULL');
  const revive = db.prepare('UPDATE leads SET deleted_at = NULL, merged_into = NULL, updated_at = ?, version = version + 1 WHERE id = ? AND merged_into = ?');
  const insertMerge = db.prepare(
    'INSERT INTO lead_merges (id, survivor_id, loser_id, fields, before, after, actor, merged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const markUndone = db.prepare('UPDATE lead_merges SET undone_at = ? WHERE id = ?');
  const byId = db.prepare('SELECT * FROM lead_merges WHERE id = ?');
  const loserCalls = db.prepare('SELECT call_count FROM leads WHERE id = ?').pluck();

  return {
    merge(input: LeadMergeInput): LeadMergeResult {
      const actor = ctx.actor();
      const at = ctx.now().toISOString();
      const result = db
        .transaction((): LeadMergeResult => {
          const survivor = leads.find(input.survivorId);
          const loser = leads.find(input.loserId);
          if (!survivor || !loser) throw notFound();
          if (survivor.version !== input.survivorVersion || loser.version !== input.loserVersion) {
            throw new BantamError('conflict', 'One of the two leads changed since the merge screen opened. Nothing was merged; review the values again.', {
              messageKey: 'leadDetail.errors.mergeStale',
            });
          }
          const fieldPatch = mergedFields(survivor, loser, input.choices) as LeadPatch;
          if (!hasPersonOrContact({ ...survivor, ...fieldPatch })) throw noPersonOrContact();
          const change = patch(survivor.id, fieldPatch, at, survivor);
          const extras: Extras = {
            callCount: survivor.callCount + loser.callCount,
            lastCalledAt: laterOf(survivor.lastCalledAt, loser.lastCalledAt),
            doNotCall: survivor.doNotCall || loser.doNotCall,
          };
          setExtras.run(extras.callCount, extras.lastCalledAt, extras.doNotCall ? 1 : 0, at, survivor.id);
          tombstone.run(at, survivor.id, at, loser.id);
          const id = newId();
          const fields = (Object.keys(input.choices) as LeadEditField[]).filter((f) => input.choices[f] !== 'survivor');
          const before: Snapshot = { fields: change?.before ?? {}, extras: extrasOf(survivor) };
          const after: Snapshot = { fields: change?.after ?? {}, extras };
          insertMerge.run(id, survivor.id, loser.id, JSON.stringify(fields), JSON.stringify(before), JSON.stringify(after), actor, at);
          ctx.outbox.append({ entity: 'lead_merge', entityId: id, op: 'lead.merge', payload: { survivorId: survivor.id, loserId: loser.id, fields, after } }, at);
          ctx.outbox.append({ entity: 'lead', entityId: loser.id, op: 'lead.delete', payload: { reason: 'merge', mergeId: id, mergedInto: survivor.id } }, at);
          const merge: LeadMergeRecord = { id, survivorId: survivor.id, loserId: loser.id, fields, actor, mergedAt: at, undoneAt: null };
          return { merge, lead: leads.get(survivor.id) };
        })
        .immediate();
      ctx.emit({ name: 'leads.changed', payload: { reason: 'bulk' } });
      return result;
    },

    // Both leads back as they were. A survivor field edited after the merge keeps its newer value
    // (counted in keptNewer), as an import undo does, so no later work is lost.
    unmerge(mergeId: string): LeadUnmergeResult {
      const at = ctx.now().toISOString();
      const result = db
        .transaction((): LeadUnmergeResult => {
          const row = byId.get(mergeId) as MergeRow | undefined;
          if (!row) throw new BantamError('not_found', 'No merge with this id exists.', { messageKey: 'leadDetail.errors.mergeNotFound' });
          if (row.undone_at) {
            throw new BantamError('conflict', `This merge was already undone at ${row.undone_at}.`, {
              messageKey: 'leadDetail.errors.mergeAlreadyUndone',
              params: { at: row.undone_at },
            });
          }
          const survivor = leads.find(row.survivor_id);
          if (!survivor) {
            throw new BantamError('conflict', 'The merged lead was itself merged into another lead or deleted since. Undo that first.', {
              messageKey: 'leadDetail.errors.survivorGone',
            });
          }
          const before = JSON.parse(row.before) as Snapshot;
          const after = JSON.parse(row.after) as Snapshot;
          const back: Record<string, unknown> = {};
          let keptNewer = 0;
          for (const [field, value] of Object.entries(after.fields) as [LeadEditField, unknown][]) {
            if (same(survivor[field], value)) back[field] = before.fields[field];
            else keptNewer += 1;
          }
          patch(survivor.id, back as LeadPatch, at, survivor);
          // Calls logged on the survivor since the merge stay counted; the loser's own go back with it.
          const loserCallCount = loserCalls.get(row.loser_id) as number;
          const extras: Extras = {
            callCount: Math.max(0, survivor.callCount - loserCallCount),
            lastCalledAt: same(survivor.lastCalledAt, after.extras.lastCalledAt) ? before.extras.lastCalledAt : survivor.lastCalledAt,
            doNotCall: survivor.doNotCall === after.extras.doNotCall ? before.extras.doNotCall : survivor.doNotCall,
          };
          setExtras.run(extras.callCount, extras.lastCalledAt, extras.doNotCall ? 1 : 0, at, survivor.id);
          revive.run(at, row.loser_id, row.survivor_id);
          markUndone.run(at, mergeId);
          ctx.outbox.append({ entity: 'lead_merge', entityId: mergeId, op: 'lead.unmerge', payload: { survivorId: row.survivor_id, loserId: row.loser_id, restored: back, extras } }, at);
          ctx.outbox.append({ entity: 'lead', entityId: row.loser_id, op: 'lead.restore', payload: { reason: 'unmerge', mergeId } }, at);
          return { survivor: leads.get(row.survivor_id), restored: leads.get(row.loser_id), keptNewer, undoneAt: at };
        })
        .immediate();
      ctx.emit({ name: 'leads.changed', payload: { reason: 'bulk' } });
      return result;
    },
  };
};
