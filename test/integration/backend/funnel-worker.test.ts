import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { seedDemoStore } from '../../../electron/backend/demo';
import { createFunnelReport } from '../../../electron/backend/reports/funnel-report';
import type { FunnelReport } from '../../../shared/api/reports';
import { useTempDir } from '../../helpers/temp-dir';
import { sampleBusy } from '../../helpers/busy-sampler';
import { openTempBackend } from '../../helpers/temp-store';

const NOW = new Date('2026-11-24T10:30:00+09:00');
// The demo's 90 days of history, per owner.
const QUARTER = { from: '2026-08-26', to: '2026-11-24', groupBy: 'owner' } as const;

describe('reports.funnel on a large store', () => {
  const tempDir = useTempDir();

  it('answers from the report worker exactly as a read on this thread does, the main thread staying free', async () => {
    const backend = openTempBackend(tempDir(), { now: () => NOW });
    seedDemoStore(backend, { count: 25_000, now: NOW });
    // The same report read here, on the main thread, is what the worker must answer.
    const started = performance.now();
    const onMain = createFunnelReport(backend.ctx.store.db)(QUARTER, NOW);
    const mainMs = performance.now() - started;

    const sampler = sampleBusy();
    const answer = await backend.call('reports.funnel', QUARTER);
    const busyMax = sampler.stop();
    expect(answer.ok).toBe(true);
    expect(answer.ok && (answer.value as FunnelReport)).toEqual(onMain);
    expect(onMain.totals.reached.mql).toBeGreaterThan(1000);
    expect(busyMax).toBeLessThan(50);
    console.log(`funnel over 25,000 leads: ${mainMs.toFixed(0)} ms on the main thread; with the worker, main thread busy at most ${busyMax.toFixed(1)} ms at a time`);
    backend.close();
  }, 60_000);
});
