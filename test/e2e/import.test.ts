import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { useWebApp, watchConsole } from './harness';

// A Shift_JIS file as Excel on Japanese Windows writes it: 3 good rows and one without a company.
const CSV = [
  '会社名,氏名,電話番号,メール,取引先メモ',
  '株式会社アルファ,山田 太郎,03-1111-2222,yamada@alpha.example,展示会で名刺交換',
  '株式会社ベータ,佐藤 花子,06-3333-4444,sato@beta.example,',
  '合同会社ガンマ,鈴木 一郎,052-777-8888,suzuki@gamma.example,資料請求',
  ',高橋 次郎,045-555-6666,takahashi@example.jp,会社名なし',
].join('\r\n');

describe('importing a file through the web host', () => {
  const web = useWebApp();

  it('uploads a CP932 CSV, remaps a column, imports, shows the report, and undoes it', async () => {
    const page = await web.browser().newPage({ viewport: { width: 1400, height: 900 } });
    const problems = watchConsole(page);
    await page.goto(web.app().url);
    await page.getByRole('button', { name: 'リード' }).first().click();
    await page.getByText('リードはまだありません。').waitFor({ timeout: 15_000 });

    await page.getByRole('button', { name: 'インポート' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'ファイルを選ぶ' }).click();
    await (await chooser).setFiles({ name: '展示会リスト.csv', mimeType: 'text/csv', buffer: iconv.encode(CSV, 'cp932') });

    const memo = page.getByRole('combobox', { name: '列「取引先メモ」の取り込み先' });
    await memo.waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('import-file-name').textContent()).toBe('展示会リスト.csv');
    await page.getByText('検出結果: Shift_JIS(CP932)').waitFor();
    expect(await memo.inputValue()).toBe('custom');
    expect(await page.getByTestId('import-sample').textContent()).toContain('株式会社アルファ');

    await memo.selectOption('ignore');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'プレビューを更新中' }).count()).toBe(0);
    expect(await memo.inputValue()).toBe('ignore');
    expect(await page.getByTestId('import-count-toCreate').textContent()).toBe('3');
    expect(await page.getByTestId('import-count-rejected').textContent()).toBe('1');

    await page.getByRole('button', { name: '取り込む' }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 30_000 });
    expect(await report.getByTestId('import-report-created').textContent()).toBe('3');
    expect(await report.getByTestId('import-report-rejected').textContent()).toBe('1');
    const rejected = await report.getByTestId('import-rejected').textContent();
    expect(rejected).toContain('5 行目');
    expect(rejected).toContain('会社名が空です');
    expect(await report.textContent()).toContain('展示会リスト.csv');

    await expect.poll(() => page.getByTestId('lead-row').count(), { timeout: 15_000 }).toBe(3);
    expect(await page.getByTestId('lead-count').textContent()).toBe('3件');
    expect(await page.getByTestId('lead-row').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('株式会社アルファ'), expect.stringContaining('合同会社ガンマ')]),
    );
    // The mapping change reached the commit: the memo column was not kept as a custom field.
    const stored = await page.evaluate(async () => {
      const bridge = (window as unknown as { bantam: Record<string, (input: unknown) => Promise<unknown>> }).bantam;
      return bridge['leads.list']!({ limit: 10 });
    });
    const rows = (stored as { value: { rows: { companyName: string; customFields: Record<string, string> }[] } }).value.rows;
    expect(rows.map((r) => r.companyName).sort()).toEqual(['合同会社ガンマ', '株式会社アルファ', '株式会社ベータ'].sort());
    for (const row of rows) expect(row.customFields).toEqual({});

    await report.getByRole('button', { name: '取り消す' }).click();
    await report.getByText(/この取り込みを取り消しました/).waitFor({ timeout: 15_000 });
    await page.getByText('リードはまだありません。').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('lead-count').textContent()).toBe('0件');
    expect(problems).toEqual([]);
    await page.close();
  });
});
