import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBridge, type FakeBridge } from './fake-bridge';
import { fakeQualificationOf } from './fake-qualification';
import { renderApp, useFakeLayout } from './render-app';

useFakeLayout();

const key = (init: KeyboardEventInit, target: Element = document.body) => fireEvent.keyDown(target, init);
const callsOf = (bridge: FakeBridge, method: string) => bridge.calls.filter((c) => c.method === method);
// Items by their data attribute: role queries over the whole form are slow in jsdom.
const ITEMS: Record<string, string> = { 予算: 'budget', 決裁権: 'authority', 必要性: 'need', 導入時期: 'timeline' };
const item = (name: string) => document.querySelector<HTMLElement>(`[data-item="${ITEMS[name]}"]`)!;
const verdict = () => screen.getByText(/^TQL の定義を(満たしています|まだ満たしていません)$/).textContent;

// Opens the queue's first lead with N and waits for its hearing form.
const openHearing = async (bridge: FakeBridge = createFakeBridge(20)) => {
  await renderApp(bridge, 'queue');
  await screen.findByRole('list', { name: /今かけるリード/ }, { timeout: 5000 });
  key({ key: 'n' });
  // A plain selector: a label query over the whole call view is slow in jsdom on a busy machine.
  await waitFor(() => expect(document.querySelector('[data-item="budget"] .hearing-choices input')).toBeTruthy(), { timeout: 10_000 });
  expect(item('予算').querySelector('[role="radiogroup"]')?.getAttribute('aria-label')).toBe('予算の回答(数字キーで選択)');
  const company = screen.getByRole('heading', { level: 1 }).textContent ?? '';
  const lead = bridge.leads.find((l) => l.companyName === company)!;
  return { bridge, lead, company };
};

// Answers an item from the keyboard: focus its first choice, press the number.
const answer = (name: string, digit: number) => {
  const radio = item(name).querySelector<HTMLInputElement>('.hearing-choices input')!;
  radio.focus();
  key({ key: String(digit), code: `Digit${digit}` }, radio);
};

const meetTql = () => {
  answer('予算', 1);
  answer('決裁権', 1);
  answer('必要性', 1);
  answer('導入時期', 1);
};

