import type { FunnelGroupBy, FunnelInput } from '../../shared/api/reports';
import { addDays, jstDay, weekdayOf } from '../../shared/domain/business-time';

export const PERIOD_PRESETS = ['thisWeek', 'last4Weeks', 'thisQuarter', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export type ReportOptions = { preset: PeriodPreset; from: string; to: string; groupBy: FunnelGroupBy; owner: string; source: string };

// The JST days a preset covers on `today` (a JST day), both included: this week from its Monday,
// the last four weeks ending today, this calendar quarter (April starts the Japanese fiscal Q1,
// which is a calendar quarter too). A custom period keeps what the user typed.
export const presetPeriod = (preset: Exclude<PeriodPreset, 'custom'>, today: string): { from: string; to: string } => {
  switch (preset) {
    case 'thisWeek':
      return { from: addDays(today, -((weekdayOf(today) + 6) % 7)), to: today };
    case 'last4Weeks':
      return { from: addDays(today, -27), to: today };
    case 'thisQuarter': {
      const month = Number(today.slice(5, 7));
      const first = month - ((month - 1) % 3);
      return { from: `${today.slice(0, 4)}-${String(first).padStart(2, '0')}-01`, to: today };
    }
  }
};

export const initialReportOptions = (now: Date): ReportOptions => ({
  preset: 'last4Weeks',
  ...presetPeriod('last4Weeks', jstDay(now)),
  groupBy: 'none',
  owner: '',
  source: '',
});

// What the options ask the backend for; null while a custom period is incomplete or backwards.
export const funnelInputOf = (o: ReportOptions): FunnelInput | null => {
  if (!o.from || !o.to || o.from > o.to) return null;
  return { from: o.from, to: o.to, groupBy: o.groupBy, ...(o.owner ? { owner: o.owner } : {}), ...(o.source ? { source: o.source } : {}) };
};
