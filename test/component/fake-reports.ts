import type { Envelope, Input } from '../../shared/api';
import type { FunnelCsvOutcome, FunnelGroup, FunnelMetrics, FunnelReport, FunnelWeek } from '../../shared/api/reports';
import { addDays, weekdayOf } from '../../shared/domain/business-time';
import type { Lead } from '../../shared/domain/lead';

type Answer = <T>(method: string, input: unknown, value: () => T) => Promise<Envelope<T>>;

// A group's numbers, scaled by how many of the fake's leads are in it, so groups and totals differ
// and add up as the backend's do (the backend's arithmetic is tested there).
const metrics = (leads: number): FunnelMetrics => ({
  reached: { mql: 10 * leads, tql: 4 * leads, sal: 2 * leads, sql: leads },
  conversion: { mqlToTql: 0.4, tqlToSal: 0.5, salToSql: 0.5, mqlToSql: 0.1 },
  tqlOverrides: leads,
  tqlOverrideShare: leads === 0 ? null : 0.25,
  speedToLead: { medianMinutes: 45, called: 9 * leads, notCalled: leads },
  calls: 12 * leads,
  callsPerTql: 3,
  sla: { onTime: 3 * leads, late: leads, overdueOpen: 0, pending: 1, rate: 0.75 },
  rejections: [
    { group: 'definitional', count: leads, reasons: [{ reason: 'authority_too_low', count: leads }] },
    { group: 'clerical', count: 0, reasons: [] },
    { group: 'procedural', count: 0, reasons: [] },
  ],
});

const weeksOf = (from: string, to: string): FunnelWeek[] => {
  const weeks: FunnelWeek[] = [];
  for (let week = addDays(from, -((weekdayOf(from) + 6) % 7)); week <= to; week = addDays(week, 7)) {
    weeks.push({ week, reached: { mql: 10 + weeks.length, tql: 4, sal: 2, sql: 1 }, slaRate: 0.75 });
  }
  return weeks;
};

// reports.funnel over the fake's leads (grouped by their owner or source) and reports.funnelCsv
// answering the file it was asked to write.
export const createFakeReports = (leads: readonly Lead[], answer: Answer) => ({
  'reports.funnel': (input: Input<'reports.funnel'>) =>
    answer('reports.funnel', input, (): FunnelReport => {
      const groupBy = input.groupBy ?? 'none';
      const scoped = leads.filter((l) => (input.owner === undefined || l.owner === input.owner) && (input.source === undefined || l.source === input.source));
      const counts = new Map<string | null, number>();
      if (groupBy !== 'none') for (const l of scoped) counts.set(l[groupBy], (counts.get(l[groupBy]) ?? 0) + 1);
      const groups: FunnelGroup[] = [...counts].map(([key, n]) => ({ key, metrics: metrics(n) }));
      return { query: { ...input, groupBy }, totals: metrics(scoped.length), groups, weeks: weeksOf(input.from, input.to), computedAt: '2026-11-20T01:00:00.000Z' };
    }),
  'reports.funnelCsv': (input: Input<'reports.funnelCsv'>) =>
    answer('reports.funnelCsv', input, (): FunnelCsvOutcome => ({ path: input.path, fileName: input.path.split('/').pop() ?? input.path, rowCount: 8 })),
});
