import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBridge, type FakeBridge } from './fake-bridge';
import { renderApp, useFakeLayout } from './render-app';

useFakeLayout();

const callsOf = (bridge: FakeBridge, method: string) => bridge.calls.filter((c) => c.method === method).map((c) => c.input as Record<string, unknown>);

// Opens the detail of the lead shown in the first row (the newest: index count - 1).
const openFirstLead = async (bridge: FakeBridge) => {
  await renderApp(bridge);
  const rows = await screen.findAllByTestId('lead-row');
  fireEvent.click(rows[0] as HTMLElement);
  await screen.findByRole('button', { name: '編集' });
  return screen.getByRole('heading', { level: 1 });
};

const field = (label: string) => screen.getByLabelText(label, { selector: 'input, select' }) as HTMLInputElement;

describe('lead detail', () => {
  it('opens from the list with every field, custom fields, tags and the history', async () => {
    const bridge = createFakeBridge(3);
    bridge.leads[2] = { ...bridge.leads[2]!, tags: ['展示会', '決裁者'], customFields: { 紹介者: '田中' }, employeeCount: 1200 };
    const heading = await openFirstLead(bridge);
    expect(heading.textContent).toBe('株式会社テスト2');
    expect(screen.getByTestId('lead-field-email').textContent).toBe('taro2@example.co.jp');
    expect(screen.getByTestId('lead-field-tags').textContent).toBe('展示会, 決裁者');
    expect(screen.getByTestId('lead-field-employeeCount').textContent).toBe('1,200');
    expect(screen.getByText('紹介者')).toBeTruthy();
    expect(screen.getByText('田中')).toBeTruthy();
    const timeline = await screen.findByTestId('lead-timeline');
    expect(within(timeline).getByText(/登録/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '一覧に戻る' }));
    expect(await screen.findByRole('table', { name: 'リード一覧' })).toBeTruthy();
  });

  it('opens a row with Enter after moving to it with the arrow keys', async () => {
    const bridge = createFakeBridge(3);
    await renderApp(bridge);
    const table = await screen.findByRole('table', { name: 'リード一覧' });
    await within(table).findAllByTestId('lead-row');
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Enter' });
    expect(await screen.findByRole('heading', { level: 1, name: '株式会社テスト1' })).toBeTruthy();
  });

  it('edits a field and saves it through the contract with the version it saw', async () => {
    const bridge = createFakeBridge(2);
    await openFirstLead(bridge);
    fireEvent.click(screen.getByRole('button', { name: '編集' }));
    fireEvent.change(field('役職'), { target: { value: '本部長' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('保存しました。')).toBeTruthy();
    expect(screen.getByTestId('lead-field-title').textContent).toBe('本部長');
    const [update] = callsOf(bridge, 'leads.update');
    expect(update).toMatchObject({ id: 'lead-000001', version: 1, patch: { title: '本部長' } });
    expect(Object.keys(update!.patch as object)).toEqual(['title']);
  });

  it('shows validation messages next to the fields and sends nothing until they are fixed', async () => {
    const bridge = createFakeBridge(1);
    await openFirstLead(bridge);
    fireEvent.click(screen.getByRole('button', { name: '編集' }));
    fireEvent.change(field('会社名'), { target: { value: '  ' } });
    fireEvent.change(field('メール'), { target: { value: 'taro@' } });
    fireEvent.change(field('従業員数'), { target: { value: '約100' } });
    fireEvent.change(field('スコア'), { target: { value: '1000000' } });
    fireEvent.change(field('電話番号'), { target: { value: '312345678' } });
    // Ctrl+Enter saves from anywhere in the form.
    fireEvent.keyDown(field('スコア'), { key: 'Enter', ctrlKey: true });
    expect(await screen.findByText('会社名を入力してください。')).toBeTruthy();
    expect(screen.getByText(/メールアドレスの形式が正しくありません/)).toBeTruthy();
    expect(screen.getByText(/従業員数は 0 以上の整数/)).toBeTruthy();
    expect(screen.getByText(/スコアは -99,999〜99,999/)).toBeTruthy();
    expect(screen.getByText(/先頭の 0 が欠けている/)).toBeTruthy();
    expect(field('メール').getAttribute('aria-invalid')).toBe('true');
    expect(field('メール').getAttribute('aria-describedby')).toBe('lead-form-email-error');
    expect(callsOf(bridge, 'leads.update')).toEqual([]);
    // Esc leaves the form; nothing was saved.
    fireEvent.keyDown(field('メール'), { key: 'Escape' });
    expect(screen.getByTestId('lead-field-email').textContent).toBe('taro0@example.co.jp');
  });

  it('keeps the typed values on a conflict, names the changed field, and saves after loading the latest', async () => {
    const bridge = createFakeBridge(1);
    await openFirstLead(bridge);
    fireEvent.click(screen.getByRole('button', { name: '編集' }));
    // Someone else changes the title meanwhile.
    bridge.leads[0] = { ...bridge.leads[0]!, title: '社長', version: 2 };
    fireEvent.change(field('部署'), { target: { value: '経営企画部' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('ほかの人が変更しました（役職）');
    expect(field('部署').value).toBe('経営企画部');
    fireEvent.click(within(alert).getByRole('button', { name: /最新の内容を読み込む/ }));
    await waitFor(() => expect(field('役職').value).toBe('社長'));
    expect(field('部署').value).toBe('経営企画部');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('保存しました。')).toBeTruthy();
    expect(bridge.leads[0]).toMatchObject({ title: '社長', department: '経営企画部', version: 3 });
  });

  it('adds a note to the history', async () => {
    const bridge = createFakeBridge(1);
    await openFirstLead(bridge);
    const box = screen.getByLabelText('メモを追加', { selector: 'textarea' });
    fireEvent.change(box, { target: { value: '来期に予算化の予定' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    expect(await within(await screen.findByTestId('lead-timeline')).findByText('来期に予算化の予定')).toBeTruthy();
    expect((box as HTMLTextAreaElement).value).toBe('');
    expect(callsOf(bridge, 'leads.addNote')).toEqual([{ leadId: 'lead-000000', body: '来期に予算化の予定' }]);
  });
});

describe('new lead', () => {
  it('creates a lead from the form and opens it; a failed save keeps the typing', async () => {
    const bridge = createFakeBridge(1);
    await renderApp(bridge);
    fireEvent.click(await screen.findByRole('button', { name: '新規リード' }));
    fireEvent.change(field('会社名'), { target: { value: '株式会社サンプル' } });
    fireEvent.click(screen.getByRole('button', { name: '登録' }));
    expect(await screen.findByText('氏名か、メール・電話番号・携帯のいずれかを入力してください。')).toBeTruthy();
    fireEvent.change(field('電話番号'), { target: { value: '03-1111-2222' } });
    fireEvent.click(screen.getByRole('button', { name: '項目を追加' }));
    fireEvent.change(screen.getByLabelText('項目名'), { target: { value: '紹介者' } });
    fireEvent.change(screen.getByLabelText('値'), { target: { value: '田中' } });
    bridge.failNext.set('leads.create', { code: 'store_unavailable', message: 'busy', messageKey: 'errors.store.busy' });
    fireEvent.click(screen.getByRole('button', { name: '登録' }));
    expect((await screen.findByRole('alert')).textContent).toContain('保存できませんでした');
    expect(field('会社名').value).toBe('株式会社サンプル');
    fireEvent.click(screen.getByRole('button', { name: '登録' }));
    expect((await screen.findByRole('heading', { level: 1, name: '株式会社サンプル' })).textContent).toBe('株式会社サンプル');
    expect(bridge.leads[0]).toMatchObject({ companyName: '株式会社サンプル', phone: '03-1111-2222', customFields: { 紹介者: '田中' }, stage: 'lead' });
  });
});

describe('merge', () => {
  it('picks a duplicate, chooses field by field, merges, and undoes it', async () => {
    const bridge = createFakeBridge(2);
    bridge.leads[0] = { ...bridge.leads[0]!, companyName: '株式会社アルファ', mobile: '090-1111-2222', tags: ['展示会'] };
    bridge.leads[1] = { ...bridge.leads[1]!, companyName: 'アルファ株式会社', title: null, tags: ['決裁者'] };
    await openFirstLead(bridge);
    fireEvent.click(screen.getByRole('button', { name: '重複を統合…' }));
    const search = screen.getByRole('searchbox', { name: /会社名・氏名・電話・メールで検索/ });
    fireEvent.change(search, { target: { value: 'アルファ' } });
    fireEvent.click(await screen.findByRole('button', { name: /株式会社アルファ/ }));
    expect(await screen.findByRole('heading', { name: 'リードの統合' })).toBeTruthy();
    // The kept lead has no title and no mobile: the other's are chosen; tags keep both.
    const title = within(screen.getByTestId('merge-row-title'));
    expect((title.getByRole('radio', { name: '役職: 吸収されるリード' }) as HTMLInputElement).checked).toBe(true);
    expect((within(screen.getByTestId('merge-row-tags')).getByRole('radio', { name: 'タグ: 両方' }) as HTMLInputElement).checked).toBe(true);
    // The email: keep the absorbed lead's instead.
    fireEvent.click(within(screen.getByTestId('merge-row-email')).getByRole('radio', { name: 'メール: 吸収されるリード' }));
    fireEvent.click(screen.getByRole('button', { name: '統合する' }));
    expect(await screen.findByText('「アルファ株式会社」を統合しました。')).toBeTruthy();
    expect(callsOf(bridge, 'leads.merge')[0]).toMatchObject({
      survivorId: 'lead-000001',
      loserId: 'lead-000000',
      choices: { title: 'loser', mobile: 'loser', tags: 'both', email: 'loser' },
    });
    expect(screen.getByTestId('lead-field-email').textContent).toBe('taro0@example.co.jp');
    expect(screen.getByTestId('lead-field-tags').textContent).toBe('決裁者, 展示会');
    expect(bridge.leads).toHaveLength(1);
    fireEvent.click(screen.getAllByRole('button', { name: '統合を元に戻す' })[0] as HTMLElement);
    expect(await screen.findByText('統合を取り消しました。')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('lead-field-email').textContent).toBe('taro1@example.co.jp'));
    expect(bridge.leads).toHaveLength(2);
  });
});
