import { z } from 'zod';
import { daySchema, type BantAnswers } from '../domain/bant';
import { slaSettingsSchema, type SlaClock, type SlaSettings } from '../domain/handoff-sla';
import type { Lead } from '../domain/lead';
import type { RejectGroup } from '../domain/reasons';
import { REJECT_TARGETS } from '../domain/stage-machine';
import type { CallLog } from './calls';
import { method } from './define';

const id = z.string().min(1).max(64);

export const HANDOFF_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];
export const MEETING_STATUSES = ['proposed', 'fixed'] as const;
export const MEETING_MODES = ['online', 'visit'] as const;

// The meeting the rep arranged: proposed to the customer or fixed with them, online or a visit,
// with where (an address or a meeting URL) when known.
export const meetingSchema = z
  .object({
    status: z.enum(MEETING_STATUSES),
    at: z.string().datetime({ offset: true, message: 'Give the meeting time as a date and time, e.g. 2026-12-01T14:00:00+09:00.' }),
    mode: z.enum(MEETING_MODES),
    place: z.string().trim().max(500, 'Keep the place or URL under 500 characters.').optional(),
  })
  .strict();
export type Meeting = z.infer<typeof meetingSchema>;

// The parts a handoff needs; a submission is refused while any is missing, naming each.
export const HANDOFF_PARTS = ['assignee', 'meetingStatus', 'meetingAt', 'meetingMode', 'summary'] as const;
export type HandoffPart = (typeof HANDOFF_PARTS)[number];

// Every part optional here: the backend refuses the missing ones by name, in the user's language.
export const handoffSubmitSchema = z
  .object({
    leadId: id,
    leadVersion: z.number().int().min(1),
    assignee: z.string().trim().max(100, 'Keep the name under 100 characters.').default(''),
    meeting: meetingSchema.partial().strict().default({}),
    summary: z.string().trim().max(8000, 'Keep the summary under 8000 characters.').default(''),
  })
  .strict();
export type HandoffSubmitInput = z.input<typeof handoffSubmitSchema>;

export const missingHandoffParts = (input: { assignee?: string; meeting?: Partial<Meeting>; summary?: string }): HandoffPart[] => {
  const blank = (value: string | undefined) => value === undefined || value.trim() === '';
  const missing: HandoffPart[] = [];
  if (blank(input.assignee)) missing.push('assignee');
  if (!input.meeting?.status) missing.push('meetingStatus');
  if (blank(input.meeting?.at)) missing.push('meetingAt');
  if (!input.meeting?.mode) missing.push('meetingMode');
  if (blank(input.summary)) missing.push('summary');
  return missing;
};

// What the rep starts the handoff form from: a summary Bantam drafted from the BANT answers, the
// customer's own words and the call notes, the meeting heard in the hearing, and the field sales
// people earlier handoffs went to.
export type HandoffDraft = {
  leadId: string;
  leadVersion: number;
  stage: Lead['stage'];
  summary: string;
  meeting: Partial<Meeting>;
  knownAssignees: string[];
  // The pending handoff of this lead, if one was already submitted.
  pendingId: string | null;
};

export type Handoff = {
  id: string;
  leadId: string;
  companyName: string;
  personName: string;
  fromRep: string;
  assignee: string;
  meeting: Meeting;
  summary: string;
  definitionVersion: number;
  submittedAt: string;
  status: HandoffStatus;
  sla: SlaClock;
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
  reasonGroup: RejectGroup | null;
  comment: string | null;
  rejectedTo: (typeof REJECT_TARGETS)[number] | null;
  recontactOn: string | null;
  dealConfirmedAt: string | null;
};

export type HandoffNote = { id: string; body: string; actor: string; at: string };

// Everything field sales read before the meeting.
export type HandoffPacket = Handoff & { lead: Lead; answers: BantAnswers; calls: CallLog[]; notes: HandoffNote[] };

export type HandoffInbox = { now: string; items: Handoff[]; counts: { pending: number; overdue: number } };

export type SlaRecord = { settings: SlaSettings; version: number; updatedAt: string; updatedBy: string };

export const handoffApi = {
  'handoff.draft': method<HandoffDraft>()(z.object({ leadId: id }).strict(), 'The handoff Bantam drafts for a TQL lead: summary, meeting heard, known field sales.'),
  'handoff.submit': method<Handoff>()(
    handoffSubmitSchema,
    'Hand a TQL lead to field sales; refused, naming each missing part, until assignee, meeting and summary are there. Starts the SLA clock.',
  ),
  'handoff.inbox': method<HandoffInbox>()(
    z
      .object({
        status: z.enum([...HANDOFF_STATUSES, 'all']).default('pending'),
        // Only handoffs to this field sales person, or only those this rep submitted.
        assignee: z.string().trim().min(1).max(100).optional(),
        // Only the handoffs the current user submitted (a rep's "my handoffs").
        mine: z.boolean().default(false),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    'Handoffs with their SLA clock: pending ones soonest deadline first, decided ones newest decision first; counts pending and overdue.',
  ),
  'handoff.get': method<HandoffPacket>()(z.object({ id }).strict(), 'The full packet of a handoff: lead, BANT with confidence, notes, call history, meeting.'),
  'handoff.ofLead': method<Handoff[]>()(z.object({ leadId: id }).strict(), "A lead's handoffs, newest first."),
  'handoff.accept': method<Handoff>()(z.object({ id, comment: z.string().trim().max(2000).optional() }).strict(), 'Field sales accept a pending handoff: the lead becomes SAL.'),
  'handoff.reject': method<Handoff>()(
    z
      .object({
        id,
        to: z.enum(REJECT_TARGETS),
        reason: z.string().max(40).optional(),
        comment: z.string().max(2000).optional(),
        recontactOn: daySchema.optional(),
      })
      .strict(),
    "Field sales send a pending handoff back with a coded reason and a comment, to the rep's queue (MQL) or to nurture.",
  ),
  'handoff.confirmDeal': method<Handoff>()(z.object({ id, comment: z.string().trim().max(2000).optional() }).strict(), 'Field sales confirm a real deal on an accepted handoff: SAL to SQL.'),
  'handoff.sla': method<SlaRecord>()(z.object({}).strict(), "The SLA field sales have to decide a handoff, and the business hours it counts."),
  'handoff.updateSla': method<SlaRecord>()(
    z.object({ settings: slaSettingsSchema, version: z.number().int().min(0) }).strict(),
    'Change the SLA (team lead); `version` must be the one being edited. Applies to handoffs submitted from now on.',
  ),
};
