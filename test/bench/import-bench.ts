import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import type { ImportResult } from '../../shared/api/imports';
import { suggestMapping } from '../../shared/domain/import-mapping';
import { createRowMapper } from '../../shared/domain/import-row';
import type { LeadInput } from '../../shared/domain/lead';
import { createBackend, type Backend } from '../../electron/backend';
import { generateDemoLeads } from '../../electron/backend/demo';
import { createRandom } from '../../electron/backend/demo/random';
import { commitImport } from '../../electron/backend/imports/commit';
import { decodeText, detectEncoding } from '../../electron/backend/imports/decode';
import { createDuplicateIndex, matchKeys } from '../../electron/backend/imports/duplicates';
import { parseDelimited } from '../../electron/backend/imports/parse-delimited';
import { planImport, type RowOutcome } from '../../electron/backend/imports/plan';
import { openImportSource } from '../../electron/backend/imports/read-source';
import type { SourceRow } from '../../electron/backend/imports/source';
import { silentLogger } from '../../electron/backend/log';
import { writeLargeLeadList } from './large-list';
import { percentile, timeAsync, timeSync, type BenchRow } from './measure';

export type ImportBenchOptions = { dir: string; rows?: number; runs?: number; now?: Date };

// A typical Japanese lead list: 15 columns, every header one the mapping dictionary knows.
const HEADERS = ['会社名', '会社名フリガナ', '氏名', 'フリガナ', '部署', '役職', '電話番号', '携帯電話', 'メールアドレス', '郵便番号', '都道府県', '住所', '業種', '従業員数', '流入元'] as const;
const DUPLICATE_EVERY = 50; // 2% of the rows repeat an earlier lead
const INVALID_EVERY = 100; // 1% of the rows are rejected by validation
const SEED = 7;

type Col = (typeof HEADERS)[number];
type Cells = Record<Col, string>;
type LeadFile = { header: string[]; rows: string[][]; expected: { created: number; skipped: number; rejected: number } };

const fmt = (n: number): string => Math.round(n).toLocaleString('en');
const perSecond = (rows: number, ms: number): string => `${fmt(rows / (ms / 1000))} rows/s`;

// Writes `digits` over the last digits of a phone number, keeping its format (full-width stays full-width).
const overwriteTrailingDigits = (phone: string, digits: string): string => {
  const chars = [...phone];
  let left = digits.length;
  for (let i = chars.length - 1; i >= 0 && left > 0; i -= 1) {
    const code = chars[i]!.charCodeAt(0);
    const fullWidth = code >= 0xff10 && code <= 0xff19;
    if (!fullWidth && (code < 0x30 || code > 0x39)) continue;
    left -= 1;
    const d = digits.charCodeAt(left) - 0x30;
    chars[i] = String.fromCharCode((fullWidth ? 0xff10 : 0x30) + d);
  }
  return chars.join('');
};

// Distinct n give distinct numbers (7919 is coprime with both moduli).
const landlineTail = (n: number): string => String(2_000_000 + ((n * 7919) % 8_000_000));
const mobileTail = (n: number): string => String((n * 7919 + 1_234_567) % 100_000_000).padStart(8, '0');

const toCells = (lead: LeadInput): Cells => ({
  会社名: lead.companyName,
  会社名フリガナ: lead.companyKana ?? '',
  氏名: [lead.familyName, lead.givenName].filter(Boolean).join('\u3000'),
  フリガナ: [lead.familyNameKana, lead.givenNameKana].filter(Boolean).join('\u3000'),
  部署: lead.department ?? '',
  役職: lead.title ?? '',
  電話番号: lead.phone ?? '',
  携帯電話: lead.mobile ?? '',
  メールアドレス: lead.email ?? '',
  郵便番号: lead.postalCode ?? '',
  都道府県: lead.prefecture ?? '',
  住所: lead.address ?? '',
  業種: lead.industry ?? '',
  従業員数: lead.employeeCount === null ? '' : lead.employeeCount >= 1000 ? lead.employeeCount.toLocaleString('en') : String(lead.employeeCount),
  流入元: lead.source ?? '',
});

