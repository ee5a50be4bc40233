import type { Database, Statement } from 'better-sqlite3';
import type { FunnelGroupBy } from '../../../shared/api/reports';

// What one report reads: the period as UTC ISO bounds ([start, end)) and as JST day numbers (days
// since 1970-01-01 JST, as the summary keys them), the day number of the Monday that starts its first
// week, the moment open SLA deadlines are judged at, and the lead filters.
export type FunnelParams = {
  start: string;
  end: string;
  startDay: number;
  endDay: number;
  weekStartDay: number;
  now: string;
  owner: string | null;
  source: string | null;
};

// A measure of the summary (migration 012): first arrivals per milestone ('mql', 'tql', 'sal',
// 'sql', 'tql_override'), 'calls', and decided handoffs ('sla_on_time', 'sla_late').
// One count per week of the period (0 = the first), group and measure.
export type MeasureRow = { w: number; g: string | null; measure: string; n: number };
// Speed-to-lead of one group (g) or of all: how many leads first reaching MQL in the period were
// called since, and the median of their minutes to that first call.
export type SpeedRow = { g: string | null; called: number; median: number | null };
export type RejectionRow = { g: string | null; grp: string | null; reason: string | null; n: number };
export type OpenHandoffRow = { g: string | null; w: number; overdueOpen: number; pending: number };

export type FunnelRows = {
  measures: MeasureRow[];
  speed: SpeedRow[];
  speedTotal: SpeedRow;
  rejections: RejectionRow[];
  openHandoffs: OpenHandoffRow[];
};

// The group column of the summary tables (they keep a missing owner or source as '') and of a
// lead row. Fixed SQL fragments only, never input.
const SUMMARY_GROUP: Record<FunnelGroupBy, string> = { none: 'NULL', owner: "nullif(owner, '')", source: "nullif(source, '')" };
const LEAD_GROUP: Record<FunnelGroupBy, string> = { none: 'NULL', owner: 'l.owner', source: 'l.source' };
const SUMMARY_FILTER = "(@owner IS NULL OR owner = @owner) AND (@source IS NULL OR source = @source)";
const LEAD_FILTER = 'l.deleted_at IS NULL AND (@owner IS NULL OR l.owner = @owner) AND (@source IS NULL OR l.source = @source)';
const IN_DAYS = 'day >= @startDay AND day < @endDay';
const IN_PERIOD = (column: string): string => `${column} >= @start AND ${column} < @end`;
// JST week of the period (0 = the first), in integer arithmetic on whole seconds.
const WEEK_OF = (column: string): string => `((unixepoch(${column}) + 32400) / 86400 - CAST(@weekStartDay AS INTEGER)) / 7`;

const sqlFor = (groupBy: FunnelGroupBy) => ({
  // Every count of the period per week and group, from the daily summary: the totals, the groups and
  // the weekly trend are all sums of these (a group whose leads all moved to another adds up to
  // zero and is left out).
  measures: `SELECT (day - CAST(@weekStartDay AS INTEGER)) / 7 AS w, ${SUMMARY_GROUP[groupBy]} AS g, measure, sum(n) AS n FROM funnel_days
    WHERE ${IN_DAYS} AND ${SUMMARY_FILTER} GROUP BY 1, 2, 3 HAVING sum(n) <> 0`,
  // Rejections are few: read from the stage changes themselves, with each lead's current group.
  rejections: `SELECT ${LEAD_GROUP[groupBy]} AS g, t.reason_group AS grp, t.reason AS reason, count(*) AS n
    FROM stage_transitions t JOIN leads l ON l.id = t.lead_id
    WHERE t.action = 'reject' AND ${IN_PERIOD('t.occurred_at')} AND ${LEAD_FILTER}
    GROUP BY 1, 2, 3`,
  // Handoffs still waiting, against their deadline at `now` (the decided ones are in the summary),
  // through the index of pending handoffs: a few, however long the period.
  openHandoffs: `SELECT ${LEAD_GROUP[groupBy]} AS g, ${WEEK_OF('h.submitted_at')} AS w,
      sum(h.sla_due_at < @now) AS overdueOpen, sum(h.sla_due_at >= @now) AS pending
    FROM handoffs h INDEXED BY handoffs_pending_due JOIN leads l ON l.id = h.lead_id
    WHERE h.status = 'pending' AND ${IN_PERIOD('h.submitted_at')} AND ${LEAD_FILTER}
    GROUP BY 1, 2`,
});

// A median in two or three short index walks instead of reading every wait: count the called MQLs
// of the period in the group, then step to the middle one(s) in wait order. The partial indexes of
// migration 012 hold only called MQLs, ordered by wait overall, per owner and per source.
const WAIT_INDEX: Record<FunnelGroupBy, string> = { none: 'funnel_waits', owner: 'funnel_waits_owner', source: 'funnel_waits_source' };
const speedSqlFor = (groupBy: FunnelGroupBy) => {
  const from = `funnel_firsts INDEXED BY ${WAIT_INDEX[groupBy]}`;
  const where = `milestone = 'mql' AND wait_minutes IS NOT NULL AND ${IN_PERIOD('at')} AND ${SUMMARY_FILTER}${groupBy === 'none' ? '' : ` AND ${groupBy} = @g`}`;
  return {
    called: `SELECT count(*) FROM ${from} WHERE ${where}`,
    nth: `SELECT wait_minutes FROM ${from} WHERE ${where} ORDER BY wait_minutes LIMIT 1 OFFSET @k`,
  };
};

type Prepared = { [K in keyof ReturnType<typeof sqlFor>]: Statement } & { called: Statement; nth: Statement };

// Prepares each grouping's statements once, on first use, and reads them in one snapshot.
export const createFunnelQueries = (db: Database) => {
  const prepared = new Map<FunnelGroupBy, Prepared>();
  const statements = (groupBy: FunnelGroupBy): Prepared => {
    const found = prepared.get(groupBy);
    if (found) return found;
    const texts = { ...sqlFor(groupBy), ...speedSqlFor(groupBy) };
    const made = Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, db.prepare(text)])) as Prepared;
    made.called.pluck();
    made.nth.pluck();
    prepared.set(groupBy, made);
    return made;
  };

  const speedOf = (s: Prepared, params: FunnelParams, g: string | null): SpeedRow => {
    // The summary keeps a missing owner or source as ''.
    const bind = { ...params, g: g ?? '' };
    const called = s.called.get(bind) as number;
    if (called === 0) return { g, called, median: null };
    const nth = (k: number): number => s.nth.get({ ...bind, k }) as number;
    const low = nth(Math.floor((called - 1) / 2));
    const high = called % 2 === 1 ? low : nth(called / 2);
    return { g, called, median: (low + high) / 2 };
  };

  return (groupBy: FunnelGroupBy, params: FunnelParams): FunnelRows => {
    const s = statements(groupBy);
    const all = statements('none');
    // One read transaction: all numbers come from the same state of the store.
    return db.transaction((): FunnelRows => {
      const measures = s.measures.all(params) as MeasureRow[];
      const withMql = new Set(measures.filter((r) => r.measure === 'mql').map((r) => r.g));
      return {
        measures,
        speed: groupBy === 'none' ? [] : [...withMql].map((g) => speedOf(s, params, g)),
        speedTotal: speedOf(all, params, null),
        rejections: s.rejections.all(params) as RejectionRow[],
        openHandoffs: s.openHandoffs.all(params) as OpenHandoffRow[],
      };
    })();
  };
};
