import { describe, expect, it } from 'vitest';
import { callbackChoiceAt, callbackChoices } from '../../../shared/domain/callback-choices';
import { DEFAULT_CALLING_RULES } from '../../../shared/domain/calling';

const at = (jst: string): Date => new Date(`${jst}+09:00`);
const iso = (jst: string): string => at(jst).toISOString();
const rules = DEFAULT_CALLING_RULES;

describe('callback quick choices', () => {
  it('offers all four on a weekday morning', () => {
    expect(callbackChoices(at('2026-11-24T10:10:00'), rules)).toEqual([
      { choice: 'in_1_hour', at: iso('2026-11-24T11:10:00') },
      { choice: 'this_afternoon', at: iso('2026-11-24T13:00:00') },
      { choice: 'tomorrow_morning', at: iso('2026-11-25T09:00:00') },
      { choice: 'next_week', at: iso('2026-11-30T09:00:00') },
    ]);
  });

  it('moves "in 1 hour" past closing time to the next opening', () => {
    expect(callbackChoiceAt('in_1_hour', at('2026-11-24T17:30:00'), rules)?.toISOString()).toBe(iso('2026-11-25T09:00:00'));
  });

  it('makes "this afternoon" an hour from now in the afternoon, and drops it once the day is over', () => {
    expect(callbackChoiceAt('this_afternoon', at('2026-11-24T14:10:00'), rules)?.toISOString()).toBe(iso('2026-11-24T15:30:00'));
    expect(callbackChoiceAt('this_afternoon', at('2026-11-24T17:10:00'), rules)).toBeNull();
    expect(callbackChoiceAt('this_afternoon', at('2026-11-23T10:00:00'), rules)).toBeNull();
  });

  it('skips weekends and holidays for "tomorrow morning" and "next week"', () => {
    expect(callbackChoiceAt('tomorrow_morning', at('2026-11-20T11:00:00'), rules)?.toISOString()).toBe(iso('2026-11-24T09:00:00'));
    // Next week's Monday 2026-05-04 to Wednesday 05-06 are holidays.
    expect(callbackChoiceAt('next_week', at('2026-04-28T11:00:00'), rules)?.toISOString()).toBe(iso('2026-05-07T09:00:00'));
    // On a Sunday, next week starts tomorrow.
    expect(callbackChoiceAt('next_week', at('2026-11-29T11:00:00'), rules)?.toISOString()).toBe(iso('2026-11-30T09:00:00'));
  });
});
