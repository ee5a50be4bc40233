import { z } from 'zod';
import type { Stage, Temperature } from './stages';

// What a call outcome does to the lead. The team lead may rename, reorder, add or switch off
// outcomes, but each one has exactly one of these effects, so the consequences stay the same.
export const OUTCOME_EFFECTS = ['connected', 'no_contact', 'wrong_number', 'callback', 'do_not_call'] as const;
export type OutcomeEffect = (typeof OUTCOME_EFFECTS)[number];

// The outcomes that ship with the app; their labels come from the catalog (call.outcome.<code>).
export const BUILT_IN_OUTCOMES = [
  'connected',
  'no_answer',
  'busy',
  'voicemail',
  'receptionist_block',
  'wrong_number',
  'callback_requested',
  'do_not_call',
] as const;
export type BuiltInOutcome = (typeof BUILT_IN_OUTCOMES)[number];

export const callOutcomeSchema = z
  .object({
    code: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use lower-case letters, digits and _ (starting with a letter), up to 40 characters.'),
    effect: z.enum(OUTCOME_EFFECTS),
    // A team's own wording; a built-in outcome without labels uses the catalog.
    label: z.object({ ja: z.string().trim().min(1).max(40), en: z.string().trim().min(1).max(40) }).partial().optional(),
    enabled: z.boolean(),
  })
  .strict();
export type CallOutcome = z.infer<typeof callOutcomeSchema>;

// The stages a rep calls in; a lead leaving them (TQL, nurture, disqualified...) leaves the queue
// and its promised callbacks are cancelled. Nurtured leads come back on their re-contact day.
export const CALLABLE_STAGES = ['lead', 'mql'] as const satisfies readonly Stage[];
export const isCallableStage = (stage: Stage): boolean => (CALLABLE_STAGES as readonly Stage[]).includes(stage);

// The queue's buckets, in the order the team lead chose (default: as listed here).
export const QUEUE_BUCKETS = ['callback_due', 'hot_new', 'cadence_due', 'rest'] as const;
export type QueueBucket = (typeof QUEUE_BUCKETS)[number];

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Write the time as HH:MM (24-hour), e.g. 09:00.');

// The team's calling rules: cadence, calling hours (JST), what counts as a hot new lead, the queue
// order and the outcomes. Edited by the team lead; versioned by the backend.
export const callingRulesSchema = z
  .object({
    maxAttemptsPerDay: z.number().int().min(1).max(20),
    minGapMinutes: z.number().int().min(0).max(7 * 24 * 60),
    maxAttemptsBeforeNurture: z.number().int().min(1).max(50),
    callingHours: z.object({ start: clockTime, end: clockTime }).strict(),
    weekdaysOnly: z.boolean(),
    skipHolidays: z.boolean(),
    speedToLeadHours: z.number().int().min(1).max(24 * 14),
    // A lead from one of these sources, or with temperature hot, is a hot new lead until first called.
    hotSources: z.array(z.string().trim().min(1).max(100)).max(50),
    bucketOrder: z.array(z.enum(QUEUE_BUCKETS)).length(QUEUE_BUCKETS.length),
    // A callback counts as missed this many minutes after it fell due.
    missedAfterMinutes: z.number().int().min(0).max(24 * 60),
    outcomes: z.array(callOutcomeSchema).min(1).max(9),
  })
  .strict()
  .refine((r) => r.callingHours.start < r.callingHours.end, { message: 'Calling hours must end after they start.', path: ['callingHours', 'end'] })
  .refine((r) => new Set(r.bucketOrder).size === r.bucketOrder.length, { message: 'Each queue bucket must appear once.', path: ['bucketOrder'] })
  .refine((r) => new Set(r.outcomes.map((o) => o.code)).size === r.outcomes.length, { message: 'Outcome codes must be unique.', path: ['outcomes'] })
  .refine((r) => r.outcomes.some((o) => o.enabled), { message: 'At least one outcome must be switched on.', path: ['outcomes'] });
export type CallingRules = z.infer<typeof callingRulesSchema>;

export const DEFAULT_OUTCOME_EFFECTS: Record<BuiltInOutcome, OutcomeEffect> = {
  connected: 'connected',
  no_answer: 'no_contact',
  busy: 'no_contact',
  voicemail: 'no_contact',
  receptionist_block: 'no_contact',
  wrong_number: 'wrong_number',
  callback_requested: 'callback',
  do_not_call: 'do_not_call',
};

export const DEFAULT_CALLING_RULES: CallingRules = {
  maxAttemptsPerDay: 2,
  minGapMinutes: 120,
  maxAttemptsBeforeNurture: 6,
  callingHours: { start: '09:00', end: '18:00' },
  weekdaysOnly: true,
  skipHolidays: true,
  speedToLeadHours: 24,
  hotSources: ['inquiry', 'webinar', 'pricing', '問い合わせ', 'ウェビナー', '資料請求', '料金'],
  bucketOrder: [...QUEUE_BUCKETS],
  missedAfterMinutes: 15,
  outcomes: BUILT_IN_OUTCOMES.map((code) => ({ code, effect: DEFAULT_OUTCOME_EFFECTS[code], enabled: true })),
};

// What the queue knows about a lead: a narrow, JSON-safe row read through an index.
export type QueueLead = {
  id: string;
  companyName: string;
  familyName: string | null;
  givenName: string | null;
  familyNameKana: string | null;
  givenNameKana: string | null;
  title: string | null;
  phone: string | null;
  mobile: string | null;
  // Numbers a call found to be wrong (the rep should not dial them again).
  wrongNumbers?: ('phone' | 'mobile')[];
  stage: Stage;
  temperature: Temperature | null;
  score: number | null;
  source: string | null;
  owner: string | null;
  importId: string | null;
  callCount: number;
  lastCalledAt: string | null;
  // Attempts made today (JST calendar day) on this lead.
  attemptsToday: number;
  // The lead's own calling hours (JST, HH:MM), when known.
  callWindow: { start: string; end: string } | null;
  createdAt: string;
  // The earliest open callback on this lead, if any.
  callback: { id: string; dueAt: string; note: string | null } | null;
};

// Why a lead is where it is in the queue: data the UI and the CLI turn into words from the catalog.
export type QueueReason =
  | { bucket: 'callback_due'; dueAt: string; overdueMinutes: number; missed: boolean }
  | { bucket: 'hot_new'; arrivedAt: string; hoursSinceArrival: number; targetHours: number; overTarget: boolean }
  | { bucket: 'cadence_due'; attempts: number; lastCalledAt: string | null; temperature: Temperature | null; score: number | null }
  | { bucket: 'rest'; attempts: number; lastCalledAt: string | null };

// Why a lead is not offered now although it is the rep's: shown, but not called.
export type QueueHold =
  | { kind: 'callback_later'; dueAt: string }
  | { kind: 'daily_cap'; attemptsToday: number; max: number; nextAt: string }
  | { kind: 'attempt_gap'; lastCalledAt: string; nextAt: string }
  | { kind: 'outside_hours'; nextAt: string }
  | { kind: 'nurture_proposed'; attempts: number; max: number }
  | { kind: 'in_call' };

export type QueueEntry = { lead: QueueLead; reason: QueueReason };
export type HeldEntry = { lead: QueueLead; hold: QueueHold };