describe('hearing form', () => {
  it('lists the missing conditions, then flips the live check to met as items are answered by number keys', async () => {
    await openHearing();
    expect(verdict()).toBe('TQL の定義をまだ満たしていません');
    const missing = screen.getByText('まだ確認できていない条件').parentElement!;
    expect(within(missing).getByText('課題の深刻度が「高い」、「中程度」のいずれか')).toBeTruthy();
    expect(within(missing).getByText('導入時期が6か月以内')).toBeTruthy();

    answer('必要性', 4);
    const failed = screen.getByText('満たしていない条件').parentElement!;
    expect(within(failed).getByText('課題の深刻度が「高い」、「中程度」のいずれか')).toBeTruthy();

    meetTql();
    expect((within(item('必要性')).getByRole('radio', { name: /高い/ }) as HTMLInputElement).checked).toBe(true);
    expect(verdict()).toBe('TQL の定義を満たしています');
    // The digits answered the hearing, not the call outcome.
    expect(screen.getAllByRole('radio', { name: /接続/ }).every((r) => !(r as HTMLInputElement).checked)).toBe(true);
  });

  it('proposes nurture when the nurture rule matches', async () => {
    await openHearing();
    answer('予算', 2);
    const proposal = screen.getByText('ナーチャリングの条件に当てはまります:').parentElement!;
    expect(within(proposal).getByText('予算が「来期予算で予定」')).toBeTruthy();
  });

  it('autosaves every change as a draft and restores it when the lead opens again', async () => {
    const { bridge, company, lead } = await openHearing();
    fireEvent.change(screen.getByLabelText('課題(お客様の言葉で)'), { target: { value: '月末の請求書処理に3日かかる' } });
    answer('必要性', 1);
    await waitFor(() =>
      expect(callsOf(bridge, 'hearing.saveDraft').at(-1)?.input).toMatchObject({ answers: { need: { painPoints: '月末の請求書処理に3日かかる', severity: 'high' } } }),
    );
    expect(fakeQualificationOf(bridge).drafts.get(lead.id)?.answers.need?.painPoints).toBe('月末の請求書処理に3日かかる');

    fireEvent.click(screen.getByRole('button', { name: /キューに戻る/ }));
    await screen.findByRole('list', { name: /今かけるリード/ });
    fireEvent.click(screen.getByRole('button', { name: `${company} を開く` }));
    await waitFor(() => expect((screen.getByLabelText('課題(お客様の言葉で)') as HTMLTextAreaElement).value).toBe('月末の請求書処理に3日かかる'));
    expect(screen.getByText('前回の下書きを復元しました(まだ回答としては保存されていません)')).toBeTruthy();
    expect((within(item('必要性')).getByRole('radio', { name: /高い/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('reads full-width amounts with 万, rejects unreadable ones with the reason, and saves with Ctrl+S', async () => {
    const { bridge, lead } = await openHearing();
    const low = screen.getByLabelText('金額(下限・円)');
    fireEvent.change(low, { target: { value: 'たくさん' } });
    fireEvent.blur(low);
    expect(await screen.findByText('金額は円の整数で入力してください(例: 3000000、300万)。')).toBeTruthy();

    fireEvent.change(low, { target: { value: '３００万' } });
    fireEvent.change(screen.getByLabelText('金額(上限・円)'), { target: { value: '5,000,000円' } });
    key({ key: 's', ctrlKey: true }, low);
    await waitFor(() => expect(fakeQualificationOf(bridge).answers.get(lead.id)?.answers.budget).toMatchObject({ amountMin: 3_000_000, amountMax: 5_000_000 }));
    expect(callsOf(bridge, 'hearing.save')[0]?.input).toMatchObject({ scriptVersion: 1 });
    expect(await screen.findByText(/に回答を保存しました/)).toBeTruthy();
    expect(fakeQualificationOf(bridge).changes[0]).toMatchObject({ leadId: lead.id, item: 'budget' });
  });

  it('decides TQL with T when the definition is met, in one call with the answers, and moves on', async () => {
    const { bridge, lead, company } = await openHearing();
    meetTql();
    key({ key: 't' });
    const panel = await screen.findByRole('form', { name: 'TQL にする' });
    expect(within(panel).getByText('TQL の定義を満たしています。')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'TQL に決定' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).not.toBe(company));
    const decide = callsOf(bridge, 'stage.decide')[0]?.input;
    expect(decide).toMatchObject({ leadId: lead.id, action: { kind: 'qualify' }, leadVersion: lead.version, patch: { need: { severity: 'high' } } });
    expect(fakeQualificationOf(bridge).transitions[0]).toMatchObject({ leadId: lead.id, from: lead.stage, to: 'tql', override: false, definitionVersion: 1 });
    expect(bridge.leads.find((l) => l.id === lead.id)?.stage).toBe('tql');
  });

  it('refuses TQL without the definition unless overridden with a reason, keeping what was typed', async () => {
    const { bridge, lead } = await openHearing();
    answer('必要性', 1);
    key({ key: 's' });
    await screen.findByText('通話中');
    key({ key: 't' });
    const panel = await screen.findByRole('form', { name: 'TQL にする' });
    fireEvent.click(within(panel).getByRole('button', { name: '例外として TQL に決定' }));
    expect(await within(panel).findByText(/TQL の定義\(バージョン 1\)を満たしていません\(未達 0件、未確認 3件\)/)).toBeTruthy();
    expect(fakeQualificationOf(bridge).transitions).toHaveLength(0);

    fireEvent.click(within(panel).getByLabelText('定義を満たさないまま例外として TQL にする'));
    fireEvent.click(within(panel).getByRole('button', { name: '例外として TQL に決定' }));
    expect(await within(panel).findByText(/理由を書いてから、もう一度決定してください/)).toBeTruthy();

    fireEvent.change(within(panel).getByLabelText('例外とする理由(必須)'), { target: { value: '部長から導入の確約あり' } });
    fireEvent.click(within(panel).getByRole('button', { name: '例外として TQL に決定' }));
    // A call is in progress: the view stays so the rep can log its outcome.
    expect(await screen.findByText(/「TQL」に決定しました\(定義 v1\)。 例外として記録しました。 通話の結果を選んで記録してください/)).toBeTruthy();
    expect(fakeQualificationOf(bridge).transitions[0]).toMatchObject({ leadId: lead.id, to: 'tql', override: true, comment: '部長から導入の確約あり', verdict: 'unknown' });
    expect((within(item('必要性')).getByRole('radio', { name: /高い/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('sends to nurture with a reason and a re-contact date, and says what is missing first', async () => {
    const { bridge, lead } = await openHearing();
    answer('予算', 2);
    key({ key: 'n' });
    const panel = await screen.findByRole('form', { name: 'ナーチャリング' });
    fireEvent.change(within(panel).getByLabelText('コメント'), { target: { value: '4月に再度' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'ナーチャリングに回す' }));
    expect(await within(panel).findByText('ナーチャリングの理由を一覧から選んでください。まだ何も変更していません。')).toBeTruthy();
    expect((within(panel).getByLabelText('コメント') as HTMLTextAreaElement).value).toBe('4月に再度');

    fireEvent.change(within(panel).getByLabelText('ナーチャリングの理由'), { target: { value: 'budget_next_fy' } });
    fireEvent.change(within(panel).getByLabelText('再コンタクト日'), { target: { value: '2027-04-01' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'ナーチャリングに回す' }));
    await waitFor(() => expect(fakeQualificationOf(bridge).transitions[0]).toMatchObject({ leadId: lead.id, to: 'nurture', reason: 'budget_next_fy', recontactOn: '2027-04-01', comment: '4月に再度' }));
    expect(fakeQualificationOf(bridge).answers.get(lead.id)?.answers.budget?.status).toBe('planned_next_fy');
  });

  it('disqualifies with a coded reason from the list, and keeps working saves the answers only', async () => {
    const { bridge, lead } = await openHearing();
    answer('必要性', 4);
    key({ key: 'k' });
    const keep = await screen.findByRole('form', { name: 'ヒアリングを続ける' });
    fireEvent.click(within(keep).getByRole('button', { name: '回答を保存して続ける' }));
    expect(await screen.findByText('回答を保存しました。ヒアリングを続けられます。')).toBeTruthy();
    expect(bridge.leads.find((l) => l.id === lead.id)?.stage).toBe(lead.stage);

    key({ key: 'd' });
    const panel = await screen.findByRole('form', { name: '対象外' });
    fireEvent.change(within(panel).getByLabelText('対象外の理由'), { target: { value: 'no_need' } });
    fireEvent.change(within(panel).getByLabelText('コメント'), { target: { value: '内製で解決済み' } });
    fireEvent.click(within(panel).getByRole('button', { name: '対象外にする' }));
    await waitFor(() => expect(fakeQualificationOf(bridge).transitions[0]).toMatchObject({ leadId: lead.id, to: 'disqualified', reason: 'no_need', comment: '内製で解決済み' }));
  });
});
