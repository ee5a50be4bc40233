import { describe, expect, it } from 'vitest';
import type { BantAnswers } from '../../../shared/domain/bant';
import { addMonths, evaluate, evaluateCondition, ruleSchema, type Condition, type Rule } from '../../../shared/domain/qualification';
import { DEFAULT_NURTURE_RULE, DEFAULT_TQL_RULE } from '../../../shared/domain/stage-definitions';

const today = '2026-11-24';

const qualified: BantAnswers = {
  budget: { status: 'secured_this_fy' },
  authority: { role: 'decision_maker' },
  need: { severity: 'high' },
  timeline: { horizon: 'within_3_months', answeredOn: today },
};

const verdict = (condition: Condition, answers: BantAnswers, on = today) => evaluateCondition(condition, answers, on);

describe('conditions', () => {
  it('is, is not, is one of: met, not met, and unknown when unanswered or answered unknown', () => {
    const is: Condition = { item: 'authority', op: 'is', value: 'decision_maker' };
    expect(verdict(is, { authority: { role: 'decision_maker' } })).toBe('met');
    expect(verdict(is, { authority: { role: 'user' } })).toBe('not_met');
    expect(verdict(is, { authority: { role: 'unknown' } })).toBe('unknown');
    expect(verdict(is, {})).toBe('unknown');
    const isNot: Condition = { item: 'budget', op: 'is_not', value: 'none' };
    expect(verdict(isNot, { budget: { status: 'planned_next_fy' } })).toBe('met');
    expect(verdict(isNot, { budget: { status: 'none' } })).toBe('not_met');
    // An unknown budget is not "not none": unknown answers are never met.
    expect(verdict(isNot, { budget: { status: 'unknown' } })).toBe('unknown');
    expect(verdict(isNot, { budget: { amountMin: 100 } })).toBe('unknown');
    const oneOf: Condition = { item: 'need', op: 'is_one_of', values: ['high', 'medium'] };
    expect(verdict(oneOf, { need: { severity: 'medium' } })).toBe('met');
    expect(verdict(oneOf, { need: { severity: 'low' } })).toBe('not_met');
    expect(verdict(oneOf, { need: { painPoints: '手入力' } })).toBe('unknown');
  });

  it('is known: met once any choice is made, unknown otherwise (never "not met")', () => {
    const known: Condition = { item: 'nextStep', op: 'is_known' };
    expect(verdict(known, { nextStep: { status: 'not_agreed' } })).toBe('met');
    expect(verdict(known, { nextStep: { status: 'unknown' } })).toBe('unknown');
    expect(verdict(known, {})).toBe('unknown');
  });

  it('amount at least: the lower end must reach it; a range straddling it is unknown', () => {
    const atLeast: Condition = { item: 'budget', op: 'amount_at_least', yen: 1_000_000 };
    expect(verdict(atLeast, { budget: { amountMin: 1_000_000 } })).toBe('met');
    expect(verdict(atLeast, { budget: { amountMax: 2_000_000 } })).toBe('met');
    expect(verdict(atLeast, { budget: { amountMin: 500_000, amountMax: 2_000_000 } })).toBe('unknown');
    expect(verdict(atLeast, { budget: { amountMin: 100_000, amountMax: 900_000 } })).toBe('not_met');
    expect(verdict(atLeast, { budget: { status: 'secured_this_fy' } })).toBe('unknown');
    expect(verdict(atLeast, { budget: { status: 'none' } })).toBe('not_met');
  });
});

