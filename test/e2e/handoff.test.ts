import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { HandoffInbox } from '../../shared/api/handoff';
import type { Lead } from '../../shared/domain/lead';
import { answerItem, callCompany, liveCheck } from './call-view-keys';
import { watchConsole } from './harness';
import { useInProcessApp } from './in-process-app';

const MINUTE_MS = 60_000;

// A lead handed off by the rep during the call that qualified it, sent back by field sales with a
// coded reason, and waiting again in the rep's queue with that reason: one store, one browser, the
// role switched in the settings as a shared machine would.
describe('the handoff to field sales in Chromium', () => {
  // A Tuesday, 10:00 JST: inside the calling hours and the SLA's business hours.
  const app = useInProcessApp({ start: '2026-11-24T01:00:00.000Z', demoLeads: 30 });
  const { now } = app;



  const switchRole = async (page: Page, role: 'rep' | 'field_sales') => {
    await page.getByRole('button', { name: '設定', exact: true }).click();
    await page.getByLabel('役割').selectOption(role);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '保存しました' }).waitFor({ timeout: 10_000 });
  };

  it('hands a qualified lead off, sees it sent back by field sales and finds it in the queue with the reason', async () => {
    const page = await app.browser().newPage({ viewport: { width: 1400, height: 1000 } });
    const problems = watchConsole(page);
    await page.clock.install({ time: now() });
    await page.goto(app.host().url);
    // A rep starts in the call queue.
    const queue = page.getByRole('list', { name: /今かけるリード/ });
    await queue.waitFor({ timeout: 15_000 });

    // The next lead, on a call: the hearing meets the TQL definition and the rep decides TQL.
    await page.keyboard.press('n');
    await page.getByRole('radiogroup', { name: '予算の回答(数字キーで選択)' }).waitFor({ timeout: 15_000 });
    const lead = await callCompany(page);
    await page.keyboard.press('s');
    await page.getByText('通話中').waitFor();
    await page.keyboard.press('h');
    await answerItem(page, 'budget', 1);
    await answerItem(page, 'authority', 1);
    await answerItem(page, 'need', 1);
    await answerItem(page, 'timeline', 1);
    await expect.poll(() => liveCheck(page).textContent()).toBe('TQL の定義を満たしています');
    await page.keyboard.press('t');
    await page.getByRole('form', { name: 'TQL にする' }).waitFor();
    await page.keyboard.press('Control+Enter');

    // During the call the lead stays open and offers the handoff.
    const launch = page.getByRole('button', { name: '引き継ぎを作成', exact: true });
    await launch.waitFor({ timeout: 10_000 });
    expect(await callCompany(page)).toBe(lead);
    await launch.focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: '引き継ぎを作成' });
    await form.waitFor({ timeout: 10_000 });
    // The assignee field has the focus; the summary is drafted from the hearing.
    await page.keyboard.type('佐藤 健');
    expect(await form.getByLabel('引き継ぐ営業担当').inputValue()).toBe('佐藤 健');
    const summary = await form.getByLabel('引き継ぎサマリー').inputValue();
    expect(summary).toContain('【ヒアリング】');
    // Proposed, online, tomorrow (a Wednesday) at 14:00 JST.
    await form.getByLabel('提案中').check();
    await form.getByLabel('日付').fill('2026-11-25');
    await form.getByLabel('時刻').fill('14:00');
    await form.getByLabel('オンライン').check();
    await form.getByText(/2026\/11\/25\(水\) 14:00/).waitFor();
    await form.getByLabel('引き継ぎサマリー').focus();
    await page.keyboard.press('Control+Enter');
    await page.getByText(/佐藤 健さんに引き継ぎました。SLA期限: /).waitFor({ timeout: 10_000 });

    const pending = await app.backend().call('handoff.inbox', { status: 'all' });
    expect(pending.ok).toBe(true);
    const submitted = pending.ok ? (pending.value as HandoffInbox).items : [];
    expect(submitted.map((h) => [h.companyName, h.assignee, h.status, h.meeting.status, h.meeting.mode, new Date(h.meeting.at).toISOString()])).toEqual([
      [lead, '佐藤 健', 'pending', 'proposed', 'online', '2026-11-25T05:00:00.000Z'],
    ]);
    const handoffId = submitted[0]!.id;
    const leadId = submitted[0]!.leadId;

    // The call is logged as connected; the next lead opens; back to the queue.
    await page.keyboard.press('Alt+1');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => callCompany(page), { timeout: 10_000 }).not.toBe(lead);
    await page.keyboard.press('Escape');
    await queue.waitFor();
    expect(await queue.getByText(lead, { exact: true }).count()).toBe(0);

    // Two hours and ten minutes later field sales look at their inbox.
    app.advance(130 * MINUTE_MS);
    await page.clock.setSystemTime(now());
    await switchRole(page, 'field_sales');
    await page.getByRole('button', { name: '引き継ぎ', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '引き継ぎの受信箱' }).waitFor({ timeout: 10_000 });
    await page.getByText('未対応 1件').waitFor();
    const row = page.locator('.handoff-item').filter({ hasText: lead });
    await row.waitFor({ timeout: 10_000 });
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('→ 佐藤 健');
    expect(rowText).toContain('対応待ち');
    // 24 business hours from 10:00 Tuesday, 2 h 10 min of them gone (a few seconds more of real time).
    expect(rowText).toMatch(/残り 21時間(49|50)分/);
    await row.getByRole('button').focus();
    await page.keyboard.press('Enter');

    // The packet, then the rejection: a definitional reason, a comment, back to the rep (MQL).
    await page.getByRole('heading', { level: 2, name: lead }).waitFor({ timeout: 10_000 });
    expect(await page.locator('.handoff-summary-text').textContent()).toBe(summary.trim());
    await page.getByRole('tab', { name: '差し戻す' }).click();
    const reject = page.getByRole('form', { name: '差し戻す' });
    const reason = reject.getByLabel('差し戻しの理由');
    expect(await reason.locator('optgroup[label="定義上の問題"] option').allTextContents()).toContain('ニーズが確認できていない');
    await reason.selectOption({ label: 'ニーズが確認できていない' });
    await reject.getByLabel('インサイドセールスに戻す(MQL)').check();
    await reject.getByLabel('コメント').fill('課題がまだ担当者レベルの認識にとどまっている');
    await reject.getByRole('button', { name: '差し戻しを確定' }).click();
    await page.getByText('差し戻しました。').waitFor({ timeout: 10_000 });
    await page.getByText(`${lead}: ニーズが確認できていない(定義上の問題) 課題がまだ担当者レベルの認識にとどまっている`).waitFor();

    // What the backend holds: the handoff sent back with its reason, the lead at MQL again.
    const decided = await app.backend().call('handoff.get', { id: handoffId });
    expect(decided.ok && decided.value).toMatchObject({ status: 'rejected', reason: 'need_not_confirmed', reasonGroup: 'definitional', rejectedTo: 'mql', comment: '課題がまだ担当者レベルの認識にとどまっている' });
    const back = await app.backend().call('leads.get', { id: leadId });
    expect(back.ok && (back.value as Lead).stage).toBe('mql');

    // The rep again: the queue says why the lead came back, and offers it.
    await switchRole(page, 'rep');
    await page.getByRole('button', { name: 'コールキュー', exact: true }).click();
    const notice = page.getByRole('region', { name: '差し戻されたリード' });
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toContain(`${lead}: ニーズが確認できていない(定義上の問題) 課題がまだ担当者レベルの認識にとどまっている`);
    await queue.waitFor();
    await queue.getByRole('button', { name: `${lead} を開く` }).waitFor({ timeout: 10_000 });
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
