import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeBridge, type FakeBridge } from './fake-bridge';
import { fakeHandoffOf } from './fake-handoff';
import { renderApp, useFakeLayout } from './render-app';

useFakeLayout();

const callsOf = (bridge: FakeBridge, method: string) => bridge.calls.filter((c) => c.method === method).map((c) => c.input as Record<string, unknown>);
const MEETING = { status: 'fixed', at: '2026-12-01T14:00:00+09:00', mode: 'online' } as const;

// A bridge whose newest lead is TQL and handed off to 佐藤 by the rep.
const withPendingHandoff = async (): Promise<FakeBridge> => {
  const bridge = createFakeBridge(3);
  const lead = bridge.leads[2]!;
  lead.stage = 'tql';
  const sent = await bridge['handoff.submit']({ leadId: lead.id, leadVersion: lead.version, assignee: '佐藤', meeting: MEETING, summary: '課題: 架電記録' });
  if (!sent.ok) throw new Error(sent.error.message);
  return bridge;
};

describe('handoff inbox (field sales)', () => {
  it('shows pending handoffs with SLA time left and the overdue count, opens the packet and accepts', async () => {
    const bridge = await withPendingHandoff();
    bridge.preferences = { ...bridge.preferences, role: 'field_sales' };
    await renderApp(bridge, 'handoff');
    expect(await screen.findByRole('heading', { name: '引き継ぎの受信箱' })).toBeTruthy();
    const counts = screen.getByText('未対応 1件').parentElement as HTMLElement;
    expect(within(counts).getByText('SLA超過 0件')).toBeTruthy();
    // Submitted Tue 10:00 JST (the fake clock): 24 business hours left.
    const item = await screen.findByRole('button', { name: /株式会社テスト2/ });
    expect(item.textContent).toContain('残り 24時間0分');
    fireEvent.click(item);
    expect(await screen.findByRole('heading', { name: '株式会社テスト2' })).toBeTruthy();
    expect(screen.getByText('課題: 架電記録', { selector: 'pre' })).toBeTruthy();
    expect(screen.getByText('定義 v1 でTQL判定', { selector: 'p' })).toBeTruthy();
    // The printable sheet is in the page, in Japanese, hidden from screen readers and the screen.
    const sheet = document.querySelector('.handoff-sheet') as HTMLElement;
    expect(sheet.getAttribute('aria-hidden')).toBe('true');
    expect(within(sheet).getByRole('heading', { name: '引き継ぎシート', hidden: true })).toBeTruthy();
    expect(sheet.textContent).toContain('確定 / オンライン / 2026/12/01(火) 14:00');
    fireEvent.click(screen.getByRole('button', { name: '受け入れる(SAL)' }));
    expect(await screen.findByText('受け入れました。リードはSALになりました。')).toBeTruthy();
    expect(bridge.leads[2]!.stage).toBe('sal');
    fireEvent.click(await screen.findByRole('button', { name: '商談化を確定(SQL)' }));
    await waitFor(() => expect(bridge.leads[2]!.stage).toBe('sql'));
  });

  it('saves the sheet as a PDF on the desktop, says where, and says why when it cannot', async () => {
    const bridge = await withPendingHandoff();
    bridge.preferences = { ...bridge.preferences, role: 'field_sales' };
    const savePagePdf = vi.fn(async (name: string) => ({ path: `/home/field/${name}`, name }));
    bridge.savePagePdf = savePagePdf;
    await renderApp(bridge, 'handoff');
    fireEvent.click(await screen.findByRole('button', { name: /株式会社テスト2/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'PDFで保存' }));
    const saved = await screen.findByText(/^引き継ぎシートを保存しました: /);
    expect(savePagePdf).toHaveBeenCalledTimes(1);
    expect(savePagePdf.mock.calls[0]![0]).toMatch(/^引き継ぎシート_株式会社テスト2_\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(saved.textContent).toBe(`引き継ぎシートを保存しました: ${savePagePdf.mock.calls[0]![0]}`);
    savePagePdf.mockRejectedValueOnce(new Error('EACCES: permission denied'));
    fireEvent.click(screen.getByRole('button', { name: 'PDFで保存' }));
    expect(await screen.findByText(/PDFを保存できませんでした。/)).toBeTruthy();
  });

  it('offers printing only in a browser, whose print dialog saves PDFs itself', async () => {
    const bridge = await withPendingHandoff();
    bridge.preferences = { ...bridge.preferences, role: 'field_sales' };
    await renderApp(bridge, 'handoff');
    fireEvent.click(await screen.findByRole('button', { name: /株式会社テスト2/ }));
    const print = await screen.findByRole('button', { name: '引き継ぎシートを印刷' });
    expect(print.getAttribute('title')).toBe('印刷ダイアログで「PDFに保存」を選ぶと PDF にもできます。');
    expect(screen.queryByRole('button', { name: 'PDFで保存' })).toBeNull();
  });

  it('marks overdue handoffs and counts them', async () => {
    const bridge = await withPendingHandoff();
    bridge.preferences = { ...bridge.preferences, role: 'field_sales' };
    // Thursday 17:00 JST: one business hour past the Thursday 16:00 deadline.
    fakeHandoffOf(bridge).now = () => new Date('2026-11-26T08:00:00.000Z');
    await renderApp(bridge, 'handoff');
    expect(await screen.findByText('SLA超過 1件')).toBeTruthy();
    const item = screen.getByRole('button', { name: /株式会社テスト2/ });
    expect(item.textContent).toContain('SLA超過 · 1時間0分 超過');
    expect(item.closest('li')?.className).toContain('handoff-overdue');
  });

  it('sends back with a grouped reason and a comment; a refusal keeps what was typed', async () => {
    const bridge = await withPendingHandoff();
    bridge.preferences = { ...bridge.preferences, role: 'field_sales' };
    await renderApp(bridge, 'handoff');
    fireEvent.click(await screen.findByRole('button', { name: /株式会社テスト2/ }));
    fireEvent.click(await screen.findByRole('tab', { name: '差し戻す' }));
    const reason = (await screen.findByLabelText('差し戻しの理由')) as HTMLSelectElement;
    expect([...reason.querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['定義上の問題', '情報の不備', '手続き上の問題']);
    fireEvent.change(reason, { target: { value: 'wrong_team' } });
    fireEvent.click(screen.getByRole('button', { name: '差し戻しを確定' }));
    // No comment: the stage machine refuses; the reason stays chosen.
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(reason.value).toBe('wrong_team');
    expect(bridge.leads[2]!.stage).toBe('tql');
    fireEvent.change(screen.getByLabelText('コメント'), { target: { value: '担当エリア外' } });
    fireEvent.click(screen.getByRole('button', { name: '差し戻しを確定' }));
    expect(await screen.findByText('差し戻しました。')).toBeTruthy();
    expect(bridge.leads[2]!.stage).toBe('mql');
    expect(callsOf(bridge, 'handoff.reject').at(-1)).toEqual({ id: 'handoff-1', to: 'mql', reason: 'wrong_team', comment: '担当エリア外' });
  });
});

describe('handoff form (rep)', () => {
  it('names each missing part without sending, then hands off from the lead detail', async () => {
    const bridge = createFakeBridge(3);
    bridge.leads[2]!.stage = 'tql';
    await renderApp(bridge);
    fireEvent.click((await screen.findAllByTestId('lead-row'))[0] as HTMLElement);
    fireEvent.click(await screen.findByRole('button', { name: '引き継ぎを作成' }));
    const summary = (await screen.findByLabelText('引き継ぎサマリー')) as HTMLTextAreaElement;
    expect(summary.value).toContain('株式会社テスト2');
    fireEvent.click(screen.getByRole('button', { name: /引き継ぐ/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('次の項目を入力してください: 引き継ぐ営業担当、商談の状態(提案中/確定)、商談の日時、商談の形式(オンライン/訪問)');
    expect(callsOf(bridge, 'handoff.submit')).toEqual([]);
    fireEvent.change(screen.getByLabelText('引き継ぐ営業担当'), { target: { value: '佐藤' } });
    fireEvent.click(screen.getByLabelText('確定'));
    fireEvent.change(screen.getByLabelText('日付'), { target: { value: '2026-12-01' } });
    fireEvent.change(screen.getByLabelText('時刻'), { target: { value: '14:00' } });
    fireEvent.click(screen.getByLabelText('訪問'));
    // Ctrl+Enter sends from anywhere in the form.
    fireEvent.keyDown(summary, { key: 'Enter', ctrlKey: true });
    expect(await screen.findByText(/佐藤さんに引き継ぎました。/)).toBeTruthy();
    expect(callsOf(bridge, 'handoff.submit')).toEqual([
      { leadId: 'lead-000002', leadVersion: 1, assignee: '佐藤', meeting: { status: 'fixed', at: '2026-12-01T14:00:00+09:00', mode: 'visit' }, summary: summary.value },
    ]);
  });

  it('shows a rep their handoffs with the reason of one sent back, also above the queue', async () => {
    const bridge = await withPendingHandoff();
    bridge.preferences = { ...bridge.preferences, role: 'field_sales' };
    await bridge['handoff.reject']({ id: 'handoff-1', to: 'mql', reason: 'contact_info_wrong', comment: '電話番号が違う' });
    bridge.preferences = { ...bridge.preferences, role: 'rep' };
    await renderApp(bridge, 'queue');
    const notice = await screen.findByRole('region', { name: '差し戻されたリード' });
    expect(notice.textContent).toContain('株式会社テスト2: 連絡先の誤り(情報の不備) 電話番号が違う');
    fireEvent.click(within(notice).getByRole('button', { name: /株式会社テスト2/ }));
    expect(await screen.findByRole('heading', { name: '自分の引き継ぎ' })).toBeTruthy();
  });
});

describe('SLA setting (team lead)', () => {
  it('saves a new SLA as a new version', async () => {
    const bridge = createFakeBridge(1);
    bridge.preferences = { ...bridge.preferences, role: 'team_lead' };
    await renderApp(bridge, 'settings');
    const hours = (await screen.findByLabelText('SLA(営業時間)')) as HTMLInputElement;
    expect(hours.value).toBe('24');
    fireEvent.change(hours, { target: { value: '16' } });
    fireEvent.click(screen.getByRole('button', { name: 'SLAを保存' }));
    expect(await screen.findByText('SLAを保存しました(v1)。これから引き継ぐリードに適用されます。')).toBeTruthy();
    expect(callsOf(bridge, 'handoff.updateSla')).toEqual([{ settings: { hours: 16, businessHours: { start: '09:00', end: '18:00' } }, version: 0 }]);
  });
});
