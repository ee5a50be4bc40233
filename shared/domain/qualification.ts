import { z } from 'zod';
import { HEARING_ITEMS, ITEM_CHOICES, itemChoice, type BantAnswers, type HearingItem } from './bant';

// A condition over one hearing item. Conditions never name 'unknown': an unknown answer never
// satisfies a condition, and "is known" is the way to ask for an answer.
type KnownChoice<I extends HearingItem> = Exclude<(typeof ITEM_CHOICES)[I][number], 'unknown'>;

const knownChoices = <I extends HearingItem>(item: I) =>
  ITEM_CHOICES[item].filter((c): c is KnownChoice<I> => c !== 'unknown') as [KnownChoice<I>, ...KnownChoice<I>[]];

const choiceConditions = <I extends HearingItem>(item: I) => {
  const value = z.enum(knownChoices(item), { error: `Choose one of: ${knownChoices(item).join(', ')}.` });
  return [
    z.object({ item: z.literal(item), op: z.enum(['is', 'is_not']), value }).strict(),
    z.object({ item: z.literal(item), op: z.literal('is_one_of'), values: z.array(value).min(1, 'Choose at least one answer.') }).strict(),
  ] as const;
};

export const conditionSchema = z.union(
  [
    ...choiceConditions('budget'),
    ...choiceConditions('authority'),
    ...choiceConditions('need'),
    ...choiceConditions('timeline'),
    ...choiceConditions('competitors'),
    ...choiceConditions('currentSolution'),
    ...choiceConditions('nextStep'),
    ...choiceConditions('meetingDate'),
    z.object({ item: z.enum(HEARING_ITEMS), op: z.literal('is_known') }).strict(),
    z
      .object({
        item: z.literal('timeline'),
        op: z.literal('within_months'),
        months: z.number().int('Write the months as a whole number.').min(1, 'Use at least 1 month.').max(60, 'Use at most 60 months.'),
      })
      .strict(),
    z
      .object({
        item: z.literal('budget'),
        op: z.literal('amount_at_least'),
        yen: z.number().int('Write the amount in yen as a whole number.').min(1, 'Use an amount of at least 1 yen.'),
      })
      .strict(),
  ],
  { error: 'This condition is not one the rule language knows: pick an item, an operator and a value from the lists.' },
);
export type Condition = z.infer<typeof conditionSchema>;
export type ConditionOp = Condition['op'];

export const JOINS = ['and', 'or'] as const;
export type Join = (typeof JOINS)[number];

// Two levels at most: a rule joins conditions and groups; a group joins conditions only.
const groupSchema = z
  .object({ join: z.enum(JOINS), terms: z.array(conditionSchema).min(1, 'A group needs at least one condition.').max(20) })
  .strict();
export type ConditionGroup = z.infer<typeof groupSchema>;

export const ruleSchema = z
  .object({
    join: z.enum(JOINS),
    terms: z
      .array(z.union([conditionSchema, groupSchema]))
      .min(1, 'A definition needs at least one condition.')
      .max(20, 'Keep a definition to 20 conditions or groups; split long lists into a group.'),
  })
  .strict();
export type Rule = z.infer<typeof ruleSchema>;
export type RuleTerm = Rule['terms'][number];

export const isGroup = (term: RuleTerm): term is ConditionGroup => 'join' in term;

export type Verdict = 'met' | 'not_met' | 'unknown';

// One condition's verdict, with its place in the rule: [term] or [term, condition in the group].
export type ConditionResult = { path: number[]; condition: Condition; verdict: Verdict };

export type Evaluation = {
  verdict: Verdict;
  met: boolean;
  conditions: ConditionResult[];
  // The conditions standing between this lead and the definition: answered against it, or unknown.
  failed: ConditionResult[];
  missing: ConditionResult[];
};

const MONTH_BOUNDS = {
  within_3_months: [0, 3],
  months_3_to_6: [3, 6],
  months_6_to_12: [6, 12],
  later: [12, Number.POSITIVE_INFINITY],
} as const;

// Calendar months on a YYYY-MM-DD day, clamped to the month's end (11-30 + 3 months = 02-28).
export const addMonths = (day: string, months: number): string => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
};

