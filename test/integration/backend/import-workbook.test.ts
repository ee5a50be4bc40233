import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createImportRunner } from '../../../electron/backend/imports/runner';
import type { ImportInput } from '../../../electron/backend/imports/prepare';
import type { ImportPreview } from '../../../shared/api/imports';
import { useTempDir } from '../../helpers/temp-dir';
import { openTempBackend } from '../../helpers/temp-store';

// A lead list as Excel saves it (shared strings, one sheet), written a row at a time.
const writeWorkbook = async (file: string, rows: number): Promise<void> => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = workbook.addWorksheet('リード');
  sheet.addRow(['会社名', '部署', '役職', '姓', '名', 'セイ', 'メイ', 'メール', '電話番号', '住所', '業種', '従業員数', '流入元']).commit();
  for (let i = 0; i < rows; i += 1) {
    const phone = `03-${1000 + Math.floor(i / 10000)}-${String(i % 10000).padStart(4, '0')}`;
    sheet.addRow([`株式会社テスト${i}`, '営業部', '部長', '山田', `太郎${i}`, 'ヤマダ', 'タロウ', `user${i}@example.co.jp`, phone, `東京都千代田区${i}`, '製造業', 120, '展示会']).commit();
  }
  await workbook.commit();
};

describe('importing a large workbook', () => {
  const tempDir = useTempDir();

  it('reads a 100,000-row workbook as it streams by, within the import worker’s memory', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'リード一覧.xlsx');
    await writeWorkbook(file, 100_000);
    const backend = openTempBackend(path.join(dir, 'store'));
    const answer = await backend.call('imports.preview', { path: file });
    backend.close();
    expect(answer.ok).toBe(true);
    const preview = (answer.ok ? answer.value : null) as ImportPreview;
    expect(preview.format).toBe('xlsx');
    expect(preview.sheets).toEqual(['リード']);
    expect(preview.counts).toMatchObject({ totalRows: 100_000, toCreate: 100_000, rejected: 0 });
    expect(preview.sample[0]?.lead).toMatchObject({ companyName: '株式会社テスト0', email: 'user0@example.co.jp', employeeCount: 120 });
  }, 90_000);

  it('says what to do when a file needs more memory than an import may use', async () => {
    const dir = tempDir();
    // Stands in for the import worker: it only allocates, as reading an enormous workbook would.
    const greedy = path.join(dir, 'greedy-worker.cjs');
    fs.writeFileSync(greedy, 'const kept = []; for (;;) kept.push(new Array(1e6).fill(1));\n');
    const runner = createImportRunner({ dbPath: path.join(dir, 'unused.db'), workerPath: greedy, emit: () => undefined });
    const input = { path: path.join(dir, '巨大なリスト.xlsx') } as ImportInput;
    await expect(runner.preview(input, 'rep', new Date())).rejects.toMatchObject({
      code: 'invalid_input',
      messageKey: 'errors.import.tooMuchMemory',
      params: { fileName: '巨大なリスト.xlsx' },
    });
    // A CSV is read in pieces: what fills the heap is its rejected rows.
    await expect(runner.preview({ path: path.join(dir, '巨大なリスト.csv') } as ImportInput, 'rep', new Date())).rejects.toMatchObject({
      code: 'invalid_input',
      messageKey: 'errors.import.tooManyRejected',
      params: { fileName: '巨大なリスト.csv' },
    });
  }, 60_000);
});
