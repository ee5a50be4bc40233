import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeLargeLeadList } from '../../bench/large-list';
import { sampleBusy } from '../../helpers/busy-sampler';
import { useTempDir } from '../../helpers/temp-dir';
import { openTempBackend } from '../../helpers/temp-store';

const TARGET_BYTES = 200 * 1024 * 1024;
const MB = 1024 * 1024;

describe('importing a 200 MB file', () => {
  const tempDir = useTempDir();

  it('reads it in chunks with bounded memory and a free main thread, and a cancel halfway leaves nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'huge.csv');
    const rows = writeLargeLeadList(file, TARGET_BYTES);
    expect(fs.statSync(file).size).toBeGreaterThan(TARGET_BYTES);
    const backend = openTempBackend(dir);
    const count = (table: string): number => (backend.ctx.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

    // The worker thread shares this process: its memory shows in the process RSS.
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    let busyMax = Infinity;
    const sampler = sampleBusy(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    });
    let checked = 0;
    let wrotePhase = false;
    const stop = backend.subscribe((event) => {
      if (event.name !== 'import.progress') return;
      if (event.payload.phase === 'write') wrotePhase = true;
      // Half through checking: the writer thread has been writing the leads planned so far all
      // along, so the transaction is large; the cancel must roll all of it back.
      if (event.payload.phase === 'check' && event.payload.done >= rows / 2 && checked < rows / 2) {
        stop();
        void backend.call('imports.cancel', {});
      }
      if (event.payload.phase === 'check') checked = event.payload.done;
    });
    try {
      const answer = await backend.call('imports.commit', { path: file });
      expect(answer).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'errors.import.cancelled' } });
    } finally {
      busyMax = sampler.stop();
    }
    expect(checked).toBeGreaterThanOrEqual(rows / 2);
    expect(checked).toBeLessThan(rows);
    expect(wrotePhase).toBe(false);
    for (const table of ['leads', 'imports', 'outbox', 'stage_transitions', 'lead_search']) expect(count(table), table).toBe(0);
    const growthMb = (peak - baseline) / MB;
    // The file is never held whole: growth is the duplicate keys, one chunk and SQLite's page cache.
    expect(growthMb).toBeLessThan(300);
    expect(busyMax).toBeLessThan(50);
    console.log(`200 MB import: ${rows} rows, RSS growth ${growthMb.toFixed(0)} MB, main thread busy at most ${busyMax.toFixed(1)} ms at a time`);
    backend.close();
  }, 120_000);
});
