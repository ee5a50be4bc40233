import { describe, expect, it } from 'vitest';
import { cadenceHold } from '../../../shared/domain/cadence';
import { DEFAULT_CALLING_RULES } from '../../../shared/domain/calling';
import { queueLead } from './queue-lead';

const at = (jst: string): Date => new Date(`${jst}+09:00`);
const iso = (jst: string): string => at(jst).toISOString();
const rules = DEFAULT_CALLING_RULES;
const now = at('2026-11-24T14:00:00');

describe('cadence rules', () => {
  it('lets a lead never called be called in calling hours', () => {
    expect(cadenceHold(queueLead('a'), rules, now)).toBeNull();
  });

  it('holds a lead at the daily cap until the next calling day, and not one attempt below it', () => {
    const base = { callCount: 3, lastCalledAt: iso('2026-11-24T10:00:00') };
    expect(cadenceHold(queueLead('a', { ...base, attemptsToday: 1 }), rules, now)).toBeNull();
    expect(cadenceHold(queueLead('a', { ...base, attemptsToday: 2 }), rules, now)).toEqual({
      kind: 'daily_cap',
      attemptsToday: 2,
      max: 2,
      nextAt: iso('2026-11-25T09:00:00'),
    });
  });

  it('holds a lead inside the gap since its last attempt, to the second', () => {
    const justInside = queueLead('a', { callCount: 1, attemptsToday: 1, lastCalledAt: iso('2026-11-24T12:00:01') });
    const justOutside = queueLead('b', { callCount: 1, attemptsToday: 1, lastCalledAt: iso('2026-11-24T12:00:00') });
    expect(cadenceHold(justInside, rules, now)).toEqual({ kind: 'attempt_gap', lastCalledAt: iso('2026-11-24T12:00:01'), nextAt: iso('2026-11-24T14:00:01') });
    expect(cadenceHold(justOutside, rules, now)).toBeNull();
  });

  it('moves a gap that ends after closing time to the next calling day', () => {
    const lead = queueLead('a', { callCount: 1, attemptsToday: 1, lastCalledAt: iso('2026-11-24T17:00:00') });
    expect(cadenceHold(lead, rules, at('2026-11-24T17:30:00'))).toMatchObject({ kind: 'attempt_gap', nextAt: iso('2026-11-25T09:00:00') });
  });

  it('proposes nurture at the maximum number of attempts, not one before', () => {
    expect(cadenceHold(queueLead('a', { callCount: 5, lastCalledAt: iso('2026-11-20T10:00:00') }), rules, now)).toBeNull();
    expect(cadenceHold(queueLead('a', { callCount: 6, lastCalledAt: iso('2026-11-20T10:00:00') }), rules, now)).toEqual({
      kind: 'nurture_proposed',
      attempts: 6,
      max: 6,
    });
  });

  it('holds every lead outside calling hours and on holidays', () => {
    expect(cadenceHold(queueLead('a'), rules, at('2026-11-24T18:00:00'))).toEqual({ kind: 'outside_hours', nextAt: iso('2026-11-25T09:00:00') });
    expect(cadenceHold(queueLead('a'), rules, at('2026-11-23T11:00:00'))).toEqual({ kind: 'outside_hours', nextAt: iso('2026-11-24T09:00:00') });
  });

  it("follows the lead's own hours", () => {
    const lead = queueLead('a', { callWindow: { start: '16:00', end: '17:00' } });
    expect(cadenceHold(lead, rules, now)).toEqual({ kind: 'outside_hours', nextAt: iso('2026-11-24T16:00:00') });
    expect(cadenceHold(lead, rules, at('2026-11-24T16:10:00'))).toBeNull();
  });

  it('follows changed rules', () => {
    const strict = { ...rules, maxAttemptsPerDay: 1, minGapMinutes: 0 };
    expect(cadenceHold(queueLead('a', { callCount: 1, attemptsToday: 1, lastCalledAt: iso('2026-11-24T13:59:00') }), strict, now)).toMatchObject({ kind: 'daily_cap' });
  });
});
