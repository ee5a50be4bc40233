import { missingHandoffParts, type Handoff, type HandoffPart, type Meeting } from '../../../shared/api/handoff';
import type { UserRole } from '../../../shared/api/settings';
import { slaDueAt } from '../../../shared/domain/handoff-sla';
import { decideTransition, type StageAction } from '../../../shared/domain/stage-machine';
import type { DefinitionsContent } from '../../../shared/domain/stage-definitions';
import type { BackendContext } from '../context';
import { newId } from '../db/ids';
import { BantamError } from '../errors';
import { leadNotFound, staleLead } from '../leads/lead-edits';
import type { LeadRepository } from '../leads/repository';
import type { HearingStore } from '../qualification/hearing-store';
import { refusalError } from '../qualification/refusal-error';
import { createTransitionWriter } from '../qualification/stage-decisions';
import type { VersionedContent } from '../qualification/versioned-content';
import type { HandoffReads, HandoffRow } from './handoff-reads';
import type { SlaSettingsStore } from './sla-settings';

export type SubmitInput = { leadId: string; leadVersion: number; assignee: string; meeting: Partial<Meeting>; summary: string };
export type RejectInput = { id: string; to: 'mql' | 'nurture'; reason?: string | undefined; comment?: string | undefined; recontactOn?: string | undefined };

const PART_NAMES: Record<HandoffPart, string> = {
  assignee: 'the field sales person',
  meetingStatus: 'whether the meeting is proposed or fixed',
  meetingAt: 'the meeting date and time',
  meetingMode: 'online or visit',
  summary: 'the summary',
};

const incomplete = (missing: HandoffPart[]): BantamError =>
  new BantamError('invalid_input', `The handoff is missing ${missing.map((p) => PART_NAMES[p]).join(', ')}. Fill them in and hand off again; nothing was sent.`, {
    messageKey: 'handoff.error.incomplete',
    params: { count: missing.length, parts: missing.join(',') },
    issues: missing.map((path) => ({ path, message: `Missing: ${PART_NAMES[path]}.` })),
  });

export type HandoffWriteDeps = {
  leads: LeadRepository;
  hearing: HearingStore;
  definitions: VersionedContent<DefinitionsContent>;
  sla: SlaSettingsStore;
  reads: HandoffReads;
  role: () => UserRole;
};

