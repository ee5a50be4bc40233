import { describe, expect, it } from 'vitest';
import { businessMinutesBetween, DEFAULT_SLA_SETTINGS, slaClock, slaDueAt, slaSettingsSchema } from '../../../shared/domain/handoff-sla';

const at = (jst: string): Date => new Date(`${jst}+09:00`);
const iso = (jst: string): string => at(jst).toISOString();
const sla = DEFAULT_SLA_SETTINGS;

describe('the SLA deadline (24 business hours, 09:00-18:00 JST, weekdays without public holidays)', () => {
  it('defaults to 24 business hours over 09:00-18:00', () => {
    expect(sla).toEqual({ hours: 24, businessHours: { start: '09:00', end: '18:00' } });
  });

  it('skips the weekend and 勤労感謝の日 (Mon 2026-11-23)', () => {
    // Fri 1 h, Tue 9 h, Wed 9 h, Thu 5 h.
    expect(slaDueAt(at('2026-11-20T17:00:00'), sla).toISOString()).toBe(iso('2026-11-26T14:00:00'));
  });

  it('skips 元日 (Fri 2027-01-01) and the weekend after it; 12-31 is a working day', () => {
    // Wed 8 h, Thu 9 h, Mon 7 h.
    expect(slaDueAt(at('2026-12-30T10:00:00'), sla).toISOString()).toBe(iso('2027-01-04T16:00:00'));
  });

  it('starts counting at the next business morning when handed off after hours, and skips 成人の日 (Mon 2027-01-11)', () => {
    // Fri 9 h, Tue 9 h, Wed 6 h.
    expect(slaDueAt(at('2027-01-07T18:30:00'), sla).toISOString()).toBe(iso('2027-01-13T15:00:00'));
  });

  it('starts at opening time when handed off before it', () => {
    expect(slaDueAt(at('2026-11-24T07:00:00'), sla).toISOString()).toBe(iso('2026-11-26T15:00:00'));
  });

  it('ends at the close of the business day rather than the next morning', () => {
    expect(slaDueAt(at('2026-11-24T09:00:00'), { ...sla, hours: 9 }).toISOString()).toBe(iso('2026-11-24T18:00:00'));
    expect(slaDueAt(at('2026-11-24T09:00:00'), { ...sla, hours: 10 }).toISOString()).toBe(iso('2026-11-25T10:00:00'));
  });

  it('follows the team business hours', () => {
    const long = { hours: 2, businessHours: { start: '10:00', end: '20:00' } };
    expect(slaDueAt(at('2026-11-24T19:00:00'), long).toISOString()).toBe(iso('2026-11-25T11:00:00'));
  });
});

describe('business minutes between two instants', () => {
  it('counts only business hours of business days', () => {
    expect(businessMinutesBetween(at('2026-11-20T17:00:00'), at('2026-11-24T10:00:00'), sla)).toBe(120);
    expect(businessMinutesBetween(at('2026-11-21T10:00:00'), at('2026-11-23T17:00:00'), sla)).toBe(0);
    expect(businessMinutesBetween(at('2026-11-24T10:00:00'), at('2026-11-24T09:00:00'), sla)).toBe(0);
  });

  it('agrees with the deadline: from submission to due is the SLA', () => {
    const submitted = at('2026-12-30T10:00:00');
    expect(businessMinutesBetween(submitted, slaDueAt(submitted, sla), sla)).toBe(24 * 60);
  });
});

describe('the SLA clock', () => {
  const due = iso('2026-11-26T14:00:00');

  it('shows business time left while pending', () => {
    // Mon 2026-11-23 is a holiday: Tue 9 h, Wed 9 h, Thu 5 h left.
    expect(slaClock(due, null, at('2026-11-23T12:00:00'), sla)).toEqual({ dueAt: due, minutesLeft: 23 * 60, overdue: false, met: null });
  });

  it('turns overdue at the deadline and counts the business time past it', () => {
    expect(slaClock(due, null, at('2026-11-26T14:00:00'), sla)).toMatchObject({ minutesLeft: -0, overdue: true });
    // Thu 4 h after the deadline, Fri 1 h 30.
    expect(slaClock(due, null, at('2026-11-27T10:30:00'), sla)).toMatchObject({ minutesLeft: -330, overdue: true, met: null });
  });

  it('tells whether a decision came in time', () => {
    expect(slaClock(due, iso('2026-11-26T13:59:00'), at('2026-12-01T10:00:00'), sla)).toEqual({ dueAt: due, minutesLeft: null, overdue: false, met: true });
    expect(slaClock(due, iso('2026-11-26T14:01:00'), at('2026-12-01T10:00:00'), sla)).toEqual({ dueAt: due, minutesLeft: null, overdue: true, met: false });
  });
});

describe('the SLA setting', () => {
  it('refuses business hours that end before they start and SLAs outside 1-720 hours', () => {
    expect(slaSettingsSchema.safeParse({ hours: 24, businessHours: { start: '18:00', end: '09:00' } }).success).toBe(false);
    expect(slaSettingsSchema.safeParse({ hours: 0, businessHours: sla.businessHours }).success).toBe(false);
    expect(slaSettingsSchema.safeParse({ hours: 721, businessHours: sla.businessHours }).success).toBe(false);
    expect(slaSettingsSchema.safeParse({ hours: 8, businessHours: { start: '08:30', end: '17:30' } }).success).toBe(true);
  });
});
