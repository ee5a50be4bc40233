import { describe, expect, it } from 'vitest';
import { useWebApp, watchConsole } from './harness';

describe('Bantam in Chromium through the web host', () => {
  const web = useWebApp(['--demo']);

  it('opens on the call queue in Japanese, lists the demo leads, switches to English, and remembers it', async () => {
    const page = await web.browser().newPage({ viewport: { width: 1400, height: 900 } });
    const problems = watchConsole(page);
    await page.goto(web.app().url);
    // The token left the address bar for a cookie.
    expect(page.url()).not.toContain('token=');
    // A rep starts in the call queue.
    await page.getByRole('heading', { level: 1, name: 'コールキュー' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'リード', exact: true }).click();
    await expect.poll(() => page.getByTestId('lead-row').count(), { timeout: 15_000 }).toBeGreaterThan(5);
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await page.getByRole('button', { name: 'リード' }).first().waitFor();
    await expect.poll(() => page.getByText(/\d+件/).first().textContent()).toMatch(/^[\d,]+件$/);
    const firstRow = await page.getByTestId('lead-row').first().textContent();
    expect(firstRow).toMatch(/株式会社|有限会社|合同会社/);
    // The status bar names the demo store.
    await page.getByText('デモデータ').first().waitFor();

    await page.getByRole('button', { name: '設定' }).first().click();
    await page.getByLabel('表示言語').selectOption('en');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('button', { name: 'Leads' }).first().waitFor({ timeout: 10_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.reload();
    await page.getByRole('button', { name: 'Settings' }).first().waitFor({ timeout: 10_000 });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('answers bad contract input from the page with a clear error object', async () => {
    const page = await web.browser().newPage();
    await page.goto(web.app().url);
    const answer = await page.evaluate(async () => {
      const bridge = (window as unknown as { bantam: Record<string, (input: unknown) => Promise<unknown>> }).bantam;
      return bridge['leads.list']!({ limit: 100000, sort: 'password' });
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const issues = (answer as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path).sort();
    expect(issues).toEqual(['limit', 'sort']);
    await page.close();
  });

  it('refuses a page opened without the token', async () => {
    const page = await web.browser().newPage();
    const response = await page.goto(web.app().url.replace(/\?token=.*$/, ''));
    expect(response?.status()).toBe(403);
    expect(await page.textContent('body')).toContain('printed in the terminal');
    await page.close();
  });
});
