import type { z } from 'zod';
import type { CallLog, logCallInput } from '../../../shared/api/calls';
import type { CallingRules, OutcomeEffect } from '../../../shared/domain/calling';
import { normalizePhone } from '../../../shared/domain/normalize';
import type { BackendContext } from '../context';
import { BantamError } from '../errors';
import type { ActiveCalls } from './active-calls';
import type { CallbackRepository } from './callbacks';
import type { DraftRepository } from './drafts';
import type { CallRepository } from './repository';

type LogCallInput = z.output<typeof logCallInput>;
type LeadFacts = { owner: string | null; phone: string | null; mobile: string | null };

export type LogCallParts = {
  calls: CallRepository;
  callbacks: CallbackRepository;
  drafts: DraftRepository;
  active: ActiveCalls;
};

// Which of the lead's numbers was dialled, compared in any format.
const dialledField = (lead: LeadFacts, dialled: string | null): 'phone' | 'mobile' | null => {
  const key = dialled === null ? null : normalizePhone(dialled);
  if (key === null) return lead.phone !== null ? 'phone' : lead.mobile !== null ? 'mobile' : null;
  if (lead.phone !== null && normalizePhone(lead.phone) === key) return 'phone';
  if (lead.mobile !== null && normalizePhone(lead.mobile) === key) return 'mobile';
  return null;
};

// Refuses, before anything is written, what the outcome cannot be logged with.
const checkInput = (input: LogCallInput, rules: CallingRules, now: Date): { effect: OutcomeEffect; callbackAt: string | null } => {
  const outcome = rules.outcomes.find((o) => o.code === input.outcome && o.enabled);
  if (!outcome) {
    throw new BantamError('invalid_input', `"${input.outcome.slice(0, 40)}" is not one of the team's call outcomes. Choose one of: ${rules.outcomes.filter((o) => o.enabled).map((o) => o.code).join(', ')}.`, {
      messageKey: 'call.error.unknownOutcome',
      params: { outcome: input.outcome.slice(0, 40) },
    });
  }
  if (outcome.effect !== 'callback') return { effect: outcome.effect, callbackAt: null };
  if (input.callbackAt === undefined) {
    throw new BantamError('invalid_input', 'A callback outcome needs the time to call back. Choose a time; nothing was saved yet.', {
      messageKey: 'call.error.callbackTimeMissing',
    });
  }
  const at = new Date(input.callbackAt);
  if (at <= now) {
    throw new BantamError('invalid_input', 'The callback time is in the past. Choose a time from now on; nothing was saved yet.', {
      messageKey: 'call.error.callbackInPast',
    });
  }
  return { effect: outcome.effect, callbackAt: at.toISOString() };
};

// calls.log: the call row, the lead's counters, the outcome's effect, the callbacks it keeps or
// creates, the lead claimed from the team pool, and the active call and draft removed, all in
// one transaction with their outbox ops. A refusal writes nothing, so the draft survives.
export const createCallLogger = (ctx: BackendContext, parts: LogCallParts) => {
  const { db } = ctx.store;
  const leadFacts = db.prepare('SELECT owner, phone, mobile FROM leads WHERE id = ? AND deleted_at IS NULL');
  const markNumber = {
    phone: db.prepare("UPDATE leads SET phone_status = 'wrong_number', updated_at = ?, version = version + 1 WHERE id = ?"),
    mobile: db.prepare("UPDATE leads SET mobile_status = 'wrong_number', updated_at = ?, version = version + 1 WHERE id = ?"),
  };
  const setDoNotCall = db.prepare('UPDATE leads SET do_not_call = 1, updated_at = ?, version = version + 1 WHERE id = ?');
  const claim = db.prepare('UPDATE leads SET owner = ?, updated_at = ?, version = version + 1 WHERE id = ? AND owner IS NULL');

  return (input: LogCallInput, rules: CallingRules): CallLog => {
    const now = ctx.now();
    const at = now.toISOString();
    const actor = ctx.actor();
    const call = parts.active.get(input.callId);
    const { effect, callbackAt } = checkInput(input, rules, now);
    const id = db.transaction(() => {
      const lead = leadFacts.get(call.leadId) as LeadFacts | undefined;
      if (!lead) throw new BantamError('not_found', 'No lead with this id exists (it may have been deleted).', { messageKey: 'errors.lead.notFound' });
      const callId = parts.calls.appendInTransaction(
        { leadId: call.leadId, phoneNumber: call.phoneNumber, outcome: input.outcome, startedAt: call.startedAt, endedAt: at, note: input.note.trim() || null, callbackAt },
        actor,
      );
      parts.callbacks.closeForCallInTransaction(call.leadId, callId, at, effect === 'do_not_call');
      if (effect === 'callback' && callbackAt !== null) parts.callbacks.scheduleInTransaction(call.leadId, callbackAt, input.callbackNote?.trim() || null, at);
      if (effect === 'do_not_call') {
        setDoNotCall.run(at, call.leadId);
        ctx.outbox.append({ entity: 'lead', entityId: call.leadId, op: 'lead.update', payload: { doNotCall: true } }, at);
      }
      const wrong = effect === 'wrong_number' ? dialledField(lead, call.phoneNumber) : null;
      if (wrong !== null) {
        markNumber[wrong].run(at, call.leadId);
        ctx.outbox.append({ entity: 'lead', entityId: call.leadId, op: 'lead.update', payload: { [`${wrong}Status`]: 'wrong_number' } }, at);
      }
      if (lead.owner === null && claim.run(actor, at, call.leadId).changes > 0) {
        ctx.outbox.append({ entity: 'lead', entityId: call.leadId, op: 'lead.update', payload: { owner: actor } }, at);
      }
      parts.active.removeInTransaction(call.id);
      parts.drafts.discard(call.leadId);
      return callId;
    })();
    ctx.emit({ name: 'queue.changed', payload: { reason: 'call' } });
    ctx.emit({ name: 'leads.changed', payload: { reason: 'updated' } });
    return parts.calls.get(id);
  };
};
