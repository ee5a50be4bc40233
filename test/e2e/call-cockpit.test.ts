import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callCompany } from './call-view-keys';
import { watchConsole } from './harness';
import { useInProcessApp } from './in-process-app';

const MINUTE_MS = 60_000;
// The web host runs in this process on a backend whose clock the test moves; the page's clock
// (Playwright) moves with it, so "an hour later" needs no waiting and no switch in the product.
describe('the call cockpit in Chromium', () => {
  // A Tuesday, 10:00 JST: inside the default calling hours.
  const app = useInProcessApp({ start: '2026-11-24T01:00:00.000Z', demoLeads: 80 });
  const { now } = app;

  const nextCompany = async (page: Page, previous: string): Promise<string> => {
    await expect.poll(() => callCompany(page), { timeout: 10_000 }).not.toBe(previous);
    return callCompany(page);
  };

  it('works three leads with the keyboard only, schedules a callback and sees it come back due', async () => {
    const page = await app.browser().newPage({ viewport: { width: 1400, height: 900 } });
    const problems = watchConsole(page);
    await page.clock.install({ time: now() });
    await page.goto(app.host().url);
    // Into the queue from the navigation, by keyboard focus and Enter.
    await page.getByRole('button', { name: 'コールキュー' }).focus();
    await page.keyboard.press('Enter');
    const queue = page.getByRole('list', { name: /今かけるリード/ });
    await queue.waitFor({ timeout: 15_000 });

    // Lead 1: no answer, with a note.
    await page.keyboard.press('n');
    await page.getByRole('radiogroup', { name: '通話の結果' }).waitFor();
    const first = await callCompany(page);
    await page.keyboard.press('s');
    await page.getByText('通話中').waitFor();
    await page.keyboard.press('2');
    await page.keyboard.press('m');
    await page.keyboard.type('受付で不在。夕方に再度');
    await page.keyboard.press('Control+Enter');

    // Lead 2: connected; the outcome chosen with Alt+1 while still in the notes.
    const second = await nextCompany(page, first);
    await page.keyboard.press('s');
    await page.keyboard.press('m');
    await page.keyboard.type('担当者と話せた。資料送付');
    await page.keyboard.press('Alt+1');
    await page.keyboard.press('Control+Enter');

    // Lead 3: a callback requested, "in 1 hour" picked from the quick choices by keyboard.
    const third = await nextCompany(page, second);
    await page.keyboard.press('s');
    await page.keyboard.press('7');
    await page.getByRole('group', { name: '折り返しの日時' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(/^折り返し: /).waitFor();
    await page.keyboard.press('Control+Enter');
    await nextCompany(page, third);
    await page.keyboard.press('Escape');
    await queue.waitFor();

    const logged = await app.backend().call('calls.list', {});
    expect(logged.ok && logged.value).toBeTruthy();
    const calls = logged.ok ? (logged.value as { companyName: string; outcome: string; note: string | null }[]) : [];
    expect(calls.slice(0, 3).map((c) => [c.companyName, c.outcome])).toEqual([
      [third, 'callback_requested'],
      [second, 'connected'],
      [first, 'no_answer'],
    ]);
    expect(calls[2]?.note).toBe('受付で不在。夕方に再度');
    // Held back until its time: not offered, listed under 保留中.
    expect(await queue.getByText(third, { exact: true }).count()).toBe(0);

    // An hour and five minutes later the promised callback is due: banner, and first in the queue.
    app.advance(65 * MINUTE_MS);
    await page.clock.setSystemTime(now());
    await app.backend().call('queue.get', {});
    await page.getByText(`折り返しの時間です: ${third}`, { exact: false }).waitFor({ timeout: 10_000 });
    await expect.poll(() => queue.getByRole('button').first().textContent(), { timeout: 10_000 }).toContain(third);
    expect(await queue.getByRole('button').first().textContent()).toMatch(/に折り返しを約束/);
    await page.keyboard.press('n');
    await expect.poll(() => callCompany(page), { timeout: 10_000 }).toBe(third);
    expect(await page.getByRole('heading', { name: 'このリードの理由' }).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });
});
