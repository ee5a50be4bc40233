import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp-dir';
import { openTempBackend } from '../../helpers/temp-store';

const TARGET_BYTES = 200 * 1024 * 1024;
const MB = 1024 * 1024;

// A ~200 MB UTF-8 lead list, every row a different lead, written in 4 MB blocks.
const writeLargeList = (file: string): number => {
  const fd = fs.openSync(file, 'w');
  const memo = '展示会で名刺交換。資料送付済み、来期の予算取りに合わせて再度連絡する。'.repeat(2);
  fs.writeSync(fd, '会社名,氏名,電話番号,メール,住所,備考\r\n');
  let rows = 0;
  let bytes = 0;
  while (bytes < TARGET_BYTES) {
    const block: string[] = [];
    for (let k = 0; k < 10_000; k += 1, rows += 1) {
      const n = rows;
      block.push(
        `株式会社テスト${n},山田 ${n},03-${String(1000 + Math.floor(n / 10_000))}-${String(n % 10_000).padStart(4, '0')},lead${n}@example.co.jp,"東京都千代田区丸の内${n % 9}-${n % 99}, ${n}F",${memo}\r\n`,
      );
    }
    bytes += fs.writeSync(fd, block.join(''));
  }
  fs.closeSync(fd);
  return rows;
};

describe('importing a 200 MB file', () => {
  const tempDir = useTempDir();

  it('reads it in chunks with bounded memory and a free main thread, and a cancel while writing leaves nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'huge.csv');
    const rows = writeLargeList(file);
    expect(fs.statSync(file).size).toBeGreaterThan(TARGET_BYTES);
    const backend = openTempBackend(dir);
    const count = (table: string): number => (backend.ctx.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

    // The worker thread shares this process: its memory shows in the process RSS.
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    let checked = 0;
    let written = 0;
    let toWrite = 0;
    const stop = backend.subscribe((event) => {
      if (event.name !== 'import.progress') return;
      if (event.payload.phase === 'check') checked = event.payload.done;
      if (process.env.DIAG && event.payload.done % 50000 === 0) console.log(event.payload.phase, event.payload.done, ((process.memoryUsage().rss - baseline) / MB).toFixed(0), ((peak - baseline) / MB).toFixed(0));
      if (event.payload.phase === 'write') {
        written = event.payload.done;
        toWrite = event.payload.total;
        // Half way through writing: the whole file was checked, the transaction is large.
        if (written >= event.payload.total / 2) {
          stop();
          void backend.call('imports.cancel', {});
        }
      }
    });
    try {
      const answer = await backend.call('imports.commit', { path: file });
      expect(answer).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'errors.import.cancelled' } });
    } finally {
      clearInterval(sampler);
      loop.disable();
    }
    expect(checked).toBe(rows);
    expect(toWrite).toBe(rows);
    expect(written).toBeGreaterThanOrEqual(rows / 2);
    for (const table of ['leads', 'imports', 'outbox', 'stage_transitions', 'lead_search']) expect(count(table), table).toBe(0);
    const growthMb = (peak - baseline) / MB;
    // The file is never held whole: growth is the duplicate keys, one chunk and SQLite's page cache.
    expect(growthMb).toBeLessThan(300);
    expect(loop.max / 1e6).toBeLessThan(50);
    console.log(`200 MB import: ${rows} rows, RSS growth ${growthMb.toFixed(0)} MB, event loop max delay ${(loop.max / 1e6).toFixed(1)} ms`);
    backend.close();
  }, 120_000);
});
