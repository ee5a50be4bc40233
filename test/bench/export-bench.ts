import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Backend } from '../../electron/backend';
import { seedDemoStore } from '../../electron/backend/demo';
import type { ExportOutcome, ExportRunInput } from '../../shared/api/exports';
import { STAGES } from '../../shared/domain/stages';
import { openTempBackend } from '../helpers/temp-store';
import { timeAsync, timeSync, type BenchRow } from './measure';

export type ExportBenchOptions = { dir: string; leads?: number; now?: Date };

// What a team lead exports: who the lead is, where it stands, stage dates, BANT and the latest note.
const COLUMNS = [
  'companyName', 'department', 'title', 'familyName', 'givenName', 'email', 'phone', 'employeeCount', 'score', 'stage', 'owner', 'source',
  'createdAt', 'reachedTql', 'callCount', 'lastCalledAt', 'budgetStatus', 'budgetAmountMin', 'authorityRole', 'needSeverity', 'timelineHorizon', 'latestNote',
];

// Every fifth lead without answers from the demo gets some, so the BANT columns read real JSON.
const addHearings = (backend: Backend, at: string): void => {
  const { db } = backend.ctx.store;
  const answers = JSON.stringify({ budget: { status: 'secured_this_fy', amountMin: 3_000_000 }, authority: { role: 'decision_maker' }, need: { severity: 'high' }, timeline: { horizon: 'within_3_months' } });
  db.prepare("INSERT OR IGNORE INTO lead_hearings (lead_id, answers, script_version, updated_by, updated_at) SELECT id, ?, 1, 'bench', ? FROM leads WHERE rowid % 5 = 0").run(answers, at);
};

const exportOnce = async (backend: Backend, input: ExportRunInput): Promise<{ ms: number; stallMs: number; outcome: ExportOutcome }> => {
  // The longest the event loop was held while the export ran: what a click would wait for.
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const { ms, value } = await timeAsync(() => backend.call('exports.run', input));
  delay.disable();
  if (!value.ok) throw new Error(`exports.run failed: ${value.error.message}`);
  return { ms, stallMs: delay.max / 1e6, outcome: value.value as ExportOutcome };
};

// 100,000 demo leads (every stage, so all of them match) written through the contract as the app
// writes them (on the export worker): CSV UTF-8 with BOM, CSV CP932 and XLSX.
export const runExportBench = async ({ dir, leads = 100_000, now = new Date('2026-11-24T10:30:00+09:00') }: ExportBenchOptions): Promise<BenchRow[]> => {
  const storeDir = path.join(dir, 'export');
  fs.mkdirSync(storeDir);
  const backend = openTempBackend(storeDir, { now: () => now });
  try {
    const seeded = timeSync(() => {
      seedDemoStore(backend, { count: leads, now });
      addHearings(backend, now.toISOString());
    });
    const rows: BenchRow[] = [{ name: `seed ${leads.toLocaleString('en')} leads (not an export cost)`, ms: seeded.ms }];
    const filter = { stages: [...STAGES] };
    for (const [label, format, encoding, target] of [
      ['CSV UTF-8 BOM', 'csv', 'utf8-bom', 3000],
      ['CSV CP932', 'csv', 'cp932', 3000],
      ['XLSX', 'xlsx', 'utf8-bom', 3000],
    ] as const) {
      const file = path.join(storeDir, `export-${format}-${encoding}.${format}`);
      const { ms, stallMs, outcome } = await exportOnce(backend, { path: file, filter, columns: COLUMNS, format, encoding });
      const what =
        outcome.kind === 'written'
          ? `${outcome.record.rowCount.toLocaleString('en')} rows, ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB`
          : `refused: ${outcome.total} characters CP932 cannot hold`;
      rows.push({ name: `export ${label}, ${COLUMNS.length} columns`, ms, target, note: `${what}; longest event-loop stall ${stallMs.toFixed(1)} ms` });
    }
    return rows;
  } finally {
    backend.close();
  }
};
