import fs from 'node:fs';
import path from 'node:path';
import type { Backend } from '../../electron/backend';
import { seedDemoStore } from '../../electron/backend/demo';
import type { FunnelInput } from '../../shared/api/reports';
import { addDays, jstDay } from '../../shared/domain/business-time';
import { forgetFunnelSummary } from '../helpers/funnel-summary';
import { openTempBackend } from '../helpers/temp-store';
import { sampleAsync, timeSync, type BenchRow } from './measure';

export type FunnelBenchOptions = { dir: string; leads?: number; now?: Date };

// The demo's histories span 90 days; each lead's is moved back by up to 275 more days, so the
// store holds a year of stage changes and calls. Every TQL gets the handoff the handoff feature
// would have written, due 24 business hours (about three days) later and decided at its next move.
// Stage changes and calls are append-only in the app, so the funnel summary does not follow these
// rewrites: it is taken out afterwards and made again by its migration when the store is reopened.
const SPREAD_YEAR = `
  CREATE TEMP TABLE shift AS SELECT id, rowid % 276 AS days FROM leads;
  CREATE UNIQUE INDEX temp.shift_id ON shift (id);
  UPDATE stage_transitions SET occurred_at = strftime('%Y-%m-%dT%H:%M:%fZ', occurred_at, '-' || (SELECT days FROM shift WHERE shift.id = lead_id) || ' days');
  UPDATE calls SET started_at = strftime('%Y-%m-%dT%H:%M:%fZ', started_at, '-' || (SELECT days FROM shift WHERE shift.id = lead_id) || ' days');
  INSERT INTO handoffs (id, lead_id, from_rep, assignee, meeting, summary, definition_version, submitted_at, sla_hours, sla_version, sla_due_at, status, decided_at)
    SELECT t.id, t.lead_id, t.actor, 'field', '{}', '', 1, t.occurred_at, 24, 0, strftime('%Y-%m-%dT%H:%M:%fZ', t.occurred_at, '+3 days'),
      CASE WHEN n.to_stage IS NULL THEN 'pending' WHEN n.to_stage = 'sal' THEN 'accepted' ELSE 'rejected' END, n.occurred_at
    FROM stage_transitions t
    LEFT JOIN stage_transitions n ON n.id = (SELECT x.id FROM stage_transitions x WHERE x.lead_id = t.lead_id AND x.occurred_at > t.occurred_at ORDER BY x.occurred_at LIMIT 1)
    WHERE t.to_stage = 'tql';
  DROP TABLE shift;
  ANALYZE;
`;

const readFunnel = async (backend: Backend, input: FunnelInput): Promise<void> => {
  const result = await backend.call('reports.funnel', input);
  if (!result.ok) throw new Error(`reports.funnel failed: ${result.error.message}`);
};

// The funnel report at 100,000 leads with a year of history, read through the contract.
export const runFunnelBench = async ({ dir, leads = 100_000, now = new Date('2026-11-24T10:30:00+09:00') }: FunnelBenchOptions): Promise<BenchRow[]> => {
  const storeDir = path.join(dir, 'funnel');
  fs.mkdirSync(storeDir);
  const seeding = openTempBackend(storeDir, { now: () => now });
  const seeded = timeSync(() => {
    seedDemoStore(seeding, { count: leads, now });
    seeding.ctx.store.db.exec(SPREAD_YEAR);
    forgetFunnelSummary(seeding.ctx.store.db);
  });
  const { db } = seeding.ctx.store;
  const facts = db
    .prepare('SELECT (SELECT count(*) FROM stage_transitions) AS transitions, (SELECT count(*) FROM calls) AS calls, (SELECT count(*) FROM handoffs) AS handoffs, (SELECT min(occurred_at) FROM stage_transitions) AS first')
    .get() as { transitions: number; calls: number; handoffs: number; first: string };
  seeding.close();
  // Measured as the app meets it: a store opened afresh (which summarises the history once).
  const opened = timeSync(() => openTempBackend(storeDir, { now: () => now }));
  const backend = opened.value;
  try {
    const today = jstDay(now);
    const yearAgo = addDays(today, -364);
    const rows: BenchRow[] = [
      {
        name: `seed ${leads.toLocaleString('en')} leads, a year of history (not a report cost)`,
        ms: seeded.ms,
        note: `${facts.transitions.toLocaleString('en')} stage changes, ${facts.calls.toLocaleString('en')} calls, ${facts.handoffs.toLocaleString('en')} handoffs since ${facts.first.slice(0, 10)}`,
      },
      { name: 'open the store, summarising that history (migration 012, once per store)', ms: opened.ms },
    ];
    // The screen's periods (a week, four weeks, a quarter) and a whole year at once, in every
    // breakdown, each under the target.
    const periods = [
      ['this week', addDays(today, -6), 200],
      ['last 4 weeks', addDays(today, -27), 200],
      ['last 13 weeks', addDays(today, -90), 200],
      ['a whole year', yearAgo, 200],
    ] as const;
    for (const [label, from, target] of periods) {
      for (const groupBy of ['none', 'owner', 'source'] as const) {
        const sampled = await sampleAsync(() => readFunnel(backend, { from, to: today, groupBy }), 10, 2);
        const by = groupBy === 'none' ? '' : ` per ${groupBy}`;
        rows.push({ name: `reports.funnel ${label}${by}, median of 10`, ms: sampled.median, target, note: `p95 ${sampled.p95.toFixed(1)} ms` });
      }
    }
    return rows;
  } finally {
    backend.close();
  }
};
