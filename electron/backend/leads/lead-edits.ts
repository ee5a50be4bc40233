import { z } from 'zod';
import { hasPersonOrContact, leadCreateInput, type LeadUpdateInput, type TimelineEntry } from '../../../shared/api/lead-edits';
import { type Lead, LEAD_EDIT_FIELDS, type LeadEditField } from '../../../shared/domain/lead';
import type { BackendContext } from '../context';
import { newId } from '../db/ids';
import { BantamError } from '../errors';
import { createLeadPatcher, type LeadPatch } from './lead-patch';
import type { LeadRepository } from './repository';

export type LeadCreate = z.output<typeof leadCreateInput>;

export const leadNotFound = () =>
  new BantamError('not_found', 'No lead with this id exists (it may have been deleted or merged into another lead).', {
    messageKey: 'errors.lead.notFound',
  });

// The fields that differ between what the editor loaded and what the store holds now.
export const changedSince = (current: Lead, seen: Partial<Record<LeadEditField, unknown>> | undefined): LeadEditField[] =>
  seen === undefined
    ? []
    : LEAD_EDIT_FIELDS.filter((field) => Object.hasOwn(seen, field) && JSON.stringify(current[field]) !== JSON.stringify(seen[field]));

export const staleLead = (fields: readonly LeadEditField[]) =>
  new BantamError(
    'conflict',
    fields.length > 0
      ? `Someone changed this lead since you opened it (${fields.join(', ')}). Nothing was saved; reload the lead and save your changes again.`
      : 'Someone changed this lead since you opened it. Nothing was saved; reload the lead and save your changes again.',
    { messageKey: fields.length > 0 ? 'leadDetail.errors.conflictFields' : 'leadDetail.errors.conflict', params: { fields: fields.join(',') } },
  );

export const noPersonOrContact = () =>
  new BantamError('invalid_input', 'A lead needs a person name or a way to contact (email, phone or mobile). Fill in at least one.', {
    messageKey: 'leadDetail.errors.personOrContact',
  });

// Manual create, field edits and notes. Each write is one transaction with its outbox ops.
export const createLeadEdits = (ctx: BackendContext, leads: LeadRepository) => {
  const { db } = ctx.store;
  const patch = createLeadPatcher(ctx);
  const insertNote = db.prepare('INSERT INTO notes (id, lead_id, body, actor, created_at) VALUES (?, ?, ?, ?, ?)');

  return {
    create(input: LeadCreate): Lead {
      const [id] = leads.createMany([input]);
      return leads.get(id as string);
    },

    update(input: LeadUpdateInput): Lead {
      const at = ctx.now().toISOString();
      const result = db
        .transaction((): { lead: Lead; changed: boolean } => {
          const current = leads.find(input.id);
          if (!current) throw leadNotFound();
          if (current.version !== input.version) throw staleLead(changedSince(current, input.seen));
          if (!hasPersonOrContact({ ...current, ...input.patch })) throw noPersonOrContact();
          const change = patch(input.id, input.patch as LeadPatch, at, current);
          return change ? { lead: leads.get(input.id), changed: true } : { lead: current, changed: false };
        })
        .immediate();
      if (result.changed) ctx.emit({ name: 'leads.changed', payload: { reason: 'updated' } });
      return result.lead;
    },

    // Notes are append-only: a correction is another note.
    addNote(leadId: string, body: string): TimelineEntry {
      const actor = ctx.actor();
      const at = ctx.now().toISOString();
      const id = newId();
      db.transaction(() => {
        if (!leads.find(leadId)) throw leadNotFound();
        insertNote.run(id, leadId, body, actor, at);
        ctx.outbox.append({ entity: 'note', entityId: id, op: 'note.add', payload: { leadId, body, actor, createdAt: at } }, at);
      }).immediate();
      return { kind: 'note', id, leadId, at, actor, body };
    },
  };
};
