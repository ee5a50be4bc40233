import { describe, expect, it } from 'vitest';
import { funnelInputOf, initialReportOptions, presetPeriod } from '../../renderer/reports/period';

describe('report period presets (JST days)', () => {
  it('starts this week on Monday, on a Monday and on a Sunday too', () => {
    expect(presetPeriod('thisWeek', '2026-11-16')).toEqual({ from: '2026-11-16', to: '2026-11-16' });
    expect(presetPeriod('thisWeek', '2026-11-22')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(presetPeriod('thisWeek', '2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-01' });
  });

  it('takes the last four weeks as 28 days ending today', () => {
    expect(presetPeriod('last4Weeks', '2026-03-01')).toEqual({ from: '2026-02-02', to: '2026-03-01' });
  });

  it('starts this quarter on the first day of its first month', () => {
    expect(presetPeriod('thisQuarter', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetPeriod('thisQuarter', '2026-04-01')).toEqual({ from: '2026-04-01', to: '2026-04-01' });
    expect(presetPeriod('thisQuarter', '2026-12-15')).toEqual({ from: '2026-10-01', to: '2026-12-15' });
  });

  it('reads today in Japan: 23:30 UTC on Sunday is Monday in Tokyo', () => {
    const options = initialReportOptions(new Date('2026-11-22T23:30:00Z'));
    expect(options).toMatchObject({ preset: 'last4Weeks', from: '2026-10-27', to: '2026-11-23', groupBy: 'none' });
  });

  it('asks for nothing while a custom period is incomplete or backwards, and leaves empty filters out', () => {
    const base = { preset: 'custom' as const, groupBy: 'owner' as const, owner: '', source: '' };
    expect(funnelInputOf({ ...base, from: '', to: '2026-11-20' })).toBeNull();
    expect(funnelInputOf({ ...base, from: '2026-11-21', to: '2026-11-20' })).toBeNull();
    expect(funnelInputOf({ ...base, from: '2026-11-01', to: '2026-11-20', source: '展示会' })).toEqual({ from: '2026-11-01', to: '2026-11-20', groupBy: 'owner', source: '展示会' });
  });
});
