import type { Database, Statement } from 'better-sqlite3';
import type { FunnelGroupBy } from '../../../shared/api/reports';

// What one report reads: UTC ISO bounds of the period ([start, end)), the Monday 00:00 JST that
// starts its first week, the moment SLA deadlines are judged at, and the lead filters.
export type FunnelParams = { start: string; end: string; weekStart: string; now: string; owner: string | null; source: string | null };

export type ReachedRow = { g: string | null; stage: string; n: number };
export type WeekReachedRow = { w: number; stage: string; n: number };
// [group, minutes]: one per MQL lead, read as arrays (tens of thousands over a long period).
export type SpeedRow = [g: string | null, minutes: number | null];
export type CountRow = { g: string | null; n: number };
export type RejectionRow = { g: string | null; grp: string | null; reason: string | null; n: number };
export type SlaRow = { g: string | null; w: number; onTime: number; late: number; overdueOpen: number; pending: number };

// Which leads a report reads, and how: all live leads (no join: tombstones are few and are left
// out through their own index), a filtered set (its ids gathered once per query), or every live
// lead with its group, joined through a covering index. Fixed SQL fragments only, never input.
type LeadSet = 'all' | 'filtered';
type Scope = { groupBy: FunnelGroupBy; leads: LeadSet };
type ScopeSql = { g: string; join: string; where: string };
const LIVE_FILTERED = 'SELECT id FROM leads WHERE deleted_at IS NULL AND (@owner IS NULL OR owner = @owner) AND (@source IS NULL OR source = @source)';
const setOf = (leads: LeadSet, alias: string): string =>
  leads === 'all'
    ? `${alias}.lead_id NOT IN (SELECT id FROM leads INDEXED BY leads_tombstones WHERE deleted_at IS NOT NULL)`
    : `${alias}.lead_id IN (${LIVE_FILTERED})`;
const scopeOf = ({ groupBy, leads }: Scope, alias: string): ScopeSql =>
  groupBy === 'none'
    ? { g: 'NULL', join: '', where: setOf(leads, alias) }
    : {
        g: `l.${groupBy}`,
        join: `JOIN leads l INDEXED BY leads_funnel ON l.id = ${alias}.lead_id`,
        where: 'l.deleted_at IS NULL AND (@owner IS NULL OR l.owner = @owner) AND (@source IS NULL OR l.source = @source)',
      };
const IN_PERIOD = (column: string): string => `${column} >= @start AND ${column} < @end`;
// Whole seconds in integer arithmetic: a stage change at Monday 00:00 JST falls in its own week.
const WEEK_OF = (column: string): string => `(unixepoch(${column}) - unixepoch(@weekStart)) / 604800`;

