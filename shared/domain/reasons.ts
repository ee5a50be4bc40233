import { z } from 'zod';

// The coded reasons a decision must carry. The team lead may add, reword, reorder or switch off
// reasons; the built-in ones take their labels from the catalog (qualification.reason.<list>.<code>).
export const DISQUALIFY_REASONS = [
  'no_need',
  'no_budget',
  'competitor_chosen',
  'wrong_contact',
  'duplicate',
  'out_of_target',
  'do_not_call',
  'unreachable',
] as const;

export const NURTURE_REASONS = [
  'budget_next_fy',
  'timing_later',
  'need_not_yet',
  'gathering_information',
  'no_access_to_decision_maker',
  'asked_to_contact_later',
  // The cadence proposes nurture after the maximum number of attempts.
  'unreachable',
] as const;

// Why field sales sends a handed-off lead back: definitional (it does not meet the definition),
// clerical (the handoff's data is wrong or missing), procedural (the handoff itself went wrong).
export const REJECT_GROUPS = ['definitional', 'clerical', 'procedural'] as const;
export type RejectGroup = (typeof REJECT_GROUPS)[number];

export const REJECT_REASONS = {
  need_not_confirmed: 'definitional',
  budget_not_confirmed: 'definitional',
  authority_too_low: 'definitional',
  timeline_too_far: 'definitional',
  out_of_target: 'definitional',
  contact_info_wrong: 'clerical',
  hearing_incomplete: 'clerical',
  duplicate_lead: 'clerical',
  no_meeting_arranged: 'procedural',
  wrong_team: 'procedural',
  already_in_negotiation: 'procedural',
} as const satisfies Record<string, RejectGroup>;

const code = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use lower-case letters, digits and _ (starting with a letter), up to 40 characters.');
// A team's own wording; a built-in reason without labels uses the catalog.
const label = z
  .object({ ja: z.string().trim().min(1).max(60, 'Keep a label under 60 characters.'), en: z.string().trim().min(1).max(60, 'Keep a label under 60 characters.') })
  .partial()
  .optional();

export const reasonSchema = z.object({ code, label, enabled: z.boolean() }).strict();
export type Reason = z.infer<typeof reasonSchema>;

export const rejectReasonSchema = z.object({ code, group: z.enum(REJECT_GROUPS), label, enabled: z.boolean() }).strict();
export type RejectReason = z.infer<typeof rejectReasonSchema>;

const reasonList = <T extends z.ZodType<Reason>>(entry: T, what: string) =>
  z
    .array(entry)
    .min(1, `Keep at least one ${what} reason.`)
    .max(30, `Keep the ${what} reasons to 30 at most.`)
    .refine((list) => new Set(list.map((r) => r.code)).size === list.length, { message: `Each ${what} reason code must be unique.` })
    .refine((list) => list.some((r) => r.enabled), { message: `Switch on at least one ${what} reason.` });

export const reasonListsSchema = z
  .object({
    disqualify: reasonList(reasonSchema, 'disqualification'),
    nurture: reasonList(reasonSchema, 'nurture'),
    reject: reasonList(rejectReasonSchema, 'rejection'),
  })
  .strict();
export type ReasonLists = z.infer<typeof reasonListsSchema>;
export type ReasonList = keyof ReasonLists;

export const DEFAULT_REASON_LISTS: ReasonLists = {
  disqualify: DISQUALIFY_REASONS.map((c) => ({ code: c, enabled: true })),
  nurture: NURTURE_REASONS.map((c) => ({ code: c, enabled: true })),
  reject: Object.entries(REJECT_REASONS).map(([c, group]) => ({ code: c, group, enabled: true })),
};

// The reason a decision may use: listed and switched on.
export const findReason = <L extends ReasonList>(lists: ReasonLists, list: L, reason: string): ReasonLists[L][number] | null =>
  (lists[list] as ReasonLists[L][number][]).find((r) => r.code === reason && r.enabled) ?? null;
