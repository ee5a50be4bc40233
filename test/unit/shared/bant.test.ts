import { describe, expect, it } from 'vitest';
import { bantAnswersSchema, itemChoice, mergeAnswers, type BantAnswers } from '../../../shared/domain/bant';

const messages = (input: unknown): string[] => {
  const result = bantAnswersSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('BANT answers schema', () => {
  it('accepts an empty hearing and any partial answer', () => {
    expect(messages({})).toEqual([]);
    expect(messages({ budget: { status: 'unknown' }, need: { painPoints: '請求書の突合に毎月3日かかる' } })).toEqual([]);
    expect(messages({ timeline: { targetDate: '2027-03-31', confidence: 'inferred', verbatim: '来年度の頭には' } })).toEqual([]);
  });

  it('accepts a complete hearing', () => {
    const full: BantAnswers = {
      budget: { status: 'secured_this_fy', amountMin: 3_000_000, amountMax: 5_000_000, fiscalYearEndMonth: 3, confidence: 'heard', verbatim: '300〜500万で取ってあります' },
      authority: { role: 'influencer', decisionMakerName: '山田 太郎', decisionMakerTitle: '部長', approvalFlow: '課長→部長→役員会' },
      need: { severity: 'high', painPoints: '手入力', currentProcess: 'Excel' },
      timeline: { horizon: 'months_3_to_6', targetDate: null },
      competitors: { status: 'comparing', names: 'A社' },
      currentSolution: { kind: 'spreadsheet', description: 'Excel マクロ' },
      nextStep: { status: 'agreed', description: '営業同席で打ち合わせ' },
      meetingDate: { status: 'proposed', at: '2026-12-01T14:00:00+09:00' },
    };
    expect(messages(full)).toEqual([]);
  });

  it('says how to fix what is wrong', () => {
    expect(messages({ budget: { amountMin: 1.5 } })).toEqual(['budget.amountMin: Write the amount in yen as a whole number, without decimals.']);
    expect(messages({ budget: { amountMin: -1 } })).toEqual(['budget.amountMin: The amount cannot be negative.']);
    expect(messages({ budget: { amountMin: 500, amountMax: 100 } })).toEqual(['budget.amountMax: The lower amount is above the upper amount; swap them or clear one.']);
    expect(messages({ budget: { fiscalYearEndMonth: 13 } })).toEqual(['budget.fiscalYearEndMonth: Choose the month the fiscal year ends, 1 to 12 (3 for March).']);
    expect(messages({ timeline: { targetDate: '2027/03/31' } })).toEqual(['timeline.targetDate: Write the date as YYYY-MM-DD, e.g. 2026-04-01.']);
    expect(messages({ authority: { role: 'boss' } })).toEqual(['authority.role: Choose one of: decision_maker, influencer, user, unknown.']);
    expect(messages({ need: { confidence: 'guessed' } })).toEqual(['need.confidence: Choose whether this was heard directly or inferred.']);
    expect(messages({ need: { painPoints: 'x'.repeat(4001) } })).toEqual(['need.painPoints: Keep this under 4000 characters; put the rest in the call note.']);
    expect(messages({ meetingDate: { at: '来週火曜' } })).toEqual(['meetingDate.at: Give the meeting time as a date and time, e.g. 2026-12-01T14:00:00+09:00.']);
  });

  it('refuses fields and items it does not know', () => {
    expect(bantAnswersSchema.safeParse({ budget: { status: 'none', colour: 'red' } }).success).toBe(false);
    expect(bantAnswersSchema.safeParse({ champion: {} }).success).toBe(false);
  });

  it('reads a missing choice as unknown', () => {
    expect(itemChoice({}, 'budget')).toBe('unknown');
    expect(itemChoice({ need: { painPoints: 'x' } }, 'need')).toBe('unknown');
    expect(itemChoice({ authority: { role: 'user' } }, 'authority')).toBe('user');
  });
});

describe('merging answers from several calls', () => {
  const firstCall: BantAnswers = {
    budget: { status: 'unknown', verbatim: '予算はこれから', answeredOn: '2026-11-02' },
    need: { severity: 'high', painPoints: '手入力が多い', answeredOn: '2026-11-02' },
  };

  it('adds new items and fields, keeps what the new call left out, and stamps what changed', () => {
    const { answers, changed } = mergeAnswers(firstCall, { budget: { status: 'secured_this_fy', amountMin: 2_000_000 }, timeline: { horizon: 'within_3_months' } }, '2026-11-20');
    expect(answers).toEqual({
      budget: { status: 'secured_this_fy', amountMin: 2_000_000, verbatim: '予算はこれから', answeredOn: '2026-11-20' },
      need: { severity: 'high', painPoints: '手入力が多い', answeredOn: '2026-11-02' },
      timeline: { horizon: 'within_3_months', answeredOn: '2026-11-20' },
    });
    expect(changed).toEqual(['budget', 'timeline']);
  });

  it('clears a field sent empty, and drops an item left with nothing', () => {
    const { answers, changed } = mergeAnswers(firstCall, { budget: { status: undefined, verbatim: '' }, need: { painPoints: '' } }, '2026-11-20');
    expect(answers).toEqual({
      budget: { status: 'unknown', answeredOn: '2026-11-20' },
      need: { severity: 'high', answeredOn: '2026-11-20' },
    });
    expect(changed).toEqual(['budget', 'need']);
    const cleared = mergeAnswers({ timeline: { targetDate: '2027-01-01', answeredOn: '2026-11-02' } }, { timeline: { targetDate: null } }, '2026-11-20');
    expect(cleared).toEqual({ answers: {}, changed: ['timeline'] });
  });

  it('changes nothing, not even the stamp, when the new call repeats what is known', () => {
    const { answers, changed } = mergeAnswers(firstCall, { need: { severity: 'high' }, budget: { verbatim: '予算はこれから' } }, '2026-11-20');
    expect(answers).toEqual(firstCall);
    expect(changed).toEqual([]);
  });

  it('ignores a stamp sent by the caller', () => {
    const { answers } = mergeAnswers({}, { need: { severity: 'low', answeredOn: '1999-01-01' } }, '2026-11-20');
    expect(answers.need).toEqual({ severity: 'low', answeredOn: '2026-11-20' });
  });
});
