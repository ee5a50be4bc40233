import { z } from 'zod';

// The hearing items: the four BANT items, then the optional ones a team can switch on in its script.
export const BANT_ITEMS = ['budget', 'authority', 'need', 'timeline'] as const;
export const OPTIONAL_ITEMS = ['competitors', 'currentSolution', 'nextStep', 'meetingDate'] as const;
export const HEARING_ITEMS = [...BANT_ITEMS, ...OPTIONAL_ITEMS] as const;
export type BantItem = (typeof BANT_ITEMS)[number];
export type OptionalItem = (typeof OPTIONAL_ITEMS)[number];
export type HearingItem = (typeof HEARING_ITEMS)[number];

// Each item has one structured choice the rules test; 'unknown' is always last and never satisfies a rule.
export const ITEM_CHOICES = {
  budget: ['secured_this_fy', 'planned_next_fy', 'none', 'unknown'],
  authority: ['decision_maker', 'influencer', 'user', 'unknown'],
  need: ['high', 'medium', 'low', 'none', 'unknown'],
  timeline: ['within_3_months', 'months_3_to_6', 'months_6_to_12', 'later', 'unknown'],
  competitors: ['comparing', 'not_comparing', 'unknown'],
  currentSolution: ['manual', 'spreadsheet', 'in_house_system', 'other_product', 'none', 'unknown'],
  nextStep: ['agreed', 'not_agreed', 'unknown'],
  meetingDate: ['agreed', 'proposed', 'declined', 'unknown'],
} as const satisfies Record<HearingItem, readonly [string, ...string[]]>;
export type ItemChoice<I extends HearingItem> = (typeof ITEM_CHOICES)[I][number];

// The field of each item's answer that holds its choice.
export const CHOICE_FIELD = {
  budget: 'status',
  authority: 'role',
  need: 'severity',
  timeline: 'horizon',
  competitors: 'status',
  currentSolution: 'kind',
  nextStep: 'status',
  meetingDate: 'status',
} as const satisfies Record<HearingItem, string>;

