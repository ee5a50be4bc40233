import type { Handoff, HandoffInbox, HandoffNote, HandoffPacket, HandoffStatus, Meeting } from '../../../shared/api/handoff';
import { slaClock, type SlaSettings } from '../../../shared/domain/handoff-sla';
import { personName } from '../../../shared/domain/lead';
import type { RejectGroup } from '../../../shared/domain/reasons';
import { createCallRepository } from '../calls/repository';
import type { BackendContext } from '../context';
import { BantamError } from '../errors';
import type { HearingStore } from '../qualification/hearing-store';
import type { LeadRepository } from '../leads/repository';

export type HandoffRow = {
  id: string;
  lead_id: string;
  company_name: string;
  family_name: string | null;
  given_name: string | null;
  from_rep: string;
  assignee: string;
  meeting: string;
  summary: string;
  definition_version: number;
  submitted_at: string;
  sla_due_at: string;
  status: HandoffStatus;
  decided_at: string | null;
  decided_by: string | null;
  reason: string | null;
  reason_group: RejectGroup | null;
  comment: string | null;
  rejected_to: 'mql' | 'nurture' | null;
  recontact_on: string | null;
  deal_confirmed_at: string | null;
};

const COLUMNS = `h.id, h.lead_id, l.company_name, l.family_name, l.given_name, h.from_rep, h.assignee, h.meeting, h.summary, h.definition_version,
  h.submitted_at, h.sla_due_at, h.status, h.decided_at, h.decided_by, h.reason, h.reason_group, h.comment, h.rejected_to, h.recontact_on, h.deal_confirmed_at`;
const FROM = 'FROM handoffs h JOIN leads l ON l.id = h.lead_id';

export const handoffNotFound = (): BantamError =>
  new BantamError('not_found', 'That handoff does not exist. Reload the handoff list.', { messageKey: 'handoff.error.notFound' });

export type DraftNoteRow = { at: string; body: string };

export type InboxFilter = { status: HandoffStatus | 'all'; assignee?: string | undefined; fromRep?: string | undefined; limit: number };

// The read side of handoffs: one handoff, a lead's handoffs, the inbox with its SLA clocks and the
// full packet field sales read before the meeting.
export const createHandoffReads = (ctx: BackendContext, leads: LeadRepository, hearing: HearingStore, sla: () => SlaSettings) => {
  const { db } = ctx.store;
  const calls = createCallRepository(ctx);
  const byId = db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE h.id = ?`);
  const ofLead = db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE h.lead_id = ? ORDER BY h.submitted_at DESC, h.id DESC`);
  const notes = db.prepare('SELECT id, body, actor, created_at AS at FROM notes WHERE lead_id = ? ORDER BY created_at DESC LIMIT 50');
  const counts = db.prepare(`SELECT count(*) AS pending, coalesce(sum(sla_due_at <= @now), 0) AS overdue FROM handoffs h
    WHERE status = 'pending' AND (@assignee IS NULL OR assignee = @assignee) AND (@fromRep IS NULL OR from_rep = @fromRep)`);
  // Pending: the soonest deadline first (the most urgent on top); decided: the latest decision first.
  const inbox = db.prepare(`SELECT ${COLUMNS} ${FROM}
    WHERE (@status = 'all' OR h.status = @status) AND (@assignee IS NULL OR h.assignee = @assignee) AND (@fromRep IS NULL OR h.from_rep = @fromRep)
    ORDER BY h.status <> 'pending', CASE WHEN h.status = 'pending' THEN h.sla_due_at END ASC, h.decided_at DESC, h.id
    LIMIT @limit`);
  const assignees = db.prepare('SELECT assignee FROM handoffs GROUP BY assignee ORDER BY count(*) DESC, max(submitted_at) DESC LIMIT 50').pluck();
  const pending = db.prepare("SELECT id FROM handoffs WHERE lead_id = ? AND status = 'pending'").pluck();
  const qualified = db.prepare("SELECT definition_version FROM stage_transitions WHERE lead_id = ? AND to_stage = 'tql' ORDER BY occurred_at DESC, id DESC LIMIT 1").pluck();
  const callNotes = db.prepare(`SELECT started_at AS at, note AS body FROM calls WHERE lead_id = @id AND note IS NOT NULL AND note <> ''
    UNION ALL SELECT created_at AS at, body FROM notes WHERE lead_id = @id ORDER BY at DESC LIMIT 20`);

  const toHandoff = (r: HandoffRow, now: Date, settings: SlaSettings): Handoff => ({
    id: r.id,
    leadId: r.lead_id,
    companyName: r.company_name,
    personName: personName({ familyName: r.family_name, givenName: r.given_name }),
    fromRep: r.from_rep,
    assignee: r.assignee,
    meeting: JSON.parse(r.meeting) as Meeting,
    summary: r.summary,
    definitionVersion: r.definition_version,
    submittedAt: r.submitted_at,
    status: r.status,
    sla: slaClock(r.sla_due_at, r.decided_at, now, settings),
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
    reason: r.reason,
    reasonGroup: r.reason_group,
    comment: r.comment,
    rejectedTo: r.rejected_to,
    recontactOn: r.recontact_on,
    dealConfirmedAt: r.deal_confirmed_at,
  });

  const row = (id: string): HandoffRow => {
    const found = byId.get(id) as HandoffRow | undefined;
    if (!found) throw handoffNotFound();
    return found;
  };

  const get = (id: string): Handoff => toHandoff(row(id), ctx.now(), sla());

  return {
    row,
    get,
    ofLead(leadId: string): Handoff[] {
      const now = ctx.now();
      const settings = sla();
      return (ofLead.all(leadId) as HandoffRow[]).map((r) => toHandoff(r, now, settings));
    },
    inbox(filter: InboxFilter): HandoffInbox {
      const now = ctx.now();
      const settings = sla();
      const params = { status: filter.status, assignee: filter.assignee ?? null, fromRep: filter.fromRep ?? null, limit: filter.limit, now: now.toISOString() };
      const items = (inbox.all(params) as HandoffRow[]).map((r) => toHandoff(r, now, settings));
      const { pending, overdue } = counts.get(params) as { pending: number; overdue: number };
      return { now: params.now, items, counts: { pending, overdue } };
    },
    packet(id: string): HandoffPacket {
      const handoff = get(id);
      return {
        ...handoff,
        lead: leads.get(handoff.leadId),
        answers: hearing.answersOf(handoff.leadId).answers,
        calls: calls.list({ leadId: handoff.leadId, limit: 50 }),
        notes: notes.all(handoff.leadId) as HandoffNote[],
      };
    },
    // The field sales people handoffs have gone to, most used first, for the form's suggestions.
    knownAssignees: (): string[] => assignees.all() as string[],
    pendingOf: (leadId: string): string | null => (pending.get(leadId) as string | undefined) ?? null,
    // The definitions version of the decision that made the lead TQL.
    qualifiedWith: (leadId: string): number | null => (qualified.get(leadId) as number | undefined) ?? null,
    // The lead's call notes and notes, newest first.
    callNotes: (leadId: string): DraftNoteRow[] => callNotes.all({ id: leadId }) as DraftNoteRow[],
  };
};

export type HandoffReads = ReturnType<typeof createHandoffReads>;