describe('timeline within N months, relative to today', () => {
  const within6: Condition = { item: 'timeline', op: 'within_months', months: 6 };
  const horizon = (h: NonNullable<BantAnswers['timeline']>['horizon'], answeredOn = today): BantAnswers => ({ timeline: { horizon: h, answeredOn } });

  it('reads a horizon heard today', () => {
    expect(verdict(within6, horizon('within_3_months'))).toBe('met');
    expect(verdict(within6, horizon('months_3_to_6'))).toBe('met');
    expect(verdict(within6, horizon('months_6_to_12'))).toBe('not_met');
    expect(verdict(within6, horizon('later'))).toBe('not_met');
    expect(verdict(within6, horizon('unknown'))).toBe('unknown');
    expect(verdict(within6, {})).toBe('unknown');
  });

  it('cannot tell when the horizon straddles the limit', () => {
    const within4: Condition = { item: 'timeline', op: 'within_months', months: 4 };
    expect(verdict(within4, horizon('months_3_to_6'))).toBe('unknown');
    expect(verdict({ item: 'timeline', op: 'within_months', months: 3 }, horizon('months_3_to_6'))).toBe('not_met');
    expect(verdict({ item: 'timeline', op: 'within_months', months: 24 }, horizon('later'))).toBe('unknown');
  });

  it('moves a horizon heard months ago closer', () => {
    // "6 to 12 months" heard in May: by November, the earliest is already this month.
    expect(verdict(within6, horizon('months_6_to_12', '2026-05-24'))).toBe('met');
    expect(verdict(within6, horizon('months_6_to_12', '2026-09-24'))).toBe('unknown');
    expect(verdict(within6, horizon('months_6_to_12', today))).toBe('not_met');
  });

  it('lets a target date decide alone, counted in calendar months', () => {
    expect(verdict(within6, { timeline: { horizon: 'later', targetDate: '2027-05-24' } })).toBe('met');
    expect(verdict(within6, { timeline: { horizon: 'within_3_months', targetDate: '2027-05-25' } })).toBe('not_met');
    expect(verdict(within6, { timeline: { targetDate: '2026-10-01' } })).toBe('met');
  });

  it('adds calendar months, clamped to the end of the month', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-24', 14)).toBe('2028-01-24');
    expect(addMonths('2026-12-15', 0)).toBe('2026-12-15');
  });
});

describe('evaluating a rule', () => {
  it('meets the default TQL definition with all four items', () => {
    const result = evaluate(DEFAULT_TQL_RULE, qualified, today);
    expect(result).toMatchObject({ verdict: 'met', met: true, failed: [], missing: [] });
    expect(result.conditions.map((c) => c.verdict)).toEqual(['met', 'met', 'met', 'met']);
  });

  it('names exactly the missing and the failed conditions', () => {
    const partial: BantAnswers = { need: { severity: 'high' }, authority: { role: 'user' }, budget: { status: 'unknown' } };
    const result = evaluate(DEFAULT_TQL_RULE, partial, today);
    expect(result.verdict).toBe('not_met');
    expect(result.met).toBe(false);
    expect(result.failed).toEqual([{ path: [2], condition: DEFAULT_TQL_RULE.terms[2], verdict: 'not_met' }]);
    expect(result.missing.map((c) => c.path)).toEqual([[1], [3]]);
  });

  it('is unknown, never met, while an AND still has unknown answers', () => {
    const result = evaluate(DEFAULT_TQL_RULE, { ...qualified, authority: { role: 'unknown' } }, today);
    expect(result).toMatchObject({ verdict: 'unknown', met: false, failed: [] });
    expect(result.missing.map((c) => c.path)).toEqual([[2]]);
    expect(evaluate(DEFAULT_TQL_RULE, {}, today)).toMatchObject({ verdict: 'unknown', met: false });
  });

  it('settles an OR with one met answer, and lists every term of an unmet OR', () => {
    expect(evaluate(DEFAULT_NURTURE_RULE, { budget: { status: 'planned_next_fy' } }, today)).toMatchObject({ verdict: 'met', failed: [], missing: [] });
    const open = evaluate(DEFAULT_NURTURE_RULE, { budget: { status: 'secured_this_fy' } }, today);
    expect(open.verdict).toBe('unknown');
    expect(open.failed.map((c) => c.path)).toEqual([[0]]);
    expect(open.missing.map((c) => c.path)).toEqual([[1], [2]]);
    const none = evaluate(DEFAULT_NURTURE_RULE, qualified, today);
    expect(none.verdict).toBe('not_met');
    expect(none.failed).toHaveLength(3);
  });

  it('nests a group one level and reports conditions by their path', () => {
    // Need confirmed AND (decision maker OR a meeting agreed).
    const rule: Rule = {
      join: 'and',
      terms: [
        { item: 'need', op: 'is', value: 'high' },
        { join: 'or', terms: [{ item: 'authority', op: 'is', value: 'decision_maker' }, { item: 'meetingDate', op: 'is', value: 'agreed' }] },
      ],
    };
    expect(evaluate(rule, { need: { severity: 'high' }, meetingDate: { status: 'agreed' } }, today).verdict).toBe('met');
    const blocked = evaluate(rule, { need: { severity: 'high' }, authority: { role: 'user' } }, today);
    expect(blocked.verdict).toBe('unknown');
    expect(blocked.failed.map((c) => c.path)).toEqual([[1, 0]]);
    expect(blocked.missing.map((c) => c.path)).toEqual([[1, 1]]);
    expect(blocked.conditions.map((c) => c.path)).toEqual([[0], [1, 0], [1, 1]]);
    const low = evaluate(rule, { need: { severity: 'low' }, authority: { role: 'decision_maker' } }, today);
    expect(low.failed.map((c) => c.path)).toEqual([[0]]);
    expect(low.missing).toEqual([]);
  });
});

