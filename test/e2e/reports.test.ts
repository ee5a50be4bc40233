import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useWebApp, watchConsole } from './harness';

describe('the funnel report in Chromium', () => {
  const web = useWebApp(['--demo']);

  it('draws the funnel and the weekly trend under the strict CSP, breaks down per owner and downloads the CSV', async () => {
    const page = await web.browser().newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const problems = watchConsole(page);
    await page.goto(web.app().url);
    await page.getByRole('button', { name: 'レポート' }).click();
    const funnel = page.getByTestId('funnel-chart');
    await funnel.waitFor({ timeout: 15_000 });
    // The demo's last four weeks hold MQLs: the bar has a width the browser laid out.
    const mql = await page.getByTestId('funnel-bar-mql').boundingBox();
    expect(mql?.width ?? 0).toBeGreaterThan(50);
    expect(await page.getByTestId('trend-mql').locator('circle').count()).toBeGreaterThanOrEqual(4);
    const mqls = Number((await page.locator('tr[data-metric="reached-mql"] td').first().textContent())?.replace(/,/g, ''));
    expect(mqls).toBeGreaterThan(0);

    await page.getByLabel('内訳').selectOption('owner');
    await page.getByTestId('funnel-table').locator('thead th').nth(2).waitFor();
    const columns = await page.getByTestId('funnel-table').locator('thead th').count();
    expect(columns).toBeGreaterThan(2);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSVで書き出す…' }).click();
    await page.getByTestId('report-csv-done').waitFor({ timeout: 15_000 });
    const finished = await download;
    expect(finished.suggestedFilename()).toMatch(/^bantam-funnel-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const file = path.join(web.app().dataDir, 'funnel.csv');
    await finished.saveAs(file);
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]?.startsWith('内訳,MQL 到達,TQL 到達')).toBe(true);
    // One row per owner, then the totals: the same MQL count as on the screen.
    const total = lines.find((l) => l.startsWith('全体,'));
    expect(Number(total?.split(',')[1])).toBe(mqls);
    expect(lines.length - 1).toBeGreaterThan(columns);
    expect(problems).toEqual([]);
  });
});
