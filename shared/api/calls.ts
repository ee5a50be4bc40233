import { z } from 'zod';
import { callingRulesSchema, type CallingRules, type HeldEntry, type QueueEntry } from '../domain/calling';
import { TEMPERATURES } from '../domain/stages';
import { method } from './define';

const id = z.string().min(1).max(64);
const isoTime = z.string().datetime({ offset: true, message: 'Give the time as an ISO-8601 date-time with a time zone, e.g. 2026-11-24T10:00:00+09:00.' });

export const queueInput = z
  .object({
    // Whose leads: omitted means the current user; '*' means everyone's.
    owner: z.string().trim().min(1).max(100).optional(),
    source: z.string().max(100).optional(),
    temperature: z.enum(TEMPERATURES).optional(),
    importId: id.optional(),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type QueueInput = z.output<typeof queueInput>;

export type QueueView = {
  // The time the queue was computed for (the backend's clock).
  now: string;
  // Leads offered now, in order: the first one is the next to call.
  entries: QueueEntry[];
  // The rep's leads that are not offered now, and why (outside hours, daily cap, ...).
  held: HeldEntry[];
  counts: { offered: number; held: number; callbacksDue: number; callbacksMissed: number };
};

export type RulesRecord = { rules: CallingRules; version: number; updatedAt: string; updatedBy: string };

// A call in progress on this machine: the lead is taken out of every queue until it is logged or abandoned.
export type ActiveCall = { id: string; leadId: string; phoneNumber: string | null; startedAt: string };

export type CallLog = {
  id: string;
  leadId: string;
  companyName: string;
  personName: string;
  phoneNumber: string | null;
  outcome: string;
  startedAt: string;
  endedAt: string | null;
  durationSeconds: number | null;
  note: string | null;
  callbackAt: string | null;
  actor: string;
};

export type Callback = {
  id: string;
  leadId: string;
  companyName: string;
  personName: string;
  dueAt: string;
  note: string | null;
  status: 'open' | 'done' | 'cancelled';
  missed: boolean;
  createdAt: string;
};

export type DayStats = {
  // The JST calendar day counted.
  day: string;
  callsMade: number;
  connects: number;
  connectRate: number | null;
  callbacksDue: number;
  callbacksMissed: number;
  tqlsToday: number;
};

export type Draft = { leadId: string; body: string; savedAt: string };

export const logCallInput = z
  .object({
    callId: id,
    outcome: z.string().min(1).max(40),
    note: z.string().max(20_000).default(''),
    // Required when the outcome's effect is `callback`.
    callbackAt: isoTime.optional(),
    callbackNote: z.string().max(500).optional(),
  })
  .strict();

export const callsApi = {
  'queue.get': method<QueueView>()(queueInput, 'The call queue in order, each lead with the reason it is there, and the leads held back.'),
  'queue.rules': method<RulesRecord>()(z.object({}).strict(), "The team's calling rules and their version."),
  'queue.updateRules': method<RulesRecord>()(
    z.object({ rules: callingRulesSchema, version: z.number().int().min(0) }).strict(),
    'Replace the calling rules; `version` must be the one being edited.',
  ),
  'calls.start': method<ActiveCall>()(
    z.object({ leadId: id, phoneNumber: z.string().max(40).nullable() }).strict(),
    'Start a call: the timer runs from now and the lead leaves every queue until the call is logged or abandoned.',
  ),
  'calls.abandon': method<{ leadId: string }>()(z.object({ callId: id }).strict(), 'Drop a started call without logging it.'),
  'calls.active': method<ActiveCall[]>()(z.object({}).strict(), 'Calls started on this machine and not yet logged.'),
  'calls.log': method<CallLog>()(
    logCallInput,
    "Log a started call's outcome and note in one step; applies the outcome's effect (callback, wrong number, do-not-call).",
  ),
  'calls.list': method<CallLog[]>()(
    z
      .object({ leadId: id.optional(), since: isoTime.optional(), limit: z.number().int().min(1).max(1000).default(200) })
      .strict(),
    'Logged calls, newest first.',
  ),
  'calls.today': method<DayStats>()(z.object({}).strict(), "The current user's day: calls, connects, callbacks, TQLs."),
  'callbacks.list': method<Callback[]>()(
    z.object({ status: z.enum(['open', 'done', 'cancelled']).default('open'), leadId: id.optional() }).strict(),
    'Callbacks, soonest first.',
  ),
  'callbacks.schedule': method<Callback>()(
    z.object({ leadId: id, dueAt: isoTime, note: z.string().max(500).optional() }).strict(),
    'Promise a callback on a lead at a time.',
  ),
  'callbacks.cancel': method<Callback>()(z.object({ id }).strict(), 'Cancel an open callback.'),
  'drafts.get': method<Draft | null>()(z.object({ leadId: id }).strict(), "The unsaved call note for a lead, if any."),
  'drafts.save': method<Draft>()(
    z.object({ leadId: id, body: z.string().max(20_000) }).strict(),
    'Keep what the rep is typing; called continuously while they type.',
  ),
  'drafts.discard': method<{ leadId: string }>()(z.object({ leadId: id }).strict(), 'Drop the draft of a lead.'),
};
