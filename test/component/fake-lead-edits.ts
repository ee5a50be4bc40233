import type { z } from 'zod';
import type { ApiEvent, Bridge, Envelope, MethodName } from '../../shared/api';
import {
  hasPersonOrContact,
  leadCreateInput,
  leadMergeInput,
  leadUpdateInput,
  type LeadMergeRecord,
  mergedFields,
  type TimelineEntry,
} from '../../shared/api/lead-edits';
import { type Lead, LEAD_EDIT_FIELDS, type LeadEditField } from '../../shared/domain/lead';

// Lead create, edit, notes, timeline and merge in the fake host. Input is checked with the real
// contract schemas, and answers follow the backend's rules (versions, tombstones, exact undo).
type EditMethod = Extract<MethodName, 'leads.create' | 'leads.update' | 'leads.addNote' | 'leads.timeline' | 'leads.merge' | 'leads.unmerge'>;
export type FakeLeadEdits = Pick<Bridge, EditMethod>;
type Answer = <T>(method: string, input: unknown, value: () => T) => Promise<Envelope<T>>;

// Thrown inside an answer: the fake turns it into an error envelope like dispatch does.
export class FakeFailure extends Error {
  constructor(readonly body: { code: 'invalid_input' | 'not_found' | 'conflict' | 'forbidden'; message: string; messageKey?: string; params?: Record<string, string>; issues?: { path: string; message: string }[] }) {
    super(body.message);
  }
}

const parse = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  throw new FakeFailure({ code: 'invalid_input', message: 'invalid', messageKey: 'errors.invalidInput', issues });
};

type MergeState = LeadMergeRecord & { survivorBefore: Lead; loserBefore: Lead };

export const createFakeLeadEdits = (leads: Lead[], answer: Answer, emit: (event: ApiEvent) => void, now: () => string) => {
  const notes = new Map<string, TimelineEntry[]>();
  const merges: MergeState[] = [];
  let seq = 0;
  const live = (id: string): Lead => {
    const lead = leads.find((l) => l.id === id);
    if (!lead) throw new FakeFailure({ code: 'not_found', message: 'not found', messageKey: 'errors.lead.notFound' });
    return lead;
  };
  const replace = (next: Lead) => {
    const index = leads.findIndex((l) => l.id === next.id);
    if (index >= 0) leads[index] = next;
  };
  const changed = (reason: 'created' | 'updated' | 'bulk') => emit({ name: 'leads.changed', payload: { reason } });

  const edits: FakeLeadEdits = {
    'leads.create': (input) =>
      answer('leads.create', input, () => {
        const fields = parse(leadCreateInput, input);
        const at = now();
        const lead: Lead = { ...fields, id: `lead-new-${++seq}`, callCount: 0, lastCalledAt: null, stageChangedAt: at, importId: null, createdAt: at, updatedAt: at, version: 1 };
        leads.unshift(lead);
        changed('created');
        return lead;
      }),
    'leads.update': (input) =>
      answer('leads.update', input, () => {
        const { id, version, patch, seen } = parse(leadUpdateInput, input);
        const current = live(id);
        if (current.version !== version) {
          const fields = LEAD_EDIT_FIELDS.filter((f) => seen && Object.hasOwn(seen, f) && JSON.stringify(seen[f]) !== JSON.stringify(current[f]));
          throw new FakeFailure({ code: 'conflict', message: 'stale', messageKey: fields.length ? 'leadDetail.errors.conflictFields' : 'leadDetail.errors.conflict', params: { fields: fields.join(',') } });
        }
        const next: Lead = { ...current, ...patch, version: current.version + 1, updatedAt: now() };
        if (!hasPersonOrContact(next)) throw new FakeFailure({ code: 'invalid_input', message: 'no contact', messageKey: 'leadDetail.errors.personOrContact' });
        replace(next);
        changed('updated');
        return next;
      }),
    'leads.addNote': (input) =>
      answer('leads.addNote', input, () => {
        live(input.leadId);
        const entry: TimelineEntry = { kind: 'note', id: `note-${++seq}`, leadId: input.leadId, at: now(), actor: 'local', body: input.body.trim() };
        notes.set(input.leadId, [entry, ...(notes.get(input.leadId) ?? [])]);
        return entry;
      }),
    'leads.timeline': (input) =>
      answer('leads.timeline', input, () => {
        const lead = live(input.id);
        const mergeEntries: TimelineEntry[] = merges
          .filter((m) => m.survivorId === lead.id)
          .map((m) => ({ kind: 'merge', id: m.id, leadId: lead.id, at: m.mergedAt, actor: m.actor, role: 'survivor', otherLeadId: m.loserId, otherCompany: m.loserBefore.companyName, undoneAt: m.undoneAt }));
        const created: TimelineEntry = { kind: 'stage', id: `stage-${lead.id}`, leadId: lead.id, at: lead.createdAt, actor: 'local', from: null, to: lead.stage, reason: 'created' };
        return { leadId: lead.id, entries: [...mergeEntries, ...(notes.get(lead.id) ?? []), created] };
      }),
    'leads.merge': (input) =>
      answer('leads.merge', input, () => {
        const { survivorId, loserId, survivorVersion, loserVersion, choices } = parse(leadMergeInput, input);
        const survivor = live(survivorId);
        const loser = live(loserId);
        if (survivor.version !== survivorVersion || loser.version !== loserVersion) {
          throw new FakeFailure({ code: 'conflict', message: 'stale', messageKey: 'leadDetail.errors.mergeStale' });
        }
        const next: Lead = { ...survivor, ...mergedFields(survivor, loser, choices), version: survivor.version + 1, callCount: survivor.callCount + loser.callCount };
        replace(next);
        leads.splice(leads.indexOf(loser), 1);
        const fields = (Object.keys(choices) as LeadEditField[]).filter((f) => choices[f] !== 'survivor');
        const merge: MergeState = { id: `merge-${++seq}`, survivorId, loserId, fields, actor: 'local', mergedAt: now(), undoneAt: null, survivorBefore: survivor, loserBefore: loser };
        merges.push(merge);
        changed('bulk');
        const { survivorBefore: _s, loserBefore: _l, ...record } = merge;
        return { merge: record, lead: next };
      }),
    'leads.unmerge': (input) =>
      answer('leads.unmerge', input, () => {
        const merge = merges.find((m) => m.id === input.mergeId);
        if (!merge) throw new FakeFailure({ code: 'not_found', message: 'no merge', messageKey: 'leadDetail.errors.mergeNotFound' });
        if (merge.undoneAt) throw new FakeFailure({ code: 'conflict', message: 'undone', messageKey: 'leadDetail.errors.mergeAlreadyUndone', params: { at: merge.undoneAt } });
        const current = live(merge.survivorId);
        const survivor: Lead = { ...merge.survivorBefore, version: current.version + 1 };
        const restored: Lead = { ...merge.loserBefore, version: merge.loserBefore.version + 2 };
        replace(survivor);
        leads.push(restored);
        merge.undoneAt = now();
        changed('bulk');
        return { survivor, restored, keptNewer: 0, undoneAt: merge.undoneAt };
      }),
  };
  return edits;
};
