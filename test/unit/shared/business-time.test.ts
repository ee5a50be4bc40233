import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  isCallingDay,
  isCallingTime,
  jstDay,
  nextCallingDay,
  nextCallingTime,
} from '../../../shared/domain/business-time';
import { DEFAULT_CALLING_RULES } from '../../../shared/domain/calling';
import { isJapaneseHoliday } from '../../../shared/domain/jp-holidays';

const at = (jst: string): Date => new Date(`${jst}+09:00`);
const rules = DEFAULT_CALLING_RULES;

describe('Japanese public holidays', () => {
  it('knows fixed, substitute (振替休日) and citizens (国民の休日) holidays', () => {
    expect(isJapaneseHoliday('2026-11-23')).toBe(true);
    expect(isJapaneseHoliday('2025-11-24')).toBe(true);
    expect(isJapaneseHoliday('2026-05-06')).toBe(true);
    expect(isJapaneseHoliday('2026-09-22')).toBe(true);
    expect(isJapaneseHoliday('2026-11-24')).toBe(false);
  });
});

describe('JST calendar', () => {
  it('puts 23:59 UTC on the next JST day and 14:59 UTC on the same one', () => {
    expect(jstDay(new Date('2026-11-24T14:59:59Z'))).toBe('2026-11-24');
    expect(jstDay(new Date('2026-11-24T15:00:00Z'))).toBe('2026-11-25');
  });

  it('skips weekends and holidays only when the rules say so', () => {
    expect(isCallingDay('2026-11-28', rules)).toBe(false);
    expect(isCallingDay('2026-11-23', rules)).toBe(false);
    expect(isCallingDay('2026-11-23', { ...rules, skipHolidays: false })).toBe(true);
    expect(isCallingDay('2026-11-28', { ...rules, weekdaysOnly: false })).toBe(true);
    expect(nextCallingDay('2026-05-01', rules)).toBe('2026-05-07');
  });
});

describe('calling time', () => {
  it('starts at the opening minute and ends just before the closing one', () => {
    expect(isCallingTime(at('2026-11-24T08:59:59'), rules)).toBe(false);
    expect(isCallingTime(at('2026-11-24T09:00:00'), rules)).toBe(true);
    expect(isCallingTime(at('2026-11-24T17:59:59'), rules)).toBe(true);
    expect(isCallingTime(at('2026-11-24T18:00:00'), rules)).toBe(false);
  });

  it('is never on a holiday, even in office hours', () => {
    expect(isCallingTime(at('2026-11-23T11:00:00'), rules)).toBe(false);
    expect(nextCallingTime(at('2026-11-23T11:00:00'), rules)?.toISOString()).toBe(at('2026-11-24T09:00:00').toISOString());
  });

  it("uses the lead's own hours when known", () => {
    const window = { start: '12:00', end: '13:00' };
    expect(isCallingTime(at('2026-11-24T10:00:00'), rules, window)).toBe(false);
    expect(isCallingTime(at('2026-11-24T12:30:00'), rules, window)).toBe(true);
    expect(nextCallingTime(at('2026-11-24T13:00:00'), rules, window)?.toISOString()).toBe(at('2026-11-25T12:00:00').toISOString());
  });

  it('is now when now is calling time, else the next opening across a weekend and a substitute holiday', () => {
    expect(nextCallingTime(at('2026-11-24T10:15:00'), rules)?.toISOString()).toBe(at('2026-11-24T10:15:00').toISOString());
    expect(nextCallingTime(at('2026-11-24T07:00:00'), rules)?.toISOString()).toBe(at('2026-11-24T09:00:00').toISOString());
    expect(nextCallingTime(at('2025-11-21T18:30:00'), rules)?.toISOString()).toBe(at('2025-11-25T09:00:00').toISOString());
  });

  it('finds no calling time when no day can be a calling day', () => {
    expect(nextCallingTime(at('2026-11-24T19:00:00'), rules, { start: '19:30', end: '19:30' })).toBeNull();
  });
});

describe('adding business time', () => {
  it('counts only calling hours on calling days', () => {
    expect(addBusinessMinutes(at('2026-11-24T10:00:00'), 60, rules)?.toISOString()).toBe(at('2026-11-24T11:00:00').toISOString());
    // Friday 17:00 + 8 h: one hour on Friday, seven on Monday.
    expect(addBusinessMinutes(at('2026-11-27T17:00:00'), 8 * 60, rules)?.toISOString()).toBe(at('2026-11-30T16:00:00').toISOString());
    // Started at night before a holiday: the clock starts with the next calling day.
    expect(addBusinessMinutes(at('2026-11-20T22:00:00'), 9 * 60, rules)?.toISOString()).toBe(at('2026-11-24T18:00:00').toISOString());
  });
});
