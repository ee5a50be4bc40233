import { describe, expect, it } from 'vitest';
import { useWebApp, watchConsole } from './harness';

describe('lead detail in Chromium through the web host', () => {
  const web = useWebApp(['--demo']);

  it('opens a demo lead, edits a field, and finds it saved after a reload', async () => {
    const page = await web.browser().newPage({ viewport: { width: 1400, height: 900 } });
    const problems = watchConsole(page);
    await page.goto(web.app().url);
    await page.getByRole('button', { name: 'リード', exact: true }).click({ timeout: 15_000 });
    await page.getByTestId('lead-row').first().click({ timeout: 15_000 });
    // The detail's heading is the company once the lead is loaded.
    const company = await page.getByTestId('lead-field-companyName').textContent({ timeout: 15_000 });
    await page.getByRole('button', { name: '編集', exact: true }).click();
    await page.getByLabel('役職', { exact: true }).fill('情報システム部長');
    await page.getByLabel('部署', { exact: true }).press('Control+Enter');
    await page.getByText('保存しました。').waitFor();
    expect(await page.getByTestId('lead-field-title').textContent()).toBe('情報システム部長');

    await page.reload();
    // The edit made it the most recently updated lead: first in the list.
    await page.getByRole('button', { name: 'リード', exact: true }).click({ timeout: 15_000 });
    await page.getByTestId('lead-row').first().click({ timeout: 15_000 });
    await page.getByRole('heading', { level: 1, name: company ?? '' }).waitFor();
    expect(await page.getByTestId('lead-field-title').textContent()).toBe('情報システム部長');
    expect(problems).toEqual([]);
    await page.close();
  });
});
