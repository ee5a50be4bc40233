import type { Page } from 'playwright-core';

// The company of the lead open in the call view.
export const callCompany = async (page: Page): Promise<string> => (await page.locator('#call-company').textContent()) ?? '';

// The hearing form's live check against the TQL definition.
export const liveCheck = (page: Page) => page.locator('.live-check-verdict');

// Tab (never the mouse) until focus is on a hearing item's choices, then the digit picks the answer.
export const answerItem = async (page: Page, item: string, digit: number): Promise<void> => {
  for (let i = 0; i < 20; i += 1) {
    const there = await page.evaluate(
      (name) =>
        document.activeElement instanceof HTMLInputElement &&
        document.activeElement.type === 'radio' &&
        document.activeElement.closest('[data-item]')?.getAttribute('data-item') === name &&
        document.activeElement.closest('[role="radiogroup"]')?.classList.contains('hearing-choices'),
      item,
    );
    if (there) break;
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press(String(digit));
};
