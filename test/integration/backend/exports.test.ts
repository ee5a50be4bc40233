import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { readXlsx } from '../../../electron/backend/imports/read-xlsx';
import type { ApiErrorBody, MethodName } from '../../../shared/api';
import type { ExportOutcome, ExportRecord, ExportRunInput } from '../../../shared/api/exports';
import type { Lead, LeadInput } from '../../../shared/domain/lead';
import type { Stage } from '../../../shared/domain/stages';
import { leadInput } from '../../helpers/lead-input';
import { useTempDir } from '../../helpers/temp-dir';
import { openTempBackend } from '../../helpers/temp-store';
import { TQL_ANSWERS } from './hearing-fixture';

const ok = async <T>(backend: Backend, method: MethodName, input: unknown): Promise<T> => {
  const answer = await backend.call(method, input);
  if (!answer.ok) throw new Error(`${method} failed: ${answer.error.message}`);
  return answer.value as T;
};
const fails = async (backend: Backend, method: MethodName, input: unknown): Promise<ApiErrorBody> => {
  const answer = await backend.call(method, input);
  if (answer.ok) throw new Error(`${method} should have failed`);
  return answer.error;
};

const create = (backend: Backend, stage: Stage, overrides: Partial<LeadInput> = {}): Promise<Lead> =>
  ok<Lead>(backend, 'leads.create', { ...leadInput(overrides), stage });

const written = (outcome: ExportOutcome) => {
  if (outcome.kind !== 'written') throw new Error(`expected a file, got ${outcome.kind}`);
  return outcome;
};

// 2026-11-20 10:00 JST.
const NOW = new Date('2026-11-20T01:00:00.000Z');

