import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli';
import { openTempBackend } from '../../helpers/temp-store';
import { captureConsole } from '../../helpers/capture-console';
import { leadInput } from '../../helpers/lead-input';
import { useTempDir } from '../../helpers/temp-dir';

describe('bantam export', () => {
  const tempDir = useTempDir();
  const { out, err } = captureConsole();

  // A store with two qualified leads (one whose name CP932 cannot hold) and one MQL.
  const setup = async () => {
    const dir = tempDir();
    const backend = openTempBackend(dir);
    for (const [companyName, stage, email] of [
      ['株式会社サンプル', 'tql', 'a@example.jp'],
      ['𠮷田商店', 'sal', 'b@example.jp'],
      ['株式会社まだ', 'mql', 'c@example.jp'],
    ] as const) {
      const answer = await backend.call('leads.create', { ...leadInput({ companyName, email }), stage });
      if (!answer.ok) throw new Error(answer.error.message);
    }
    backend.close();
    return { dir, db: path.join(dir, 'bantam.sqlite') };
  };

  it('writes UTF-8 CSV with a BOM of the qualified leads, and lists the export', async () => {
    const { dir, db } = await setup();
    const file = path.join(dir, 'qualified.csv');
    expect(await runCli(['export', '--db', db, '--columns', 'companyName,stage', '--out', file])).toBe(0);
    expect(out.join('\n')).toMatch(/^Exported 2 leads to .*qualified\.csv \(CSV, utf8-bom\)/);
    expect(fs.readFileSync(file, 'utf8')).toBe('\uFEFF会社名,ステージ\r\n株式会社サンプル,tql\r\n𠮷田商店,sal\r\n');
    out.length = 0;
    expect(await runCli(['exports', '--db', db, '--json'])).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject([{ fileName: 'qualified.csv', rowCount: 2, format: 'csv', columns: ['companyName', 'stage'] }]);
  });

  it('refuses CP932 with the characters it cannot hold (exit 1, no file)', async () => {
    const { dir, db } = await setup();
    const file = path.join(dir, 'sjis.csv');
    expect(await runCli(['export', '--db', db, '--encoding', 'cp932', '--columns', 'email,companyName', '--out', file])).toBe(1);
    expect(err.join('\n')).toContain('1 character(s) cannot be written in CP932');
    expect(err.join('\n')).toContain('row 2, 会社名: 𠮷 (U+20BB7)');
    expect(err.join('\n')).toContain('--encoding utf8-bom');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('writes XLSX for the chosen stages, and overwrites only with --force', async () => {
    const { dir, db } = await setup();
    const file = path.join(dir, 'mql.xlsx');
    fs.writeFileSync(file, 'keep');
    expect(await runCli(['export', '--db', db, '--stage', 'mql', '--format', 'xlsx', '--out', file])).toBe(1);
    expect(err.join('\n')).toContain('A file already exists');
    expect(fs.readFileSync(file, 'utf8')).toBe('keep');
    expect(await runCli(['export', '--db', db, '--stage', 'mql', '--format', 'xlsx', '--preset', 'salesforce', '--out', file, '--force'])).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(3).value).toBe('Company');
    expect(sheet.getRow(2).getCell(3).value).toBe('株式会社まだ');
    expect(sheet.rowCount).toBe(2);
  });

  it('answers bad usage with exit code 2 and what to type', async () => {
    const { dir, db } = await setup();
    const file = path.join(dir, 'x.csv');
    expect(await runCli(['export', '--db', db])).toBe(2);
    expect(err.join('\n')).toContain('export needs --out FILE');
    expect(await runCli(['export', '--db', db, '--stage', 'tql,won', '--out', file])).toBe(2);
    expect(err.join('\n')).toContain('"won" is not one');
    expect(await runCli(['export', '--db', db, '--from', '2026/04/01', '--out', file])).toBe(2);
    expect(err.join('\n')).toContain('YYYY-MM-DD');
    expect(await runCli(['export', '--db', db, '--format', 'pdf', '--out', file])).toBe(2);
    expect(await runCli(['export', '--db', db, '--preset', 'hubspot', '--columns', 'email', '--out', file])).toBe(2);
    expect(await runCli(['export', '--db', db, '--columns', 'email,nope', '--out', file])).toBe(1);
    expect(err.join('\n')).toContain('Unknown export column: nope');
    expect(fs.existsSync(file)).toBe(false);
  });
});