// Demo leads made distinct on every duplicate key (email, phone, mobile, company + person): the
// demo's company main numbers and name pairs repeat, which would turn most rows into duplicates.
const distinctLeads = (count: number, now: Date): LeadInput[] => {
  const seen = { email: new Set<string>(), phone: new Set<string>(), companyPerson: new Set<string>() };
  const out: LeadInput[] = [];
  for (const { createdAt: _createdAt, ...demo } of generateDemoLeads(Math.ceil(count * 1.4), SEED, now)) {
    if (out.length === count) break;
    const n = out.length;
    const lead: LeadInput = {
      ...demo,
      phone: demo.phone === null ? null : overwriteTrailingDigits(demo.phone, landlineTail(n)),
      mobile: demo.mobile === null ? null : overwriteTrailingDigits(demo.mobile, mobileTail(n)),
    };
    if (lead.email === null && lead.phone === null && lead.mobile === null) continue;
    let keys = matchKeys(lead);
    const { companyPerson } = keys;
    if (companyPerson === null || seen.companyPerson.has(companyPerson)) continue;
    const [local, domain] = (demo.email ?? '').split('@');
    for (let k = 2; keys.email !== null && seen.email.has(keys.email); k += 1) {
      lead.email = `${local}${k}@${domain}`;
      keys = matchKeys(lead);
    }
    if (keys.phones.some((p) => seen.phone.has(p))) throw new Error(`import bench: generated phone collides: ${keys.phones.join(', ')}`);
    if (keys.email) seen.email.add(keys.email);
    for (const p of keys.phones) seen.phone.add(p);
    seen.companyPerson.add(companyPerson);
    out.push(lead);
  }
  if (out.length < count) throw new Error(`import bench: only ${out.length} distinct leads from the demo generator, ${count} needed`);
  return out;
};

// Four ways a lead reappears in a real list: exact copy, other spelling (matched by normalised
// email), phone only (matched by normalised phone), name only (matched by company + person).
const duplicateOf = (original: Cells, kind: number, n: number): Cells => {
  if (kind === 0) return { ...original };
  if (kind === 1) return { ...original, メールアドレス: original.メールアドレス.toUpperCase(), 電話番号: original.電話番号.replace(/[-()]/gu, '') };
  if (kind === 2 && original.電話番号 !== '') return { ...original, メールアドレス: '', 携帯電話: '' };
  return { ...original, メールアドレス: '', 電話番号: '', 携帯電話: overwriteTrailingDigits('080-0000-0000', mobileTail(n)) };
};

// One reason per row, cycling: each is a rejection, never a warning.
const invalidate = (cells: Cells, kind: number): Cells => {
  switch (kind % 6) {
    case 0:
      return { ...cells, 会社名: '' };
    case 1:
      return { ...cells, メールアドレス: cells.メールアドレス.replace('@', '.') || 'info.example.co.jp' };
    case 2:
      return { ...cells, 電話番号: '03-1234' };
    case 3:
      return { ...cells, 電話番号: '312345678' };
    case 4:
      return { ...cells, 従業員数: '約百名' };
    default:
      return { ...cells, 電話番号: '', 携帯電話: '', メールアドレス: '' };
  }
};

export const buildLeadFile = (rows: number, now: Date): LeadFile => {
  const duplicates = Math.floor(rows / DUPLICATE_EVERY);
  const invalid = Math.floor(rows / INVALID_EVERY);
  const unique = rows - duplicates - invalid;
  const leads = distinctLeads(unique + invalid, now).map(toCells);
  const random = createRandom(SEED);
  const out: Cells[] = [];
  const valid: Cells[] = [];
  let next = 0;
  for (let i = 0; i < rows; i += 1) {
    if (i % DUPLICATE_EVERY === DUPLICATE_EVERY - 1) out.push(duplicateOf(random.pick(valid), i % 4, unique + invalid + i));
    else if (i % INVALID_EVERY === 24) out.push(invalidate(leads[unique + Math.floor(i / INVALID_EVERY)]!, Math.floor(i / INVALID_EVERY)));
    else {
      const cells = leads[next++]!;
      valid.push(cells);
      out.push(cells);
    }
  }
  return { header: [...HEADERS], rows: out.map((c) => HEADERS.map((h) => c[h])), expected: { created: unique, skipped: duplicates, rejected: invalid } };
};

