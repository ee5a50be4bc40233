import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useWebApp, watchConsole } from './harness';

describe('exporting leads through the web host', () => {
  const web = useWebApp(['--demo']);

  it('exports the demo store’s qualified leads as XLSX, downloads the file and opens it', async () => {
    const page = await web.browser().newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const problems = watchConsole(page);
    await page.goto(web.app().url);
    await page.getByRole('button', { name: 'エクスポート' }).click();
    await page.getByRole('button', { name: '書き出す…' }).waitFor({ timeout: 15_000 });
    await page.getByRole('radio', { name: 'Excel(XLSX)' }).check();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '書き出す…' }).click();
    const done = await page.getByTestId('export-done').textContent({ timeout: 30_000 });
    const rows = Number(/^([\d,]+)件/.exec(done ?? '')?.[1]?.replace(/,/g, ''));
    expect(rows).toBeGreaterThan(0);
    const file = path.join(web.app().dataDir, 'downloaded.xlsx');
    const finished = await download;
    expect(finished.suggestedFilename()).toMatch(/^bantam-export-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await finished.saveAs(file);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('会社名');
    expect(sheet.rowCount).toBe(rows + 1);
    const stages = new Set(Array.from({ length: rows }, (_, i) => sheet.getRow(i + 2).getCell(8).value));
    expect([...stages].every((s) => s === 'tql' || s === 'sal' || s === 'sql')).toBe(true);

    // The export is in the log, on the screen and in settings.
    await page.getByTestId('export-log').getByText(finished.suggestedFilename()).waitFor();
    await page.getByRole('button', { name: '設定' }).click();
    await page.getByTestId('export-log').getByText(finished.suggestedFilename()).waitFor();
    expect(problems).toEqual([]);
  });
});
