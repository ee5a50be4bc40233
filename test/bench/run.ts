// Performance figures for the backend: `npm run bench`. Plain Node (bundled by esbuild).
// Add further benches to BENCHES; each gets its own temp dir and returns rows for the table.
import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir } from '../helpers/temp-store';
import type { BenchRow } from './measure';
import { runExportBench } from './export-bench';
import { runFunnelBench } from './funnel-bench';
import { runImportBench } from './import-bench';
import { runQueueBench } from './queue-bench';
import { runStoreBench } from './store-bench';

type Bench = { name: string; title: string; run: (dir: string) => Promise<BenchRow[]> };

const BENCHES: readonly Bench[] = [
  { name: 'store', title: 'Store (SQLite, real write path)', run: (dir) => runStoreBench({ dir }) },
  { name: 'import', title: 'Import (100,000-row Shift_JIS CSV, real pipeline) vs sqlite3 .import', run: (dir) => runImportBench({ dir }) },
  { name: 'queue', title: 'Call queue (100,000 demo leads with calls and callbacks)', run: (dir) => runQueueBench({ dir }) },
  { name: 'export', title: 'Export (100,000 demo leads, streamed, on a worker thread)', run: (dir) => runExportBench({ dir }) },
  { name: 'funnel', title: 'Funnel report (100,000 leads, a year of history)', run: (dir) => runFunnelBench({ dir }) },
];

const printTable = (title: string, rows: readonly BenchRow[]): boolean => {
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`\n${title}`);
  console.log(`${'measure'.padEnd(width)}  ${'ms'.padStart(10)}  ${'target'.padStart(8)}  result  note`);
  let allMet = true;
  for (const row of rows) {
    const met = row.target === undefined ? '' : row.ms < row.target ? 'ok' : 'SLOW';
    if (met === 'SLOW') allMet = false;
    const target = row.target === undefined ? '' : `< ${row.target}`;
    console.log(`${row.name.padEnd(width)}  ${row.ms.toFixed(1).padStart(10)}  ${target.padStart(8)}  ${met.padEnd(6)}  ${row.note ?? ''}`);
  }
  return allMet;
};

const main = async (): Promise<void> => {
  console.log(`Bantam bench: node ${process.version}, ${process.platform}/${process.arch}`);
  // `npm run bench -- import queue` runs only the benches named; no names run them all.
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !BENCHES.some((b) => b.name === name));
  if (unknown.length > 0) throw new Error(`Unknown bench ${unknown.join(', ')}: choose from ${BENCHES.map((b) => b.name).join(', ')}.`);
  let allMet = true;
  for (const bench of BENCHES.filter((b) => wanted.length === 0 || wanted.includes(b.name))) {
    const dir = makeTempDir('bantam-bench-');
    try {
      allMet = printTable(bench.title, await bench.run(path.resolve(dir))) && allMet;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(allMet ? '\nAll targets met.' : '\nSome targets were missed (SLOW).');
  if (!allMet) process.exitCode = 1;
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