const csvField = (value: string): string => (/[",\r\n]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
export const toCsv = (file: LeadFile): string => [file.header, ...file.rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';

// Like openTempBackend, but pointing at the bundled import worker (the bench runs from dist/bench).
const openBenchBackend = (dir: string, now: Date, workerPath?: string): Backend =>
  createBackend({
    dbPath: path.join(dir, 'bantam.sqlite'),
    preferencesPath: path.join(dir, 'preferences.json'),
    log: silentLogger,
    now: () => now,
    ...(workerPath ? { importWorkerPath: workerPath } : {}),
  });

const freshDir = (root: string, name: string): string => {
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  return dir;
};

// imports.commit runs on the bundled worker: rebuild it so the figures are those of the sources.
const buildWorker = (): string => {
  const root = path.resolve(__dirname, '..', '..');
  const built = spawnSync(process.execPath, [path.join(root, 'build', 'bundle.mjs'), 'import-worker', 'import-writer'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`import bench: building the import worker failed: ${built.stderr || built.error?.message}`);
  return path.join(root, 'dist', 'electron', 'import-worker.cjs');
};

// Waits for the import worker's checkpoint (which copies the import from the WAL into the store
// file after the import has answered) to end, so that its disk writes do not slow the next run.
// SQLite answers busy at once, without waiting, while another connection checkpoints.
const settleStore = async (dbPath: string): Promise<number> => {
  const db = new Database(dbPath, { timeout: 120_000 });
  try {
    const started = performance.now();
    while ((db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0]!.busy !== 0) await new Promise((r) => setTimeout(r, 5));
    return performance.now() - started;
  } finally {
    db.close();
  }
};

// `cpuMs`: CPU time of every thread of the process (the worker included) during the import: on a
// loaded machine wall time swings, CPU time much less. `settleMs`: how long the store file took
// to catch up after the answer, in the background.
const commitOnce = async (root: string, run: number | string, workerPath: string, file: string, now: Date) => {
  const dir = freshDir(root, `commit-${run}`);
  const backend = openBenchBackend(dir, now, workerPath);
  try {
    const cpu = process.cpuUsage();
    const { ms, value: result } = await timeAsync(() => backend.call('imports.commit', { path: file, encoding: 'auto', onDuplicate: 'skip' }));
    const used = process.cpuUsage(cpu);
    if (!result.ok) throw new Error(`imports.commit failed: ${result.error.message}`);
    const settleMs = await settleStore(path.join(dir, 'bantam.sqlite'));
    return { ms, cpuMs: (used.user + used.system) / 1000, settleMs, value: result.value as ImportResult };
  } finally {
    backend.close();
  }
};

// Each phase of imports.commit, once, in this thread, in the order the worker runs them.
const phaseRows = async (root: string, file: string, bytes: Buffer, now: Date): Promise<BenchRow[]> => {
  const rows: BenchRow[] = [];
  // As the worker reads: in 32 KB chunks, decoded and parsed as they come.
  const read = await timeAsync(async () => {
    const opened = await openImportSource(file, path.basename(file), { encoding: 'auto' });
    const sourceRows: SourceRow[] = [];
    opened.scan((row) => sourceRows.push(row));
    opened.close();
    return { ...opened, rows: sourceRows };
  });
  const source = read.value;
  const n = source.rows.length;
  rows.push({ name: '  1 read: openImportSource + scan (chunked)', ms: read.ms, note: `${perSecond(n, read.ms)}; ${source.encoding}, ${source.format}` });
  const decoded = timeSync(() => decodeText(bytes, detectEncoding(bytes)));
  rows.push({ name: '    of which decode CP932 (whole file at once)', ms: decoded.ms, note: `${(bytes.length / 1e6).toFixed(1)} MB -> ${fmt(decoded.value.length)} chars` });
  const parsed = timeSync(() => parseDelimited(decoded.value, ','));
  rows.push({ name: '    of which parse CSV (parseDelimited, whole text)', ms: parsed.ms, note: perSecond(parsed.value.rows.length, parsed.ms) });

  const mapping = suggestMapping(source.headers);
  const custom = mapping.filter((m) => m.target === 'custom').map((m) => m.header);
  const mapped = timeSync(() => {
    const mapper = createRowMapper(mapping, { stage: 'lead', source: null, owner: null });
    return source.rows.map((row) => ({ line: row.line, cells: row.cells, outcome: mapper(row.cells) as RowOutcome }));
  });
  rows.push({ name: '  2 map + validate (createRowMapper, all rows)', ms: mapped.ms, note: `${perSecond(n, mapped.ms)}${custom.length ? `; unmapped: ${custom.join(', ')}` : ''}` });

  const backend = openBenchBackend(freshDir(root, 'phases'), now);
  try {
    const planned = timeSync(() => planImport(mapped.value, createDuplicateIndex(backend.ctx.store.db), 'skip'));
    const { counts } = planned.value;
    rows.push({ name: '  3 dedupe + plan (createDuplicateIndex + planImport)', ms: planned.ms, note: `${perSecond(n, planned.ms)}; ${fmt(counts.toCreate)} new, ${fmt(counts.skipped)} duplicates` });
    const what = { fileName: path.basename(file), format: source.format, encoding: source.encoding, sheet: null, onDuplicate: 'skip' as const, mapping, headers: source.headers, startedAt: now.toISOString() };
    const committed = timeSync(() => commitImport(backend.ctx, backend.leads, planned.value, what));
    rows.push({ name: '  4 commit, one transaction (commitImport)', ms: committed.ms, note: perSecond(committed.value.created, committed.ms) });
  } finally {
    backend.close();
  }
  return rows;
};

const LARGE_BYTES = 200 * 1024 * 1024;

// A 200 MB file imported completely through the worker: read twice in chunks, so the process grows
// by the duplicate keys and SQLite's cache, not by the file. RSS is sampled on this (idle) thread.
const largeFileRow = async (root: string, workerPath: string, now: Date): Promise<BenchRow> => {
  const file = path.join(root, 'large.csv');
  const rows = writeLargeLeadList(file, LARGE_BYTES);
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const { ms, value } = await commitOnce(root, 'large', workerPath, file, now);
    return {
      name: `imports.commit of a ${fmt(LARGE_BYTES / 1024 / 1024)} MB UTF-8 file, ${fmt(rows)} rows`,
      ms,
      note: `${perSecond(rows, ms)}; ${fmt(value.created)} created; process RSS grew by at most ${fmt((peak - baseline) / 1024 / 1024)} MB`,
    };
  } finally {
    clearInterval(sampler);
    fs.rmSync(file, { force: true });
  }
};

// The sqlite3 shell, or null with the reason (BANTAM_SQLITE3 overrides the one on PATH).
const findSqlite3 = (): { bin: string; version: string } | null => {
  const bin = process.env.BANTAM_SQLITE3 || 'sqlite3';
  const probe = spawnSync(bin, ['-version'], { encoding: 'utf8' });
  return probe.status === 0 ? { bin, version: probe.stdout.trim().split(' ')[0] ?? '' } : null;
};

const sqliteImportOnce = (bin: string, dir: string, csvFile: string, rows: number): number => {
  const db = path.join(dir, 'floor.sqlite');
  const columns = HEADERS.map((h) => `"${h}" TEXT`).join(', ');
  const script = `CREATE TABLE leads (${columns});\n.import --csv --skip 1 '${csvFile.replaceAll("'", "''")}' leads\n`;
  const started = performance.now();
  const run = spawnSync(bin, [db], { input: script, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0 || run.stderr.trim() !== '') throw new Error(`sqlite3 .import failed: ${run.stderr || run.error?.message}`);
  const count = spawnSync(bin, [db, 'SELECT count(*) FROM leads;'], { encoding: 'utf8' }).stdout.trim();
  if (Number(count) !== rows) throw new Error(`sqlite3 .import loaded ${count} rows, expected ${rows}`);
  fs.rmSync(db);
  return ms;
};

// The import pipeline on a 100k-row Shift_JIS list against the floor: sqlite3's own CSV import.
export const runImportBench = async ({ dir, rows = 100_000, runs = 3, now = new Date() }: ImportBenchOptions): Promise<BenchRow[]> => {
  const out: BenchRow[] = [];
  const built = timeSync(() => buildLeadFile(rows, now));
  const file = built.value;
  const text = toCsv(file);
  const bytes = iconv.encode(text, 'cp932');
  if (iconv.decode(bytes, 'cp932') !== text) throw new Error('import bench: the generated list does not survive CP932; pick other demo words');
  const sjisFile = path.join(dir, 'leads-sjis.csv');
  const utf8File = path.join(dir, 'leads-utf8.csv');
  fs.writeFileSync(sjisFile, bytes);
  fs.writeFileSync(utf8File, text, 'utf8');
  out.push({
    name: `generate ${fmt(rows)}-row, ${HEADERS.length}-column list (not an import cost)`,
    ms: built.ms,
    note: `CP932 + CRLF, ${(bytes.length / 1e6).toFixed(1)} MB; ${fmt(file.expected.skipped)} duplicate rows, ${fmt(file.expected.rejected)} invalid rows`,
  });

  const workerPath = buildWorker();
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  const settleSamples: number[] = [];
  let result: ImportResult | null = null;
  for (let run = 0; run < runs; run += 1) {
    const once = await commitOnce(dir, run, workerPath, sjisFile, now);
    samples.push(once.ms);
    cpuSamples.push(once.cpuMs);
    settleSamples.push(once.settleMs);
    result = once.value;
  }
  const bantam = percentile(samples, 0.5);
  const e = file.expected;
  const counts = result ? `${fmt(result.created)} created, ${fmt(result.skipped)} skipped, ${fmt(result.rejected)} rejected` : '';
  const asExpected = result !== null && result.created === e.created && result.skipped === e.skipped && result.rejected === e.rejected;
  out.push({
    name: `imports.commit ${fmt(rows)} rows, Shift_JIS (parse, validate, dedupe, commit), median of ${runs}`,
    ms: bantam,
    target: 3000,
    note: `${perSecond(rows, bantam)}; runs ${samples.map((s) => s.toFixed(0)).join('/')} ms (CPU ${cpuSamples.map((s) => s.toFixed(0)).join('/')} ms); ${counts}; the store file caught up, in the background, ${settleSamples.map((s) => s.toFixed(0)).join('/')} ms after the answer${asExpected ? '' : ` (EXPECTED ${fmt(e.created)}/${fmt(e.skipped)}/${fmt(e.rejected)})`}`,
  });

  const phases = await phaseRows(dir, sjisFile, bytes, now);
  const sum = phases.filter((p) => /^ {2}\d/u.test(p.name)).reduce((s, p) => s + p.ms, 0);
  out.push({
    name: 'phase breakdown, once, one after another on the main thread:',
    ms: sum,
    note: `sum of phases 1-4; imports.commit runs 1-3 on the import worker while its writer thread runs 4, so it takes ${(sum - bantam).toFixed(0)} ms less`,
  });
  out.push(...phases);

  if (process.env.BANTAM_BENCH_LARGE !== '0') out.push(await largeFileRow(dir, workerPath, now));

  const sqlite = findSqlite3();
  if (sqlite === null) {
    console.log(`[import bench] sqlite3 shell not found (${process.env.BANTAM_SQLITE3 || 'sqlite3 on PATH'}): skipping the .import floor. Install it (Debian/Ubuntu: apt-get install -y sqlite3) or set BANTAM_SQLITE3=/path/to/sqlite3.`);
    return out;
  }
  const floorSamples = Array.from({ length: runs }, () => sqliteImportOnce(sqlite.bin, dir, utf8File, rows));
  const floor = percentile(floorSamples, 0.5);
  out.push({
    name: `sqlite3 ${sqlite.version} .import --csv, same rows as UTF-8 (the shell cannot read Shift_JIS), median of ${runs}`,
    ms: floor,
    note: `${perSecond(rows, floor)}; runs ${floorSamples.map((s) => s.toFixed(0)).join('/')} ms (incl. shell start); Bantam / sqlite3 .import = ${(bantam / floor).toFixed(1)}x`,
  });
  return out;
};