describe('exports', () => {
  const tempDir = useTempDir();
  const setup = () => {
    const dir = tempDir();
    const backend = openTempBackend(dir, { now: () => NOW });
    const run = (input: ExportRunInput) => ok<ExportOutcome>(backend, 'exports.run', input);
    return { dir, backend, run, file: (name: string) => path.join(dir, name) };
  };

  it('writes UTF-8 CSV with a BOM, CRLF, catalog headers and qualified leads only by default', async () => {
    const { backend, run, file } = setup();
    await create(backend, 'tql', { companyName: '株式会社サンプル商事', email: 'a@example.jp' });
    await create(backend, 'sal', { companyName: '㈱髙橋製作所', email: 'b@example.jp' });
    await create(backend, 'mql', { companyName: '対象外の会社', email: 'c@example.jp' });
    const outcome = written(await run({ path: file('out.csv'), columns: ['companyName', 'stage', 'employeeCount'] }));
    const bytes = fs.readFileSync(file('out.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')).toEqual(['会社名,ステージ,従業員数', '株式会社サンプル商事,tql,120', '㈱髙橋製作所,sal,120', '']);
    expect(outcome.record).toMatchObject({ rowCount: 2, format: 'csv', encoding: 'utf8-bom', fileName: 'out.csv', columns: ['companyName', 'stage', 'employeeCount'] });
    expect(outcome.record.filter.stages).toEqual(['tql', 'sal', 'sql']);
  });

  it('writes CP932 bytes for 株式会社, ㈱, 髙 and ①', async () => {
    const { backend, run, file } = setup();
    await create(backend, 'tql', { companyName: '株式会社①', department: '㈱髙' });
    written(await run({ path: file('sjis.csv'), columns: ['companyName', 'department'], encoding: 'cp932' }));
    const bytes = fs.readFileSync(file('sjis.csv'));
    const header = iconv.encode('会社名,部署\r\n', 'cp932');
    expect(bytes.subarray(0, header.length)).toEqual(header);
    // 株式会社 ① , ㈱ 髙 — NEC special (0x8740, 0x878A) and IBM extension (0xFBFC) bytes.
    expect(bytes.subarray(header.length).toString('hex')).toBe(`8a948eae89ef8ed08740${'2c'}878afbfc0d0a`);
  });

  it('refuses CP932 when characters cannot be held, lists row, column and character, and writes nothing', async () => {
    const { backend, run, file } = setup();
    await create(backend, 'tql', { companyName: '株式会社テスト', email: 'a@example.jp' });
    await create(backend, 'tql', { companyName: '𠮷野家🙂', email: 'b@example.jp' });
    const outcome = await run({ path: file('bad.csv'), columns: ['email', 'companyName'], encoding: 'cp932' });
    expect(outcome).toEqual({
      kind: 'unrepresentable',
      total: 2,
      problems: [
        { row: 2, column: '会社名', character: '𠮷', codePoint: 'U+20BB7' },
        { row: 2, column: '会社名', character: '🙂', codePoint: 'U+1F642' },
      ],
    });
    expect(fs.readdirSync(path.dirname(file('bad.csv'))).filter((n) => n.includes('bad.csv'))).toEqual([]);
    expect(await ok<ExportRecord[]>(backend, 'exports.log', {})).toEqual([]);
    // The same export in UTF-8 holds them.
    written(await run({ path: file('bad.csv'), columns: ['email', 'companyName'] }));
    expect(fs.readFileSync(file('bad.csv'), 'utf8')).toContain('𠮷野家🙂');
  });

  it('writes XLSX with typed cells (dates as dates in JST, numbers as numbers), a frozen header and widths', async () => {
    const { backend, run, file } = setup();
    const lead = await create(backend, 'tql', { companyName: '株式会社エクセル', score: 42 });
    await ok(backend, 'hearing.save', { leadId: lead.id, scriptVersion: 1, patch: TQL_ANSWERS });
    await ok(backend, 'leads.addNote', { leadId: lead.id, body: '最初のメモ' });
    written(await run({ path: file('out.xlsx'), format: 'xlsx', columns: ['companyName', 'score', 'createdAt', 'budgetStatus', 'budgetAmountMin', 'latestNote'] }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file('out.xlsx'));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([undefined, '会社名', 'スコア', '登録日時', '予算', '予算(下限・円)', '最新のメモ']);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe('株式会社エクセル');
    expect(row.getCell(2).value).toBe(42);
    // Created at 01:00Z = 10:00 JST: Excel shows the Japan wall clock.
    expect(row.getCell(3).value).toEqual(new Date('2026-11-20T10:00:00.000Z'));
    expect(row.getCell(3).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(row.getCell(4).value).toBe('secured_this_fy');
    expect(row.getCell(5).value).toBe(3_000_000);
    expect(row.getCell(6).value).toBe('最初のメモ');
    expect(sheet.getColumn(6).width).toBeGreaterThanOrEqual(36);
  });

  it('keeps XLSX cells in their columns around empty ones, and text exactly as stored', async () => {
    const { backend, run, file } = setup();
    const spaced = await create(backend, 'tql', { companyName: '仮', department: null, title: null, email: 'a@example.jp', employeeCount: null });
    // Leads are saved trimmed; spaces at the ends can still come from older data, and must survive.
    backend.ctx.store.db.prepare('UPDATE leads SET company_name = ? WHERE id = ?').run(' <株式会社&仲間> ', spaced.id);
    await create(backend, 'sal', { companyName: '改行\nあり\u0007', department: '営業部', title: null, email: null, employeeCount: 7 });
    const lead = await create(backend, 'sql', { companyName: '日付', department: null });
    await ok(backend, 'hearing.save', { leadId: lead.id, scriptVersion: 1, patch: { ...TQL_ANSWERS, timeline: { horizon: 'within_3_months', targetDate: '2027-03-31' } } });
    written(await run({ path: file('gaps.xlsx'), format: 'xlsx', columns: ['companyName', 'department', 'title', 'email', 'employeeCount', 'timelineTargetDate'] }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file('gaps.xlsx'));
    const sheet = workbook.worksheets[0]!;
    const cells = (row: number) => Array.from({ length: 6 }, (_, i) => sheet.getRow(row).getCell(i + 1).value);
    expect(cells(2)).toEqual([' <株式会社&仲間> ', null, null, 'a@example.jp', null, null]);
    // XML cannot carry the bell character: it is dropped, the line break kept.
    expect(cells(3)).toEqual(['改行\nあり', '営業部', null, null, 7, null]);
    // A day is an Excel date at midnight, shown as a day.
    expect(cells(4)).toEqual(['日付', null, '課長', 'yamada@test-shoji.example.jp', 120, new Date('2027-03-31T00:00:00.000Z')]);
    expect(sheet.getRow(4).getCell(6).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getRow(1).getCell(6).font).toMatchObject({ bold: true });
    expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
    // Streaming readers need every cell's reference: the import's own reader gives the same rows.
    const table = await readXlsx(fs.readFileSync(file('gaps.xlsx')));
    expect(table.rows.map((r) => r.cells)).toEqual([
      [' <株式会社&仲間> ', '', '', 'a@example.jp', '', ''],
      ['改行\nあり', '営業部', '', '', '7', ''],
      ['日付', '', '課長', 'yamada@test-shoji.example.jp', '120', '2027-03-31'],
    ]);
  });

  it('records the export with an outbox op, and lists the log newest first', async () => {
    const { backend, run, file } = setup();
    await create(backend, 'sql');
    await backend.call('settings.update', { userName: '田中' });
    written(await run({ path: file('a.csv'), filter: { stages: ['sql'], owner: undefined }, preset: 'hubspot' }));
    const log = await ok<ExportRecord[]>(backend, 'exports.log', {});
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actor: '田中', fileName: 'a.csv', rowCount: 1, preset: 'hubspot', format: 'csv', encoding: 'utf8-bom' });
    expect(log[0]!.filter).toMatchObject({ stages: ['sql'], dateField: 'stageChangedAt' });
    const ops = backend.ctx.store.db.prepare("SELECT entity, entity_id, payload FROM outbox WHERE op = 'export.log'").all() as { entity: string; entity_id: string; payload: string }[];
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ entity: 'export', entity_id: log[0]!.id });
    expect(JSON.parse(ops[0]!.payload)).toMatchObject({ fileName: 'a.csv', rowCount: 1 });
    // The HubSpot preset's own headers.
    expect(fs.readFileSync(file('a.csv'), 'utf8').split('\r\n')[0]).toBe('\uFEFFFirst Name,Last Name,Email,Phone Number,Mobile Phone Number,Company Name,Job Title,Industry,Number of Employees,Postal Code,State/Region,Street Address,Lead Status,Contact owner,Original Source');
  });

  it('filters by stage, owner, source and a JST period on the chosen date', async () => {
    const dir = tempDir();
    let now = new Date('2026-10-31T14:59:00.000Z'); // 2026-10-31 23:59 JST
    const backend = openTempBackend(dir, { now: () => now });
    await create(backend, 'tql', { companyName: 'A', owner: '佐藤', source: '展示会' });
    now = new Date('2026-10-31T15:00:00.000Z'); // 2026-11-01 00:00 JST
    await create(backend, 'tql', { companyName: 'B', owner: '佐藤', source: '展示会' });
    await create(backend, 'tql', { companyName: 'C', owner: '鈴木', source: '展示会' });
    await create(backend, 'sal', { companyName: 'D', owner: '佐藤', source: 'ウェビナー' });
    const names = async (filter: ExportRunInput['filter'], name: string): Promise<string[]> => {
      written(await ok<ExportOutcome>(backend, 'exports.run', { path: path.join(dir, name), columns: ['companyName'], filter }));
      return fs.readFileSync(path.join(dir, name), 'utf8').split('\r\n').slice(1, -1);
    };
    expect(await names({ stages: ['tql', 'sal'], dateField: 'createdAt', from: '2026-11-01', to: '2026-11-30' }, '1.csv')).toEqual(['B', 'C', 'D']);
    expect(await names({ stages: ['tql'], dateField: 'createdAt', to: '2026-10-31' }, '2.csv')).toEqual(['A']);
    expect(await names({ stages: ['tql', 'sal'], owner: '佐藤', source: '展示会' }, '3.csv')).toEqual(['A', 'B']);
    expect(await names({ stages: ['sal'] }, '4.csv')).toEqual(['D']);
    backend.close();
  });

  it('never overwrites an existing file unless told, and refuses a missing folder', async () => {
    const { backend, run, file } = setup();
    await create(backend, 'tql');
    fs.writeFileSync(file('keep.csv'), 'mine');
    const error = await fails(backend, 'exports.run', { path: file('keep.csv') });
    expect(error).toMatchObject({ code: 'conflict', messageKey: 'exports.errors.exists' });
    expect(fs.readFileSync(file('keep.csv'), 'utf8')).toBe('mine');
    written(await run({ path: file('keep.csv'), overwrite: true }));
    expect(fs.readFileSync(file('keep.csv'), 'utf8')).toContain('株式会社テスト商事');
    expect(await fails(backend, 'exports.run', { path: file('no/such/dir.csv') })).toMatchObject({ messageKey: 'exports.errors.noFolder' });
    expect(await fails(backend, 'exports.run', { path: file('x.csv'), columns: ['nope'] })).toMatchObject({ messageKey: 'exports.errors.unknownColumn' });
  });

  it('cancel leaves no file, no partial file and no log row', async () => {
    const { dir, backend, file } = setup();
    const { db } = backend.ctx.store;
    const insert = db.prepare("INSERT INTO leads (id, company_name, stage, created_at, updated_at) VALUES (?, ?, 'tql', ?, ?)");
    db.transaction(() => {
      for (let i = 0; i < 3000; i += 1) insert.run(`lead-${String(i).padStart(5, '0')}`, `会社${i}`, NOW.toISOString(), NOW.toISOString());
    })();
    const progress: number[] = [];
    backend.subscribe((event) => {
      if (event.name === 'export.progress') progress.push(event.payload.done);
    });
    const pending = backend.call('exports.run', { path: file('big.csv') });
    // The export yields between pages: cancel lands while it runs.
    await new Promise((resolve) => setImmediate(resolve));
    expect(await ok(backend, 'exports.cancel', {})).toEqual({ cancelled: true });
    const answer = await pending;
    expect(answer).toMatchObject({ ok: false, error: { messageKey: 'exports.errors.cancelled' } });
    expect(fs.readdirSync(dir).filter((n) => n.includes('big.csv'))).toEqual([]);
    expect(await ok<ExportRecord[]>(backend, 'exports.log', {})).toEqual([]);
    expect(progress.length).toBeGreaterThan(0);
    expect(await ok(backend, 'exports.cancel', {})).toEqual({ cancelled: false });
  });

  it('lists the column registry grouped, and the CRM presets', async () => {
    const { backend } = setup();
    const { columns, presets } = await ok<{ columns: { id: string; group: string; type: string }[]; presets: { id: string }[] }>(backend, 'exports.columns', {});
    expect(new Set(columns.map((c) => c.group))).toEqual(new Set(['company', 'contact', 'lead', 'stageDates', 'activity', 'bant', 'handoff']));
    expect(columns.find((c) => c.id === 'reachedTql')).toMatchObject({ group: 'stageDates', type: 'datetime' });
    expect(presets.map((p) => p.id)).toEqual(['hubspot', 'salesforce']);
  });
});
