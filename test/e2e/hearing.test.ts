import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answerItem, callCompany, liveCheck } from './call-view-keys';
import { watchConsole } from './harness';
import { useInProcessApp } from './in-process-app';

// The BANT hearing from the queue, by keyboard, against the real backend behind the web host.
describe('the BANT hearing in Chromium', () => {
  // A Tuesday, 10:00 JST: inside the default calling hours.
  const app = useInProcessApp({ start: '2026-11-24T01:00:00.000Z', demoLeads: 60 });
  const { now } = app;



  const hearWholeBant = async (page: Page, budget: number) => {
    await page.keyboard.press('h');
    await answerItem(page, 'budget', budget);
    await answerItem(page, 'authority', 1);
    await answerItem(page, 'need', 1);
    await answerItem(page, 'timeline', 1);
  };

  it('qualifies a lead by keyboard, shows it as TQL with its history, and follows a changed definition', async () => {
    const page = await app.browser().newPage({ viewport: { width: 1400, height: 1000 } });
    const problems = watchConsole(page);
    await page.clock.install({ time: now() });
    await page.goto(app.host().url);
    await page.getByRole('button', { name: 'コールキュー' }).click({ timeout: 15_000 });
    await page.getByRole('list', { name: /今かけるリード/ }).waitFor({ timeout: 15_000 });

    // From the queue into the first lead's hearing; the check starts unmet and flips as answers come.
    await page.keyboard.press('n');
    await page.getByRole('radiogroup', { name: '予算の回答(数字キーで選択)' }).waitFor({ timeout: 15_000 });
    const qualified = await callCompany(page);
    await expect.poll(() => liveCheck(page).textContent()).toBe('TQL の定義をまだ満たしていません');
    await hearWholeBant(page, 1);
    await expect.poll(() => liveCheck(page).textContent()).toBe('TQL の定義を満たしています');
    // The digits answered the hearing: no call outcome was chosen.
    expect(await page.locator('input[name="call-outcome"]:checked').count()).toBe(0);

    // T opens the decision; Ctrl+Enter confirms it. No call in progress: the next lead opens.
    await page.keyboard.press('t');
    await page.getByRole('form', { name: 'TQL にする' }).waitFor();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => callCompany(page), { timeout: 10_000 }).not.toBe(qualified);
    const next = await callCompany(page);

    // Back in the queue, the qualified lead is gone.
    await page.getByRole('radiogroup', { name: '予算の回答(数字キーで選択)' }).waitFor();
    await page.keyboard.press('Escape');
    const queue = page.getByRole('list', { name: /今かけるリード/ });
    await queue.waitFor();
    await expect.poll(() => queue.textContent()).not.toContain(qualified);

    // In the lead list it is TQL, and its history shows the stage change.
    await page.getByRole('button', { name: 'リード', exact: true }).click();
    await page.getByLabel('検索').fill(qualified);
    await page.getByTestId('lead-row').first().click({ timeout: 15_000 });
    await page.getByRole('heading', { level: 1, name: qualified }).waitFor();
    await page.getByText(/→ TQL/).first().waitFor({ timeout: 10_000 });

    // The next lead, heard with a budget planned for next year: meets the default definition.
    await page.getByRole('button', { name: 'コールキュー' }).click();
    await page.getByRole('button', { name: `${next} を開く` }).click({ timeout: 15_000 });
    await page.getByRole('radiogroup', { name: '予算の回答(数字キーで選択)' }).waitFor();
    await hearWholeBant(page, 2);
    await expect.poll(() => liveCheck(page).textContent()).toBe('TQL の定義を満たしています');
    await page.getByText(/に下書きを保存しました/).waitFor();

    // As team lead, the budget condition becomes "secured this fiscal year".
    await page.getByRole('button', { name: '設定' }).click();
    await page.getByLabel('役割').selectOption('team_lead');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const tql = page.getByRole('group', { name: 'TQL の定義' });
    await tql.waitFor({ timeout: 10_000 });
    await tql.getByRole('group', { name: '条件 4' }).getByLabel('条件', { exact: true }).selectOption('is');
    await tql.getByText(/予算が「今期予算確保済み」/).waitFor();
    await page.getByRole('button', { name: '保存(v2 として公開)' }).first().click();
    await page.getByText('v2 として保存しました').waitFor();

    // The same lead's hearing (restored from its draft) no longer meets TQL, and says why.
    await page.getByRole('button', { name: 'コールキュー' }).click();
    await page.getByRole('radiogroup', { name: '予算の回答(数字キーで選択)' }).waitFor();
    expect(await callCompany(page)).toBe(next);
    await page.getByText('TQL 判定(定義 v2)').waitFor();
    await expect.poll(() => liveCheck(page).textContent()).toBe('TQL の定義をまだ満たしていません');
    expect(await page.locator('.live-check').textContent()).toContain('予算が「今期予算確保済み」');
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