export const CONFIDENCES = ['heard', 'inferred'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

const MAX_YEN = 1_000_000_000_000;
// A calendar day in Japan time, YYYY-MM-DD.
export const daySchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Write the date as YYYY-MM-DD, e.g. 2026-04-01.');
const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters; put the rest in the call note.`);
const yen = z
  .number({ error: 'Write the amount in yen as a whole number, e.g. 3000000.' })
  .int('Write the amount in yen as a whole number, without decimals.')
  .min(0, 'The amount cannot be negative.')
  .max(MAX_YEN, 'That amount is too large; write it in yen, e.g. 3000000 for 300万円.');
const choice = <I extends HearingItem>(item: I) =>
  z.enum(ITEM_CHOICES[item], { error: `Choose one of: ${ITEM_CHOICES[item].join(', ')}.` });

// What every item records besides its own fields. `answeredOn` is the JST day the item last
// changed: set by mergeAnswers, it lets a timeline heard months ago be read relative to today.
const common = {
  confidence: z.enum(CONFIDENCES, { error: 'Choose whether this was heard directly or inferred.' }).optional(),
  verbatim: text(2000).optional(),
  answeredOn: daySchema.optional(),
};

export const budgetAnswerSchema = z
  .object({
    status: choice('budget').optional(),
    amountMin: yen.nullable().optional(),
    amountMax: yen.nullable().optional(),
    fiscalYearEndMonth: z
      .number({ error: 'Choose the month the fiscal year ends, 1 to 12 (3 for March).' })
      .int('Choose the month the fiscal year ends, 1 to 12 (3 for March).')
      .min(1, 'Choose the month the fiscal year ends, 1 to 12 (3 for March).')
      .max(12, 'Choose the month the fiscal year ends, 1 to 12 (3 for March).')
      .nullable()
      .optional(),
    ...common,
  })
  .strict()
  .refine((b) => b.amountMin == null || b.amountMax == null || b.amountMin <= b.amountMax, {
    message: 'The lower amount is above the upper amount; swap them or clear one.',
    path: ['amountMax'],
  });

export const authorityAnswerSchema = z
  .object({
    role: choice('authority').optional(),
    decisionMakerName: text(100).optional(),
    decisionMakerTitle: text(100).optional(),
    approvalFlow: text(300).optional(),
    ...common,
  })
  .strict();

export const needAnswerSchema = z
  .object({ severity: choice('need').optional(), painPoints: text(4000).optional(), currentProcess: text(1000).optional(), ...common })
  .strict();

export const timelineAnswerSchema = z.object({ horizon: choice('timeline').optional(), targetDate: daySchema.nullable().optional(), ...common }).strict();

export const competitorsAnswerSchema = z.object({ status: choice('competitors').optional(), names: text(500).optional(), ...common }).strict();

export const currentSolutionAnswerSchema = z
  .object({ kind: choice('currentSolution').optional(), description: text(1000).optional(), ...common })
  .strict();

export const nextStepAnswerSchema = z.object({ status: choice('nextStep').optional(), description: text(500).optional(), ...common }).strict();

export const meetingDateAnswerSchema = z
  .object({
    status: choice('meetingDate').optional(),
    at: z
      .string()
      .datetime({ offset: true, message: 'Give the meeting time as a date and time, e.g. 2026-12-01T14:00:00+09:00.' })
      .nullable()
      .optional(),
    ...common,
  })
  .strict();

// A hearing's answers: every item and every field may be missing, since a hearing accumulates over
// several calls. The same schema checks the form (react-hook-form resolver) and the backend input.
export const bantAnswersSchema = z
  .object({
    budget: budgetAnswerSchema.optional(),
    authority: authorityAnswerSchema.optional(),
    need: needAnswerSchema.optional(),
    timeline: timelineAnswerSchema.optional(),
    competitors: competitorsAnswerSchema.optional(),
    currentSolution: currentSolutionAnswerSchema.optional(),
    nextStep: nextStepAnswerSchema.optional(),
    meetingDate: meetingDateAnswerSchema.optional(),
  })
  .strict();
export type BantAnswers = z.infer<typeof bantAnswersSchema>;
export type ItemAnswer<I extends HearingItem> = NonNullable<BantAnswers[I]>;

// The item's choice, or 'unknown' when nothing was chosen yet.
export const itemChoice = <I extends HearingItem>(answers: BantAnswers, item: I): ItemChoice<I> | 'unknown' => {
  const answer = answers[item] as Record<string, unknown> | undefined;
  const value = answer?.[CHOICE_FIELD[item]];
  return typeof value === 'string' ? (value as ItemChoice<I>) : 'unknown';
};

const isBlank = (value: unknown): boolean => value === undefined || value === null || value === '';

// An item's fields without its stamp, in a fixed order, to tell whether a call changed anything.
const content = (record: Record<string, unknown>): [string, unknown][] =>
  Object.entries(record)
    .filter(([field]) => field !== 'answeredOn')
    .sort(([a], [b]) => a.localeCompare(b));

export type MergeResult = { answers: BantAnswers; changed: HearingItem[] };

// Lays a partial answer set from one call onto the answers accumulated so far. A field left out
// keeps its value; a field sent empty ('' or null) clears it; an item whose fields all clear goes.
// Items that changed are stamped with `today` (JST day) and listed, so each change can be kept.
export const mergeAnswers = (accumulated: BantAnswers, patch: BantAnswers, today: string): MergeResult => {
  const answers: Record<string, Record<string, unknown>> = {};
  const changed: HearingItem[] = [];
  for (const item of HEARING_ITEMS) {
    const before = (accumulated[item] ?? {}) as Record<string, unknown>;
    const after: Record<string, unknown> = { ...before };
    for (const [field, value] of Object.entries(patch[item] ?? {})) {
      if (field === 'answeredOn' || value === undefined) continue;
      if (isBlank(value)) delete after[field];
      else after[field] = value;
    }
    const fields = content(after);
    const differs = JSON.stringify(fields) !== JSON.stringify(content(before));
    if (differs) changed.push(item);
    if (fields.length > 0) answers[item] = differs ? { ...Object.fromEntries(fields), answeredOn: today } : before;
  }
  return { answers: answers as BantAnswers, changed };
};
