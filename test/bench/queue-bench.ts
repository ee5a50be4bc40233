import path from 'node:path';
import fs from 'node:fs';
import { seedDemoStore } from '../../electron/backend/demo';
import type { Backend } from '../../electron/backend';
import { openTempBackend } from '../helpers/temp-store';
import { sampleAsync, timeSync, type BenchRow } from './measure';

export type QueueBenchOptions = { dir: string; leads?: number; now?: Date };

const readQueue = async (backend: Backend, input: Record<string, unknown>): Promise<void> => {
  const result = await backend.call('queue.get', input);
  if (!result.ok) throw new Error(`queue.get failed: ${result.error.message}`);
};

// The call queue at 100,000 leads: the demo generator's leads with their calls, owners (a fifth
// the rep's own, a share unowned) and callbacks, read at a weekday 10:30 JST through the contract.
export const runQueueBench = async ({ dir, leads = 100_000, now = new Date('2026-11-24T10:30:00+09:00') }: QueueBenchOptions): Promise<BenchRow[]> => {
  const storeDir = path.join(dir, 'queue');
  fs.mkdirSync(storeDir);
  const seeding = openTempBackend(storeDir, { now: () => now });
  const seeded = timeSync(() => seedDemoStore(seeding, { count: leads, now }));
  seeding.close();
  // Measured as the app meets it: a store opened afresh.
  const backend = openTempBackend(storeDir, { now: () => now });
  try {
    const { db } = backend.ctx.store;
    const facts = db.prepare("SELECT (SELECT count(*) FROM calls) AS calls, (SELECT count(*) FROM callbacks WHERE status = 'open') AS callbacks").get() as { calls: number; callbacks: number };
    const rows: BenchRow[] = [
      {
        name: `seed ${leads.toLocaleString('en')} leads (not a queue cost)`,
        ms: seeded.ms,
        note: `${facts.calls.toLocaleString('en')} calls, ${facts.callbacks.toLocaleString('en')} open callbacks`,
      },
    ];
    // The target is the queue a rep works from; the others show what a long list or a rare
    // filter combination (read past many non-matching leads) costs.
    for (const [label, input, target] of [
      ['my queue (first 50)', {}, 20],
      ['my queue, 500 leads', { limit: 500 }, undefined],
      ['my queue filtered to 展示会 + warm (rare)', { source: '展示会', temperature: 'warm' }, undefined],
    ] as const) {
      const sampled = await sampleAsync(() => readQueue(backend, input));
      rows.push({ name: `queue.get ${label}, median of 20`, ms: sampled.median, ...(target ? { target } : {}), note: `p95 ${sampled.p95.toFixed(1)} ms` });
    }
    return rows;
  } finally {
    backend.close();
  }
};
