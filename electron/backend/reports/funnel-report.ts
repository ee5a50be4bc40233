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

// The middle value of ascending numbers (the mean of the two middle ones for an even count).
export const median = (sorted: readonly number[]): number | null => {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

// The Monday that starts the JST week holding `day`.
export const mondayOf = (day: string): string => addDays(day, -((weekdayOf(day) + 6) % 7));

export const funnelParams = (query: FunnelQuery, now: Date): FunnelParams => ({
  start: jstInstant(query.from, '00:00').toISOString(),
  end: jstInstant(addDays(query.to, 1), '00:00').toISOString(),
  weekStart: jstInstant(mondayOf(query.from), '00:00').toISOString(),
  now: now.toISOString(),
  owner: query.owner ?? null,
  source: query.source ?? null,
});

// What one group's rows add up to, before rates are taken.
type Tally = {
  reached: Record<FunnelStage, number>;
  tqlOverrides: number;
  minutes: number[];
  notCalled: number;
  calls: number;
  sla: { onTime: number; late: number; overdueOpen: number; pending: number };
  rejections: Map<string, Map<string, number>>;
};

const emptyTally = (): Tally => ({
  reached: zeroReached(),
  tqlOverrides: 0,
  minutes: [],
  notCalled: 0,
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
    speedToLead: { medianMinutes: median(t.minutes), called: t.minutes.length, notCalled: t.notCalled },
    calls: t.calls,
    callsPerTql: ratio(t.calls, t.reached.tql),
    sla: { ...t.sla, rate: ratio(onTime, onTime + late + overdueOpen) },
    rejections: rejectionGroups(t.rejections),
  };
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
  for (const r of rows.reached) {
    if (!isFunnelStage(r.stage)) continue;
    of(r.g).reached[r.stage] += r.n;
    totals.reached[r.stage] += r.n;
  }
  for (const r of rows.overrides) {
    of(r.g).tqlOverrides += r.n;
    totals.tqlOverrides += r.n;
  }
  for (const [g, minutes] of rows.speed) {
    const t = of(g);
    if (minutes === null) {
      t.notCalled += 1;
      totals.notCalled += 1;
    } else {
      t.minutes.push(minutes);
      totals.minutes.push(minutes);
    }
  }
  for (const r of rows.calls) {
    of(r.g).calls += r.n;
    totals.calls += r.n;
  }
  for (const r of rows.rejections) {
    const group = r.grp ?? 'unknown';
    const reason = r.reason ?? '';
    for (const t of [of(r.g), totals]) {
      const reasons = t.rejections.get(group) ?? new Map<string, number>();
      reasons.set(reason, (reasons.get(reason) ?? 0) + r.n);
      t.rejections.set(group, reasons);
    }
  }
  for (const r of rows.sla) {
    for (const t of [of(r.g), totals]) {
      t.sla.onTime += r.onTime;
      t.sla.late += r.late;
      t.sla.overdueOpen += r.overdueOpen;
      t.sla.pending += r.pending;
    }
  }
  for (const t of [totals, ...groups.values()]) t.minutes.sort((a, b) => a - b);
  return { groups, totals };
};

// Every week of the period, Monday first, with zeros where nothing happened.
const weeklySeries = (query: FunnelQuery, rows: FunnelRows): FunnelWeek[] => {
  const first = mondayOf(query.from);
  const weeks: FunnelWeek[] = [];
  for (let week = first; week <= query.to; week = addDays(week, 7)) weeks.push({ week, reached: zeroReached(), slaRate: null });
  for (const r of rows.weekReached) {
    const bucket = weeks[r.w];
    if (bucket && isFunnelStage(r.stage)) bucket.reached[r.stage] += r.n;
  }
  const sla = weeks.map(() => ({ met: 0, counted: 0 }));
  for (const r of rows.sla) {
    const bucket = sla[r.w];
    if (!bucket) continue;
    bucket.met += r.onTime;
    bucket.counted += r.onTime + r.late + r.overdueOpen;
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