// "Within N months" from today: a target date decides alone; otherwise the horizon, read from the
// day it was heard, is met only if all of it falls inside and fails only if none of it does.
const timelineWithin = (answers: BantAnswers, months: number, today: string): Verdict => {
  const deadline = addMonths(today, months);
  const target = answers.timeline?.targetDate;
  if (target) return target <= deadline ? 'met' : 'not_met';
  const horizon = itemChoice(answers, 'timeline');
  if (horizon === 'unknown') return 'unknown';
  const [low, high] = MONTH_BOUNDS[horizon];
  const heardOn = answers.timeline?.answeredOn ?? today;
  if (high !== Number.POSITIVE_INFINITY && addMonths(heardOn, high) <= deadline) return 'met';
  if (low > 0 && addMonths(heardOn, low) >= deadline) return 'not_met';
  return 'unknown';
};

// A range meets "at least" when its lower end does, fails when its upper end falls short.
const amountAtLeast = (answers: BantAnswers, yen: number): Verdict => {
  const budget = answers.budget;
  if (budget?.status === 'none') return 'not_met';
  const low = budget?.amountMin ?? budget?.amountMax;
  const high = budget?.amountMax ?? budget?.amountMin;
  if (low == null || high == null) return 'unknown';
  if (low >= yen) return 'met';
  return high < yen ? 'not_met' : 'unknown';
};

export const evaluateCondition = (condition: Condition, answers: BantAnswers, today: string): Verdict => {
  switch (condition.op) {
    case 'within_months':
      return timelineWithin(answers, condition.months, today);
    case 'amount_at_least':
      return amountAtLeast(answers, condition.yen);
  }
  const answer = itemChoice(answers, condition.item);
  if (answer === 'unknown') return 'unknown';
  switch (condition.op) {
    case 'is_known':
      return 'met';
    case 'is':
      return answer === condition.value ? 'met' : 'not_met';
    case 'is_not':
      return answer !== condition.value ? 'met' : 'not_met';
    case 'is_one_of':
      return (condition.values as readonly string[]).includes(answer) ? 'met' : 'not_met';
  }
};

// Three-valued AND / OR: one unknown keeps an AND from being met, one met answer settles an OR.
const combine = (join: Join, verdicts: Verdict[]): Verdict => {
  const decisive = join === 'and' ? 'not_met' : 'met';
  if (verdicts.includes(decisive)) return decisive;
  return verdicts.includes('unknown') ? 'unknown' : join === 'and' ? 'met' : 'not_met';
};

type Judged = { verdict: Verdict; blocking: ConditionResult[]; all: ConditionResult[] };

// Blocking conditions: in a group that is not met, an AND is blocked by its terms that are not
// met, an OR by all of them (any one could settle it).
const judge = (join: Join, terms: Judged[]): Judged => {
  const verdict = combine(join, terms.map((t) => t.verdict));
  const blocking = verdict === 'met' ? [] : terms.filter((t) => join === 'or' || t.verdict !== 'met').flatMap((t) => t.blocking);
  return { verdict, blocking, all: terms.flatMap((t) => t.all) };
};

const judgeCondition = (condition: Condition, path: number[], answers: BantAnswers, today: string): Judged => {
  const result: ConditionResult = { path, condition, verdict: evaluateCondition(condition, answers, today) };
  return { verdict: result.verdict, blocking: result.verdict === 'met' ? [] : [result], all: [result] };
};

// Whether the answers meet a rule on `today` (JST day, YYYY-MM-DD), and exactly which conditions
// are failed or still unknown. Unknown answers are never "met".
export const evaluate = (rule: Rule, answers: BantAnswers, today: string): Evaluation => {
  const judged = judge(
    rule.join,
    rule.terms.map((term, i) =>
      isGroup(term)
        ? judge(
            term.join,
            term.terms.map((condition, j) => judgeCondition(condition, [i, j], answers, today)),
          )
        : judgeCondition(term, [i], answers, today),
    ),
  );
  return {
    verdict: judged.verdict,
    met: judged.verdict === 'met',
    conditions: judged.all,
    failed: judged.blocking.filter((c) => c.verdict === 'not_met'),
    missing: judged.blocking.filter((c) => c.verdict === 'unknown'),
  };
};
