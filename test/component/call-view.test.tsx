import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeBridge, type FakeBridge } from './fake-bridge';
import { fakeCallsOf } from './fake-calls';
import { renderApp, useFakeLayout } from './render-app';

useFakeLayout();

const key = (init: KeyboardEventInit, target: Element = document.body) => fireEvent.keyDown(target, init);
const callsOf = (bridge: FakeBridge, method: string) => bridge.calls.filter((c) => c.method === method);
const notes = () => screen.getByLabelText(/^メモ/) as HTMLTextAreaElement;

// Opens the first lead of the queue with N, as a rep does.
const openFirst = async (bridge: FakeBridge = createFakeBridge(20)) => {
  await renderApp(bridge, 'queue');
  await screen.findByRole('list', { name: /今かけるリード/ });
  key({ key: 'n' });
  const heading = await screen.findByRole('heading', { level: 1 });
  await screen.findByRole('radiogroup', { name: '通話の結果' });
  return { bridge, company: heading.textContent ?? '' };
};

describe('call view', () => {
  it('starts the call with S, picks the outcome by number, and Ctrl+Enter logs and opens the next lead', async () => {
    const { bridge, company } = await openFirst();
    expect(screen.getByText('未開始')).toBeTruthy();
    key({ key: 's' });
    await screen.findByText('通話中');
    expect(callsOf(bridge, 'calls.start')).toHaveLength(1);

    key({ key: '2', code: 'Digit2' });
    expect((screen.getByRole('radio', { name: /不在/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.change(notes(), { target: { value: '受付で不在と言われた' } });
    key({ key: 'Enter', ctrlKey: true }, notes());

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).not.toBe(company), { timeout: 5000 });
    expect(callsOf(bridge, 'calls.log')[0]?.input).toMatchObject({ outcome: 'no_answer', note: '受付で不在と言われた' });
    const logged = fakeCallsOf(bridge).logs[0];
    expect(logged?.companyName).toBe(company);
    expect(notes().value).toBe('');
    expect(screen.getByText('未開始')).toBeTruthy();
  });

  it('asks for a callback time before logging a callback request, then schedules it', async () => {
    const { bridge } = await openFirst();
    key({ key: '7', code: 'Digit7' });
    const picker = await screen.findByRole('group', { name: '折り返しの日時' });
    key({ key: 'Enter', ctrlKey: true });
    expect(await within(picker).findByText('折り返しの日時を選んでください。')).toBeTruthy();
    expect(callsOf(bridge, 'calls.log')).toHaveLength(0);

    fireEvent.change(within(picker).getByLabelText('日時を指定'), { target: { value: '2099-01-05T10:30' } });
    key({ key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(callsOf(bridge, 'calls.log')).toHaveLength(1));
    expect(callsOf(bridge, 'calls.log')[0]?.input).toMatchObject({ outcome: 'callback_requested', callbackAt: '2099-01-05T01:30:00.000Z' });
    expect(fakeCallsOf(bridge).callbacks.at(-1)?.dueAt).toBe('2099-01-05T01:30:00.000Z');
  });

  it('keeps the notes as a draft while typing and restores them when the lead opens again', async () => {
    const { bridge, company } = await openFirst();
    fireEvent.change(notes(), { target: { value: '予算は来期' } });
    await waitFor(() => expect(callsOf(bridge, 'drafts.save').at(-1)?.input).toMatchObject({ body: '予算は来期' }));
    expect(await screen.findByText(/下書きを保存しました/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /キューに戻る/ }));
    await screen.findByRole('list', { name: /今かけるリード/ });
    fireEvent.click(screen.getByRole('button', { name: `${company} を開く` }));
    await waitFor(() => expect(notes().value).toBe('予算は来期'));
    expect(screen.getByText('前回の下書きを復元しました')).toBeTruthy();
  });

  it('flushes the draft at once when the notes lose focus', async () => {
    const { bridge } = await openFirst();
    fireEvent.change(notes(), { target: { value: '決裁者は部長' } });
    fireEvent.blur(notes());
    // Well before the typing debounce would have fired.
    await waitFor(() => expect(callsOf(bridge, 'drafts.save').at(-1)?.input).toMatchObject({ body: '決裁者は部長' }), { timeout: 250, interval: 10 });
  });

  it('says why a draft could not be saved and keeps the text', async () => {
    const { bridge } = await openFirst();
    bridge.failNext.set('drafts.save', { code: 'store_unavailable', message: 'locked', messageKey: 'errors.store.locked' });
    fireEvent.change(notes(), { target: { value: '大事なメモ' } });
    // The call view now holds the hearing form too: give the retry a little more time on a busy machine.
    expect(await screen.findByText(/下書きを保存できませんでした。入力内容はこの画面に残っています。/, {}, { timeout: 3000 })).toBeTruthy();
    expect(notes().value).toBe('大事なメモ');
  });

  it('keeps everything when logging fails and says why', async () => {
    const { bridge, company } = await openFirst();
    key({ key: '1', code: 'Digit1' });
    fireEvent.change(notes(), { target: { value: '導入時期は4月' } });
    bridge.failNext.set('calls.log', { code: 'store_unavailable', message: 'locked', messageKey: 'errors.store.locked' });
    key({ key: 'Enter', ctrlKey: true }, notes());
    expect(await screen.findByText(/通話を記録できませんでした。入力内容はそのまま残っています。/)).toBeTruthy();
    expect(notes().value).toBe('導入時期は4月');
    expect((screen.getByRole('radio', { name: /接続/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(company);
    expect(fakeCallsOf(bridge).drafts.get(fakeCallsOf(bridge).active[0]!.leadId)?.body).toBe('導入時期は4月');
  });

  it('types digits into the notes, but Alt+digit picks an outcome from there', async () => {
    await openFirst();
    notes().focus();
    key({ key: '3', code: 'Digit3' }, notes());
    expect((screen.getByRole('radio', { name: /話し中/ }) as HTMLInputElement).checked).toBe(false);
    key({ key: '3', code: 'Digit3', altKey: true }, notes());
    expect((screen.getByRole('radio', { name: /話し中/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('shows the shortcuts with ?, and asks before leaving a started call with Esc', async () => {
    const { bridge } = await openFirst();
    key({ key: '?' });
    const dialog = await screen.findByRole('dialog', { name: 'キーボードショートカット' });
    expect(within(dialog).getByText('Ctrl+Enter')).toBeTruthy();
    key({ key: 'Escape' }, within(dialog).getByRole('button', { name: '閉じる' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    key({ key: 's' });
    await screen.findByText('通話中');
    key({ key: 'Escape' });
    const ask = await screen.findByRole('alertdialog', { name: '通話を記録せずに戻りますか?' });
    await act(async () => fireEvent.click(within(ask).getByRole('button', { name: '記録せずに戻る' })));
    await screen.findByRole('list', { name: /今かけるリード/ });
    expect(callsOf(bridge, 'calls.abandon')).toHaveLength(1);
  });

  it('shows the lead on one screen: phones to dial, history, and the hearing form', async () => {
    const bridge = createFakeBridge(20);
    const { company } = await openFirst(bridge);
    const lead = bridge.leads.find((l) => l.companyName === company)!;
    const dial = screen.getByRole('link', { name: '03-1234-5678 に発信' });
    expect(dial.getAttribute('href')).toBe('tel:0312345678');
    expect(await screen.findByRole('radiogroup', { name: '予算の回答(数字キーで選択)' })).toBeTruthy();
    expect(screen.getByText('まだ架電していません。')).toBeTruthy();
    expect(screen.getByText(lead.familyNameKana!, { exact: false })).toBeTruthy();

    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    try {
      fireEvent.click(screen.getByRole('button', { name: 'コピー' }));
      expect(await screen.findByText('コピーしました')).toBeTruthy();
      expect(writeText).toHaveBeenCalledWith('03-1234-5678');
    } finally {
      Reflect.deleteProperty(navigator, 'clipboard');
    }
  });

  it('says when the earlier draft could not be read', async () => {
    const bridge = createFakeBridge(20);
    await renderApp(bridge, 'queue');
    await screen.findByRole('list', { name: /今かけるリード/ });
    // Every read fails (the view may read the draft again as it settles on the lead).
    bridge['drafts.get'] = async () => ({ ok: false, error: { code: 'store_unavailable', message: 'locked', messageKey: 'errors.store.locked' } });
    key({ key: 'n' });
    expect(await screen.findByText(/前回の下書きを読み込めませんでした。 データファイルが別のプログラムで使用中です。/)).toBeTruthy();
  });
});
