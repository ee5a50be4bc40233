import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBridge } from './fake-bridge';
import { renderApp, useFakeLayout } from './render-app';

useFakeLayout();

const rowOf = (company: string): HTMLElement => {
  const row = screen.getAllByTestId('lead-row').find((r) => r.querySelector('.cell-main')?.textContent === company);
  if (!row) throw new Error(`no row for ${company}`);
  return row;
};

describe('selecting two leads in the list to merge them', () => {
  it('selects with Ctrl/⌘+click and Space, and merges the two selected', async () => {
    const bridge = createFakeBridge(5);
    bridge.leads[1] = { ...bridge.leads[1]!, companyName: '株式会社アルファ', title: null };
    bridge.leads[3] = { ...bridge.leads[3]!, companyName: 'アルファ株式会社' };
    await renderApp(bridge);
    expect(await screen.findByText('5件')).toBeTruthy();
    expect(screen.queryByRole('region', { name: /選択中/ })).toBeNull();

    // Ctrl+click selects instead of opening.
    fireEvent.click(rowOf('株式会社アルファ'), { ctrlKey: true });
    expect(rowOf('株式会社アルファ').getAttribute('aria-selected')).toBe('true');
    const bar = screen.getByRole('region', { name: '1件を選択中' });
    expect(bar.textContent).toContain('もう1件');
    expect((within(bar).getByRole('button', { name: '選択した2件を統合…' }) as HTMLButtonElement).disabled).toBe(true);

    // Space toggles the focused row: on, off, on again.
    const other = rowOf('アルファ株式会社');
    other.focus();
    fireEvent.keyDown(other, { key: ' ' });
    expect(other.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(other, { key: ' ' });
    expect(other.getAttribute('aria-selected')).toBe('false');
    // ⌘+click on a Mac.
    fireEvent.click(other, { metaKey: true });
    expect(screen.getByRole('region', { name: '2件を選択中' }).textContent).toContain('株式会社アルファアルファ株式会社');
    // Nothing opened along the way.
    expect(screen.getByRole('heading', { name: 'リード一覧' })).toBeTruthy();

    // The lead changes after it was listed: the merge starts from it as it is now.
    bridge.leads[3] = { ...bridge.leads[3]!, title: '取締役', version: 2 };
    fireEvent.click(screen.getByRole('button', { name: '選択した2件を統合…' }));
    expect(await screen.findByRole('heading', { name: 'リードの統合' })).toBeTruthy();
    const title = within(screen.getByTestId('merge-row-title'));
    expect((title.getByRole('radio', { name: '役職: 吸収されるリード' }) as HTMLInputElement).checked).toBe(true);
    expect(title.getByText('取締役')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '統合する' }));
    expect(await screen.findByText('「株式会社アルファ」を統合しました。')).toBeTruthy();
    const merges = bridge.calls.filter((c) => c.method === 'leads.merge').map((c) => c.input);
    expect(merges).toEqual([
      expect.objectContaining({ survivorId: 'lead-000001', loserId: 'lead-000003', survivorVersion: 1, loserVersion: 2, choices: expect.objectContaining({ title: 'loser' }) }),
    ]);
    expect(bridge.leads.map((l) => l.id)).toEqual(['lead-000000', 'lead-000001', 'lead-000002', 'lead-000004']);

    // Back in the list, the selection is gone with the merged lead.
    fireEvent.click(screen.getByRole('button', { name: '一覧に戻る' }));
    expect(await screen.findByText('4件')).toBeTruthy();
    expect(screen.queryByRole('region', { name: /選択中/ })).toBeNull();
    expect(screen.getAllByTestId('lead-row').every((row) => row.getAttribute('aria-selected') === 'false')).toBe(true);
  });

  it('keeps the selection across searches, and a cancelled merge returns to the list with it', async () => {
    const bridge = createFakeBridge(30);
    await renderApp(bridge);
    expect(await screen.findByText('30件')).toBeTruthy();
    const box = screen.getByRole('searchbox', { name: '検索' });
    fireEvent.change(box, { target: { value: 'テスト12' } });
    expect(await screen.findByText('1件 / 全 30件')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId('lead-row')).toHaveLength(1));
    fireEvent.click(rowOf('株式会社テスト12'), { ctrlKey: true });
    fireEvent.change(box, { target: { value: 'テスト21' } });
    expect(await screen.findByText('1件 / 全 30件')).toBeTruthy();
    await waitFor(() => expect(rowOf('株式会社テスト21')).toBeTruthy());
    fireEvent.click(rowOf('株式会社テスト21'), { ctrlKey: true });
    // The first one is hidden by the search but still selected and named.
    expect(screen.getByRole('region', { name: '2件を選択中' }).textContent).toContain('株式会社テスト12株式会社テスト21');

    // A third one: merging waits for exactly two.
    fireEvent.change(box, { target: { value: '' } });
    expect(await screen.findByText('30件')).toBeTruthy();
    fireEvent.click(rowOf('株式会社テスト29'), { ctrlKey: true });
    const bar = screen.getByRole('region', { name: '3件を選択中' });
    expect(bar.textContent).toContain('2件ずつ');
    expect((within(bar).getByRole('button', { name: '選択した2件を統合…' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(rowOf('株式会社テスト29'), { ctrlKey: true });

    fireEvent.click(screen.getByRole('button', { name: '選択した2件を統合…' }));
    expect(await screen.findByRole('heading', { name: 'リードの統合' })).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'キャンセル' })[0] as HTMLElement);
    // Cancel goes back to where the merge started, with the two still selected.
    expect(await screen.findByRole('heading', { name: 'リード一覧' })).toBeTruthy();
    expect(screen.getByRole('region', { name: '2件を選択中' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '選択を解除' }));
    expect(screen.queryByRole('region', { name: /選択中/ })).toBeNull();
    expect(bridge.calls.some((c) => c.method === 'leads.merge')).toBe(false);
  });

  it('shows why the merge cannot open when a selected lead is gone, and keeps the selection', async () => {
    const bridge = createFakeBridge(3);
    await renderApp(bridge);
    expect(await screen.findByText('3件')).toBeTruthy();
    fireEvent.click(rowOf('株式会社テスト0'), { ctrlKey: true });
    fireEvent.click(rowOf('株式会社テスト1'), { ctrlKey: true });
    bridge.failNext.set('leads.get', { code: 'not_found', message: 'There is no lead with this id.', messageKey: 'errors.lead.notFound' });
    fireEvent.click(screen.getByRole('button', { name: '選択した2件を統合…' }));
    expect((await screen.findByRole('alert')).textContent).toContain('このリードは見つかりません');
    expect(screen.getByRole('heading', { name: 'リード一覧' })).toBeTruthy();
    expect(screen.getByRole('region', { name: '2件を選択中' })).toBeTruthy();
    expect((screen.getByRole('button', { name: '選択した2件を統合…' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