describe('rule schema', () => {
  const valid = (rule: unknown) => ruleSchema.safeParse(rule).success;

  it('accepts the shipped rules', () => {
    expect(ruleSchema.parse(DEFAULT_TQL_RULE)).toEqual(DEFAULT_TQL_RULE);
    expect(ruleSchema.parse(DEFAULT_NURTURE_RULE)).toEqual(DEFAULT_NURTURE_RULE);
  });

  it('refuses values that do not belong to the item, and "unknown" as a value', () => {
    expect(valid({ join: 'and', terms: [{ item: 'budget', op: 'is', value: 'decision_maker' }] })).toBe(false);
    expect(valid({ join: 'and', terms: [{ item: 'budget', op: 'is', value: 'unknown' }] })).toBe(false);
    expect(valid({ join: 'and', terms: [{ item: 'need', op: 'is_one_of', values: [] }] })).toBe(false);
  });

  it('keeps the operators to their items', () => {
    expect(valid({ join: 'and', terms: [{ item: 'budget', op: 'within_months', months: 6 }] })).toBe(false);
    expect(valid({ join: 'and', terms: [{ item: 'timeline', op: 'amount_at_least', yen: 1 }] })).toBe(false);
    expect(valid({ join: 'and', terms: [{ item: 'timeline', op: 'within_months', months: 0 }] })).toBe(false);
    expect(valid({ join: 'and', terms: [{ item: 'meetingDate', op: 'is_known' }] })).toBe(true);
  });

  it('nests at most two levels and needs at least one condition', () => {
    const leaf = { item: 'need', op: 'is', value: 'high' };
    expect(valid({ join: 'or', terms: [{ join: 'and', terms: [leaf] }] })).toBe(true);
    expect(valid({ join: 'or', terms: [{ join: 'and', terms: [{ join: 'or', terms: [leaf] }] }] })).toBe(false);
    const empty = ruleSchema.safeParse({ join: 'and', terms: [] });
    expect(empty.success ? [] : empty.error.issues.map((i) => i.message)).toEqual(['A definition needs at least one condition.']);
  });

  it('refuses code: only the structured language', () => {
    expect(valid({ join: 'and', terms: [{ item: 'need', op: 'eval', value: 'answers.need.severity === "high"' }] })).toBe(false);
    expect(valid({ join: 'xor', terms: [{ item: 'need', op: 'is', value: 'high' }] })).toBe(false);
  });
});
