import fs from 'node:fs';
import path from 'node:path';
import { generateDemoLeads, seedDemoStore } from '../../electron/backend/demo';
import type { Backend } from '../../electron/backend';
import { openTempBackend } from '../helpers/temp-store';
import { sampleAsync, timeSync, type BenchRow } from './measure';

export type StoreBenchOptions = { dir: string; leads?: number; now?: Date };

const listPage = async (backend: Backend, offset: number, filter: Record<string, unknown> = {}): Promise<void> => {
  const result = await backend.call('leads.list', { offset, limit: 100, ...filter });
  if (!result.ok) throw new Error(`leads.list failed: ${result.error.message}`);
};

// The store's own costs: opening, a large write through the real path, re-opening, paging.
export const runStoreBench = async ({ dir, leads = 100_000, now = new Date() }: StoreBenchOptions): Promise<BenchRow[]> => {
  const rows: BenchRow[] = [];
  const storeDir = path.join(dir, 'store');
  fs.mkdirSync(storeDir);

  const opened = timeSync(() => openTempBackend(storeDir, { now: () => now }));
  rows.push({ name: 'open new store (migrations)', ms: opened.ms });
  let backend = opened.value;

  const generated = timeSync(() => generateDemoLeads(leads, 1, now).map(({ createdAt: _createdAt, ...lead }) => lead));
  rows.push({ name: `generate ${leads.toLocaleString('en')} demo leads (not a store cost)`, ms: generated.ms });

  const inserted = timeSync(() => backend.leads.createMany(generated.value));
  const ops = backend.ctx.outbox.pendingCount();
  rows.push({
    name: `insert ${leads.toLocaleString('en')} leads, one transaction (leads.createMany)`,
    ms: inserted.ms,
    note: `${Math.round(leads / (inserted.ms / 1000)).toLocaleString('en')} leads/s, ${ops.toLocaleString('en')} outbox ops`,
  });

  backend.close();
  const reopened = timeSync(() => openTempBackend(storeDir, { now: () => now }));
  backend = reopened.value;
  const sizeMb = fs.readdirSync(storeDir).reduce((sum, f) => sum + fs.statSync(path.join(storeDir, f)).size, 0) / 1e6;
  rows.push({ name: `re-open ${leads.toLocaleString('en')}-lead store`, ms: reopened.ms, note: `${sizeMb.toFixed(0)} MB on disk` });

  const first = await sampleAsync(() => listPage(backend, 0));
  rows.push({ name: "leads.list first page (100 rows), median of 20", ms: first.median, target: 100, note: `p95 ${first.p95.toFixed(1)} ms` });
  const deepOffset = Math.max(0, leads - 10_000);
  const deep = await sampleAsync(() => listPage(backend, deepOffset));
  rows.push({ name: `leads.list page at offset ${deepOffset.toLocaleString('en')}, median of 20`, ms: deep.median, note: `p95 ${deep.p95.toFixed(1)} ms` });
  // Typing in the search box and picking filters: each keystroke runs the first page + count.
  for (const [label, filter] of [
    ['search a kana name (ヤマダ)', { search: 'ヤマダ' }],
    ['search a phone prefix (03-12)', { search: '03-12' }],
    ['search two words (株式会社 営業部)', { search: '株式会社 営業' }],
    ['filter stage MQL + hot, by company', { stages: ['mql'], temperatures: ['hot'], sort: 'companyKana', direction: 'asc' }],
  ] as const) {
    const searched = await sampleAsync(() => listPage(backend, 0, filter));
    rows.push({ name: `leads.list ${label}, median of 20`, ms: searched.median, target: 100, note: `p95 ${searched.p95.toFixed(1)} ms` });
  }
  backend.close();

  // The demo store a new user sees: 500 leads with calls and history.
  const demoDir = path.join(dir, 'demo');
  fs.mkdirSync(demoDir);
  const demo = openTempBackend(demoDir, { now: () => now });
  const seeded = timeSync(() => seedDemoStore(demo, { now }));
  rows.push({ name: `seed demo store (${seeded.value} leads + calls + history)`, ms: seeded.ms, target: 2000 });
  demo.close();
  return rows;
};