const sqlFor = (scope: Scope) => {
  const t = scopeOf(scope, 't');
  const m = scopeOf(scope, 'm');
  const c = scopeOf(scope, 'c');
  const h = scopeOf(scope, 'h');
  return {
    // Distinct leads entering each funnel stage in the period (a lead qualified twice counts once).
    reached: `SELECT ${t.g} AS g, t.to_stage AS stage, count(DISTINCT t.lead_id) AS n
      FROM stage_transitions t ${t.join}
      WHERE t.to_stage IN ('mql', 'tql', 'sal', 'sql') AND ${IN_PERIOD('t.occurred_at')} AND ${t.where}
      GROUP BY 1, 2`,
    // From each lead's first MQL in the period to its first call at or after it, to the second
    // (null: not called yet).
    // Distinct leads qualified by override: the TQL entries of the period through the stage index,
    // each row read for its action and reason (overrides are the exception, TQLs a small share).
    overrides: `SELECT ${t.g} AS g, count(DISTINCT t.lead_id) AS n
      FROM stage_transitions t ${t.join}
      WHERE t.to_stage = 'tql' AND ${IN_PERIOD('t.occurred_at')} AND t.action = 'qualify' AND t.override_reason IS NOT NULL AND ${t.where}
      GROUP BY 1`,
    speed: `SELECT ${m.g} AS g,
        (unixepoch((SELECT min(c.started_at) FROM calls c WHERE c.lead_id = m.lead_id AND c.started_at >= m.at)) - unixepoch(m.at)) / 60.0 AS minutes
      FROM (SELECT t.lead_id, min(t.occurred_at) AS at FROM stage_transitions t
            WHERE t.to_stage = 'mql' AND ${IN_PERIOD('t.occurred_at')} GROUP BY t.lead_id) m ${m.join}
      WHERE ${m.where}`,
    calls: `SELECT ${c.g} AS g, count(*) AS n FROM calls c ${c.join}
      WHERE ${IN_PERIOD('c.started_at')} AND ${c.where} GROUP BY 1`,
    rejections: `SELECT ${t.g} AS g, t.reason_group AS grp, t.reason AS reason, count(*) AS n
      FROM stage_transitions t ${t.join}
      WHERE t.action = 'reject' AND ${IN_PERIOD('t.occurred_at')} AND ${t.where}
      GROUP BY 1, 2, 3`,
    // Each handoff against the deadline it was given when submitted.
    sla: `SELECT ${h.g} AS g, ${WEEK_OF('h.submitted_at')} AS w,
        sum(h.decided_at IS NOT NULL AND h.decided_at <= h.sla_due_at) AS onTime,
        sum(h.decided_at IS NOT NULL AND h.decided_at > h.sla_due_at) AS late,
        sum(h.decided_at IS NULL AND h.sla_due_at < @now) AS overdueOpen,
        sum(h.decided_at IS NULL AND h.sla_due_at >= @now) AS pending
      FROM handoffs h ${h.join}
      WHERE ${IN_PERIOD('h.submitted_at')} AND ${h.where}
      GROUP BY 1, 2`,
    // The weekly trend is of the filtered totals, whatever the grouping.
    weekReached: `SELECT ${WEEK_OF('t.occurred_at')} AS w, t.to_stage AS stage, count(DISTINCT t.lead_id) AS n
      FROM stage_transitions t
      WHERE t.to_stage IN ('mql', 'tql', 'sal', 'sql') AND ${IN_PERIOD('t.occurred_at')} AND ${setOf(scope.leads, 't')}
      GROUP BY 1, 2`,
  };
};

type Prepared = { [K in keyof ReturnType<typeof sqlFor>]: Statement };

export type FunnelRows = {
  reached: ReachedRow[];
  overrides: CountRow[];
  weekReached: WeekReachedRow[];
  speed: SpeedRow[];
  calls: CountRow[];
  rejections: RejectionRow[];
  sla: SlaRow[];
};

const scopeFor = (groupBy: FunnelGroupBy, params: FunnelParams): Scope => ({
  groupBy,
  leads: params.owner === null && params.source === null ? 'all' : 'filtered',
});

// Prepares each scope's statements once, on first use, and reads them in one snapshot.
export const createFunnelQueries = (db: Database) => {
  const prepared = new Map<string, Prepared>();
  const statements = (scope: Scope): Prepared => {
    const key = `${scope.groupBy}:${scope.leads}`;
    const found = prepared.get(key);
    if (found) return found;
    const sql = sqlFor(scope);
    const made = Object.fromEntries(Object.entries(sql).map(([name, text]) => [name, db.prepare(text)])) as Prepared;
    prepared.set(key, made);
    return made;
  };

  return (groupBy: FunnelGroupBy, params: FunnelParams): FunnelRows => {
    const s = statements(scopeFor(groupBy, params));
    // One read transaction: all numbers come from the same state of the store.
    return db.transaction(() => ({
      reached: s.reached.all(params) as ReachedRow[],
      overrides: s.overrides.all(params) as CountRow[],
      weekReached: s.weekReached.all(params) as WeekReachedRow[],
      speed: s.speed.raw(true).all(params) as SpeedRow[],
      calls: s.calls.all(params) as CountRow[],
      rejections: s.rejections.all(params) as RejectionRow[],
      sla: s.sla.all(params) as SlaRow[],
    }))();
  };
};
