import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli';
import { captureConsole } from '../../helpers/capture-console';
import { useTempDir } from '../../helpers/temp-dir';

const FILE = ['会社名,氏名,電話番号,メール', '株式会社ＡＢＣ,田中 一郎,03-1111-2222,tanaka@abc.example.jp', ',無名 太郎,03-3333-4444,', '(株)ABC,田中 一郎,0311112222,'].join('\r\n');

describe('bantam import', () => {
  const tempDir = useTempDir();
  const { out, err } = captureConsole();

  const setup = () => {
    const dir = tempDir();
    const file = path.join(dir, 'list.csv');
    fs.writeFileSync(file, iconv.encode(FILE, 'cp932'));
    return { db: path.join(dir, 'bantam.db'), file };
  };

  it('dry-runs with counts and every rejected row in JSON, writing nothing', async () => {
    const { db, file } = setup();
    expect(await runCli(['import', file, '--db', db, '--dry-run', '--json'])).toBe(0);
    const report = JSON.parse(out.join('\n'));
    expect(report).toMatchObject({ dryRun: true, totalRows: 3, toCreate: 1, skipped: 1, rejected: 1, duplicatesInFile: 1 });
    expect(report.rejectedRows).toEqual([
      { line: 3, reasons: [expect.objectContaining({ field: 'companyName', code: 'missing_company', messageKey: 'errors.importRow.missing_company' })] },
    ]);
    out.length = 0;
    expect(await runCli(['leads', '--db', db, '--json'])).toBe(0);
    expect(JSON.parse(out.join('\n')).total).toBe(0);
  });

  it('imports, lists the import and undoes it', async () => {
    const { db, file } = setup();
    expect(await runCli(['import', file, '--db', db, '--encoding', 'cp932', '--on-duplicate', 'fill'])).toBe(0);
    expect(out[0]).toBe('list.csv: 3 rows: created 1, updated 0, skipped 0, rejected 1.');
    expect(out.join('\n')).toMatch(/line 3: Company name is empty/);
    const id = /undo-import (\S+)/.exec(out.join('\n'))![1]!;
    out.length = 0;
    expect(await runCli(['imports', '--db', db, '--json'])).toBe(0);
    expect(JSON.parse(out.join('\n'))).toEqual([expect.objectContaining({ id, created: 1, rejected: 1, fileName: 'list.csv' })]);
    out.length = 0;
    expect(await runCli(['undo-import', id, '--db', db])).toBe(0);
    expect(out[0]).toBe(`Import ${id} undone: removed 1 leads, restored 0, kept 0 newer values.`);
    expect(await runCli(['undo-import', id, '--db', db])).toBe(1);
    expect(err.at(-1)).toMatch(/already undone/);
  });

  it('prints counts that add up in JSON: rows merged within the file are counted too', async () => {
    const { db, file } = setup();
    expect(await runCli(['import', file, '--db', db, '--on-duplicate', 'fill', '--dry-run', '--json'])).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ dryRun: true, totalRows: 3, toCreate: 1, toUpdate: 0, mergedInFile: 1, skipped: 0, rejected: 1 });
    out.length = 0;
    expect(await runCli(['import', file, '--db', db, '--on-duplicate', 'fill', '--json'])).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ dryRun: false, totalRows: 3, created: 1, updated: 0, unchanged: 0, mergedInFile: 1, skipped: 0, rejected: 1, notices: [] });
    out.length = 0;
    expect(await runCli(['imports', '--db', db, '--json'])).toBe(0);
    expect(JSON.parse(out.join('\n'))).toEqual([expect.objectContaining({ totalRows: 3, created: 1, mergedInFile: 1 })]);
  });

  it('exits 2 on bad options and 1 on a file it cannot read, saying why', async () => {
    const { db, file } = setup();
    expect(await runCli(['import', '--db', db])).toBe(2);
    expect(err.at(-1)).toMatch(/import needs the FILE/);
    expect(await runCli(['import', file, '--db', db, '--encoding', 'latin1'])).toBe(2);
    expect(err.at(-1)).toMatch(/--encoding must be one of auto, utf8, utf8-bom, cp932, utf16le; got "latin1"/);
    expect(await runCli(['import', file, '--db', db, '--on-duplicate', 'merge'])).toBe(2);
    expect(await runCli(['import', path.join(path.dirname(file), 'nope.csv'), '--db', db])).toBe(1);
    expect(err.at(-1)).toMatch(/nope\.csv does not exist/);
    expect(await runCli(['import', file, '--db', db, '--preset', 'missing'])).toBe(1);
    expect(err.at(-1)).toMatch(/no mapping preset named "missing"/);
  });
});