// Submitting and deciding handoffs. Each is one transaction: the handoff row, the lead's stage
// transition through the stage machine (with the role from preferences) and their outbox ops.
// A refusal throws before anything is written.
export const createHandoffWrites = (ctx: BackendContext, deps: HandoffWriteDeps) => {
  const { db } = ctx.store;
  const writeTransition = createTransitionWriter(ctx);
  const insert = db.prepare(`INSERT INTO handoffs (id, lead_id, from_rep, assignee, meeting, summary, definition_version, submitted_at, sla_hours, sla_version,
      sla_due_at, status) VALUES (@id, @leadId, @fromRep, @assignee, @meeting, @summary, @definitionVersion, @submittedAt, @slaHours, @slaVersion, @slaDueAt, 'pending')`);
  const decide = db.prepare(`UPDATE handoffs SET status = @status, decided_at = @at, decided_by = @by, reason = @reason, reason_group = @reasonGroup,
      comment = @comment, rejected_to = @rejectedTo, recontact_on = @recontactOn WHERE id = @id AND status = 'pending'`);
  const confirm = db.prepare("UPDATE handoffs SET deal_confirmed_at = ? WHERE id = ? AND status = 'accepted'");

  const changed = (): void => {
    ctx.emit({ name: 'leads.changed', payload: { reason: 'updated' } });
    ctx.emit({ name: 'queue.changed', payload: { reason: 'leads' } });
    ctx.emit({ name: 'handoffs.changed', payload: {} });
  };

  // Runs the stage machine on the handoff's lead and writes the transition. Inside the transaction.
  const transition = (row: HandoffRow, action: StageAction, now: Date) => {
    const lead = deps.leads.find(row.lead_id);
    if (!lead) throw leadNotFound();
    const { answers } = deps.hearing.answersOf(lead.id);
    const decision = decideTransition({ stage: lead.stage, action, role: deps.role(), definitions: deps.definitions.current(), answers, now });
    if (!decision.allowed) throw refusalError(decision);
    return writeTransition(lead.id, decision.event, answers, ctx.actor());
  };

  const pendingRow = (id: string): HandoffRow => {
    const row = deps.reads.row(id);
    if (row.status !== 'pending') {
      throw new BantamError('conflict', `This handoff was already ${row.status} by ${row.decided_by ?? 'someone'}. Reload the handoff list; nothing was changed.`, {
        messageKey: 'handoff.error.alreadyDecided',
        params: { status: row.status, by: row.decided_by ?? '' },
      });
    }
    return row;
  };

  return {
    submit(input: SubmitInput): Handoff {
      const now = ctx.now();
      const role = deps.role();
      if (role === 'field_sales') {
        throw new BantamError('forbidden', 'Field sales receive handoffs; a rep or team lead hands a lead off. Switch the role in Settings if you are a rep. Nothing was sent.', {
          messageKey: 'handoff.error.submitForbidden',
          params: { role },
        });
      }
      const id = db
        .transaction((): string => {
          const lead = deps.leads.find(input.leadId);
          if (!lead) throw leadNotFound();
          if (lead.version !== input.leadVersion) throw staleLead([]);
          if (lead.stage !== 'tql') {
            throw new BantamError('conflict', `Only a TQL lead can be handed off; this lead is at stage "${lead.stage}". Qualify it first. Nothing was sent.`, {
              messageKey: 'handoff.error.notTql',
              params: { stage: lead.stage },
            });
          }
          if (deps.reads.pendingOf(lead.id) !== null) {
            throw new BantamError('conflict', 'This lead was already handed off and waits for field sales. Open that handoff instead; nothing was sent.', {
              messageKey: 'handoff.error.alreadyPending',
            });
          }
          const missing = missingHandoffParts(input);
          if (missing.length > 0) throw incomplete(missing);
          // Stored like every other instant: UTC ISO, whatever offset the form wrote it with.
          const given = input.meeting as Meeting;
          const meeting: Meeting = { ...given, at: new Date(given.at).toISOString() };
          if (new Date(meeting.at) <= now) {
            throw new BantamError('invalid_input', 'The meeting time is in the past. Choose a time after now and hand off again; nothing was sent.', {
              messageKey: 'handoff.error.meetingPast',
            });
          }
          const sla = deps.sla.get();
          const handoffId = newId();
          const at = now.toISOString();
          const record = {
            id: handoffId,
            leadId: lead.id,
            fromRep: ctx.actor(),
            assignee: input.assignee.trim(),
            meeting: JSON.stringify({ ...meeting, ...(meeting.place?.trim() ? { place: meeting.place.trim() } : { place: undefined }) }),
            summary: input.summary.trim(),
            definitionVersion: deps.reads.qualifiedWith(lead.id) ?? deps.definitions.current().version,
            submittedAt: at,
            slaHours: sla.settings.hours,
            slaVersion: sla.version,
            slaDueAt: slaDueAt(now, sla.settings).toISOString(),
          };
          insert.run(record);
          ctx.outbox.append({ entity: 'handoff', entityId: handoffId, op: 'handoff.submit', payload: { ...record, meeting: JSON.parse(record.meeting) as Meeting } }, at);
          return handoffId;
        })
        .immediate();
      changed();
      return deps.reads.get(id);
    },
    accept(id: string, comment: string | undefined): Handoff {
      return this.decide(id, { kind: 'accept', ...(comment ? { comment } : {}) }, 'accepted');
    },
    reject(input: RejectInput): Handoff {
      const { id, ...action } = input;
      return this.decide(id, { kind: 'reject', ...action }, 'rejected');
    },
    decide(id: string, action: StageAction, status: 'accepted' | 'rejected'): Handoff {
      const now = ctx.now();
      db.transaction(() => {
        const row = pendingRow(id);
        const event = transition(row, action, now);
        const outcome = {
          id,
          status,
          at: event.at,
          by: event.actor,
          reason: event.reason,
          reasonGroup: event.reasonGroup,
          comment: event.comment,
          rejectedTo: status === 'rejected' ? event.to : null,
          recontactOn: event.recontactOn,
        };
        decide.run(outcome);
        ctx.outbox.append({ entity: 'handoff', entityId: id, op: `handoff.${status === 'accepted' ? 'accept' : 'reject'}`, payload: { ...outcome, transitionId: event.id } }, event.at);
      }).immediate();
      changed();
      return deps.reads.get(id);
    },
    confirmDeal(id: string, comment: string | undefined): Handoff {
      const now = ctx.now();
      db.transaction(() => {
        const row = deps.reads.row(id);
        if (row.status !== 'accepted') {
          throw new BantamError('conflict', `A deal can be confirmed only on an accepted handoff; this one is ${row.status}. Nothing was changed.`, {
            messageKey: 'handoff.error.notAccepted',
            params: { status: row.status },
          });
        }
        const event = transition(row, { kind: 'confirm_deal', ...(comment ? { comment } : {}) }, now);
        confirm.run(event.at, id);
        ctx.outbox.append({ entity: 'handoff', entityId: id, op: 'handoff.confirm_deal', payload: { id, at: event.at, by: event.actor, transitionId: event.id } }, event.at);
      }).immediate();
      changed();
      return deps.reads.get(id);
    },
  };
};
