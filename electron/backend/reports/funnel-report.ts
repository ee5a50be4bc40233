import type { Database } from 'better-sqlite3';
import {
  CONVERSION_STAGES,
  FUNNEL_CONVERSIONS,
  FUNNEL_STAGES,
  type FunnelMetrics,
  type FunnelQuery,
  type FunnelReport,
  type FunnelStage,
  type FunnelWeek,
  type RejectionGroup,
} from '../../../shared/api/reports';
import { addDays, jstInstant, weekdayOf } from '../../../shared/domain/business-time';
import { REJECT_GROUPS } from '../../../shared/domain/reasons';
import { createFunnelQueries, type FunnelParams, type FunnelRows } from './funnel-queries';

const isFunnelStage = (value: string): value is FunnelStage => (FUNNEL_STAGES as readonly string[]).includes(value);
const zeroReached = (): Record<FunnelStage, number> => ({ mql: 0, tql: 0, sal: 0, sql: 0 });
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

// The Monday that starts the JST week holding `day`.
export const mondayOf = (day: string): string => addDays(day, -((weekdayOf(day) + 6) % 7));

// A JST day as the summary numbers it: days since 1970-01-01 (JST midnight to JST midnight).
const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

export const funnelParams = (query: FunnelQuery, now: Date): FunnelParams => ({
  start: jstInstant(query.from, '00:00').toISOString(),
  end: jstInstant(addDays(query.to, 1), '00:00').toISOString(),
  startDay: dayNumber(query.from),
  endDay: dayNumber(query.to) + 1,
  weekStartDay: dayNumber(mondayOf(query.from)),
  now: now.toISOString(),
  owner: query.owner ?? null,
  source: query.source ?? null,
});

// What one group's rows add up to, before rates are taken.
type Tally = {
  reached: Record<FunnelStage, number>;
  tqlOverrides: number;
  speed: { called: number; median: number | null };
  calls: number;
  sla: { onTime: number; late: number; overdueOpen: number; pending: number };
  rejections: Map<string, Map<string, number>>;
};

const emptyTally = (): Tally => ({
  reached: zeroReached(),
  tqlOverrides: 0,
  speed: { called: 0, median: null },
  calls: 0,
  sla: { onTime: 0, late: 0, overdueOpen: 0, pending: 0 },
  rejections: new Map(),
});

const rejectionGroups = (counts: Map<string, Map<string, number>>): RejectionGroup[] => {
  const groups = [...REJECT_GROUPS, ...(counts.has('unknown') ? (['unknown'] as const) : [])];
  return groups.map((group) => {
    const reasons = [...(counts.get(group) ?? new Map<string, number>())]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
    return { group, count: reasons.reduce((sum, r) => sum + r.count, 0), reasons };
  });
};

const metricsOf = (t: Tally): FunnelMetrics => {
  const conversion = Object.fromEntries(
    FUNNEL_CONVERSIONS.map((c) => [c, ratio(t.reached[CONVERSION_STAGES[c].to], t.reached[CONVERSION_STAGES[c].from])]),
  ) as FunnelMetrics['conversion'];
  const { onTime, late, overdueOpen } = t.sla;
  return {
    reached: t.reached,
    conversion,
    tqlOverrides: t.tqlOverrides,
    tqlOverrideShare: ratio(t.tqlOverrides, t.reached.tql),
    // Every lead first reaching MQL in the period was called since or was not.
    speedToLead: { medianMinutes: t.speed.median, called: t.speed.called, notCalled: t.reached.mql - t.speed.called },
    calls: t.calls,
    callsPerTql: ratio(t.calls, t.reached.tql),
    sla: { ...t.sla, rate: ratio(onTime, onTime + late + overdueOpen) },
    rejections: rejectionGroups(t.rejections),
  };
};

// Adds one summary count to a tally.
const addMeasure = (t: Tally, measure: string, n: number): void => {
  if (isFunnelStage(measure)) t.reached[measure] += n;
  else if (measure === 'tql_override') t.tqlOverrides += n;
  else if (measure === 'calls') t.calls += n;
  else if (measure === 'sla_on_time') t.sla.onTime += n;
  else if (measure === 'sla_late') t.sla.late += n;
};

// Folds the rows into per-group tallies and the totals. The groups partition the leads (each lead
// has one owner and one source), so totals are sums.
const tallies = (rows: FunnelRows): { groups: Map<string | null, Tally>; totals: Tally } => {
  const groups = new Map<string | null, Tally>();
  const totals = emptyTally();
  const of = (g: string | null): Tally => {
    let found = groups.get(g);
    if (!found) groups.set(g, (found = emptyTally()));
    return found;
  };
  for (const r of rows.measures) {
    for (const t of [of(r.g), totals]) addMeasure(t, r.measure, r.n);
  }
  for (const { g, called, median } of rows.speed) of(g).speed = { called, median };
  totals.speed = { called: rows.speedTotal.called, median: rows.speedTotal.median };
  for (const r of rows.rejections) {
    const group = r.grp ?? 'unknown';
    const reason = r.reason ?? '';
    for (const t of [of(r.g), totals]) {
      const reasons = t.rejections.get(group) ?? new Map<string, number>();
      reasons.set(reason, (reasons.get(reason) ?? 0) + r.n);
      t.rejections.set(group, reasons);
    }
  }
  for (const r of rows.openHandoffs) {
    for (const t of [of(r.g), totals]) {
      t.sla.overdueOpen += r.overdueOpen;
      t.sla.pending += r.pending;
    }
  }
  return { groups, totals };
};

// Every week of the period, Monday first, with zeros where nothing happened.
const weeklySeries = (query: FunnelQuery, rows: FunnelRows): FunnelWeek[] => {
  const first = mondayOf(query.from);
  const weeks: FunnelWeek[] = [];
  for (let week = first; week <= query.to; week = addDays(week, 7)) weeks.push({ week, reached: zeroReached(), slaRate: null });
  const sla = weeks.map(() => ({ met: 0, counted: 0 }));
  for (const r of rows.measures) {
    const bucket = weeks[r.w];
    if (!bucket) continue;
    if (isFunnelStage(r.measure)) bucket.reached[r.measure] += r.n;
    if (r.measure === 'sla_on_time') sla[r.w]!.met += r.n;
    if (r.measure === 'sla_on_time' || r.measure === 'sla_late') sla[r.w]!.counted += r.n;
  }
  for (const r of rows.openHandoffs) {
    const bucket = sla[r.w];
    if (bucket) bucket.counted += r.overdueOpen;
  }
  return weeks.map((w, i) => ({ ...w, slaRate: ratio(sla[i]!.met, sla[i]!.counted) }));
};

const byKey = (a: string | null, b: string | null): number => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'ja'));

// Runs on the report worker (funnel-worker.ts), over its own connection; `now` is the app's clock.
export const createFunnelReport = (db: Database) => {
  const read = createFunnelQueries(db);
  return (query: FunnelQuery, now: Date): FunnelReport => {
    const rows = read(query.groupBy, funnelParams(query, now));
    const { groups, totals } = tallies(rows);
    return {
      query,
      totals: metricsOf(totals),
      groups:
        query.groupBy === 'none'
          ? []
          : [...groups.entries()].sort(([a], [b]) => byKey(a, b)).map(([key, tally]) => ({ key, metrics: metricsOf(tally) })),
      weeks: weeklySeries(query, rows),
      computedAt: now.toISOString(),
    };
  };
};
