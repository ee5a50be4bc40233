import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBridge, makeLead } from './fake-bridge';
import { renderApp, useFakeLayout } from './render-app';

useFakeLayout();

const listCalls = (bridge: ReturnType<typeof createFakeBridge>) =>
  bridge.calls
    .filter((c) => c.method === 'leads.list')
    .map(
      (c) =>
        c.input as {
          offset: number;
          sort: string;
          direction: string;
          search?: string;
          stages?: string[];
          owner?: string;
          tag?: string;
          importId?: string;
          withTotal?: boolean;
        },
    );

describe('lead list', () => {
  it('shows the count and renders real rows, newest first', async () => {
    const bridge = createFakeBridge(250);
    await renderApp(bridge);
    expect(await screen.findByText('250件')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'リード一覧' });
    expect(table.getAttribute('aria-rowcount')).toBe('251');
    const rows = await within(table).findAllByTestId('lead-row');
    expect(rows.length).toBeGreaterThan(5);
    // Only the visible part is in the DOM, not all 250.
    expect(rows.length).toBeLessThan(100);
    const first = rows[0];
    if (!first) throw new Error('no row');
    expect(first.getAttribute('role')).toBe('row');
    expect(first.textContent).toContain('株式会社テスト249');
    expect(first.textContent).toContain('山田 太郎249');
    expect(first.textContent).toContain('ヤマダ タロウ');
    // Only the first window of 100 was needed.
    expect(listCalls(bridge).every((c) => c.offset === 0)).toBe(true);
  });

  it('sorts by a column header and reports it with aria-sort', async () => {
    const bridge = createFakeBridge(150);
    await renderApp(bridge);
    await screen.findAllByTestId('lead-row');
    const updated = screen.getByRole('columnheader', { name: /更新日時/ });
    expect(updated.getAttribute('aria-sort')).toBe('descending');
    const company = screen.getByRole('columnheader', { name: /会社名/ });
    expect(company.getAttribute('aria-sort')).toBe('none');
    fireEvent.click(within(company).getByRole('button'));
    await waitFor(() => expect(company.getAttribute('aria-sort')).toBe('ascending'));
    await waitFor(() => expect(screen.getAllByTestId('lead-row')[0]?.textContent).toContain('株式会社テスト0'));
    expect(listCalls(bridge).at(-1)).toMatchObject({ sort: 'companyKana', direction: 'asc' });
    fireEvent.click(within(company).getByRole('button'));
    await waitFor(() => expect(company.getAttribute('aria-sort')).toBe('descending'));
    await waitFor(() => expect(screen.getAllByTestId('lead-row')[0]?.textContent).toContain('株式会社テスト149'));
  });

  it('fetches further windows on demand as the list scrolls', async () => {
    const bridge = createFakeBridge(100_000);
    await renderApp(bridge);
    expect(await screen.findByText('100,000件')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'リード一覧' });
    await within(table).findAllByTestId('lead-row');
    // Jump far down: rows there are placeholders until their window arrives.
    table.scrollTop = 44 * 50_000;
    fireEvent.scroll(table);
    await waitFor(() => expect(listCalls(bridge).some((c) => c.offset === 50_000 - (50_000 % 100))).toBe(true));
    await waitFor(() => expect(screen.getAllByTestId('lead-row')[0]?.getAttribute('aria-rowindex')).not.toBe('2'));
    const row = screen.getAllByTestId('lead-row')[0];
    expect(Number(row?.getAttribute('aria-rowindex'))).toBeGreaterThan(49_000);
    // Far fewer calls than windows: only what was on screen was asked for.
    expect(listCalls(bridge).length).toBeLessThan(10);
  });

  it('asks for the total once per query and data version, not for every window', async () => {
    const bridge = createFakeBridge(100_000);
    await renderApp(bridge);
    expect(await screen.findByText('100,000件')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'リード一覧' });
    await within(table).findAllByTestId('lead-row');
    for (const row of [20_000, 50_000, 80_000]) {
      table.scrollTop = 44 * row;
      fireEvent.scroll(table);
      await waitFor(() => expect(listCalls(bridge).some((c) => c.offset === row)).toBe(true));
    }
    const counted = () => listCalls(bridge).filter((c) => c.withTotal);
    expect(counted()).toHaveLength(1);
    expect(counted()[0]?.offset).toBe(0);
    expect(listCalls(bridge).filter((c) => c.offset > 0).every((c) => c.withTotal === false)).toBe(true);
    // The count stays on screen while further windows arrive without it.
    expect(screen.getByText('100,000件')).toBeTruthy();
    // Changed data is counted again, once.
    bridge.leads.pop();
    bridge.emit({ name: 'leads.changed', payload: { reason: 'deleted' } });
    expect(await screen.findByText('99,999件')).toBeTruthy();
    expect(counted()).toHaveLength(2);
  });

  it('shows an empty state with a hint when there are no leads', async () => {
    await renderApp(createFakeBridge(0));
    expect(await screen.findByText('リードはまだありません。')).toBeTruthy();
    expect(screen.getByText(/npm run web -- --demo/)).toBeTruthy();
    expect(screen.getByText('0件')).toBeTruthy();
  });

  it('reloads when the backend says leads changed', async () => {
    const bridge = createFakeBridge(0);
    await renderApp(bridge);
    await screen.findByText('リードはまだありません。');
    bridge.leads.push(makeLead(1), makeLead(2));
    bridge.emit({ name: 'leads.changed', payload: { reason: 'bulk' } });
    expect(await screen.findByText('2件')).toBeTruthy();
    expect((await screen.findAllByTestId('lead-row')).length).toBe(2);
  });

  it('shows stage and temperature from the catalog', async () => {
    const bridge = createFakeBridge(1);
    await renderApp(bridge);
    const [row] = await screen.findAllByTestId('lead-row');
    // makeLead(0): stage 'lead', temperature 'hot'
    expect(row?.textContent).toContain('ホット');
    expect(row?.querySelector('.stage')?.textContent).toBe('リード');
  });
});

describe('lead list failures', () => {
  it('shows the network error and loads after a retry', async () => {
    const bridge = createFakeBridge(3);
    bridge.failNext.set('leads.list', 'reject');
    await renderApp(bridge);
    expect((await screen.findByRole('alert')).textContent).toContain('Bantam のバックエンドに接続できません。');
    fireEvent.click(screen.getByRole('button', { name: '再試行' }));
    expect(await screen.findByText('3件')).toBeTruthy();
    expect((await screen.findAllByTestId('lead-row')).length).toBe(3);
  });
});

describe('lead search and filters', () => {
  it('searches as you type after a short pause and shows only the matches with their count', async () => {
    const bridge = createFakeBridge(250);
    await renderApp(bridge);
    expect(await screen.findByText('250件')).toBeTruthy();
    const box = screen.getByRole('searchbox', { name: '検索' });
    expect(box.getAttribute('placeholder')).toContain('フリガナ');
    fireEvent.change(box, { target: { value: 'テスト24' } });
    fireEvent.change(box, { target: { value: 'テスト249' } });
    // Not at once: the query waits for a pause in typing.
    expect(listCalls(bridge).some((c) => c.search)).toBe(false);
    expect(await screen.findByText('1件 / 全 250件')).toBeTruthy();
    // Only the last text was asked for, from the top.
    expect(listCalls(bridge).filter((c) => c.search)).toEqual([expect.objectContaining({ search: 'テスト249', offset: 0 })]);
    await waitFor(() => expect(screen.getAllByTestId('lead-row')).toHaveLength(1));
    expect(screen.getAllByTestId('lead-row')[0]?.textContent).toContain('株式会社テスト249');

    // An email matches too.
    fireEvent.change(box, { target: { value: 'taro12@' } });
    expect(await screen.findByText('1件 / 全 250件')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId('lead-row')[0]?.textContent).toContain('株式会社テスト12'));

    // Nothing matches: a message, not the "no leads yet" state.
    fireEvent.change(box, { target: { value: 'ありえない会社' } });
    expect(await screen.findByText('条件に一致するリードはありません。')).toBeTruthy();
    expect(screen.queryByText('リードはまだありません。')).toBeNull();

    // Escape empties the box and the full list returns.
    fireEvent.keyDown(box, { key: 'Escape' });
    expect((box as HTMLInputElement).value).toBe('');
    expect(await screen.findByText('250件')).toBeTruthy();
    expect(listCalls(bridge).at(-1)).toMatchObject({ search: '', offset: 0 });
  });

  it('sends and applies a stage and an owner filter, and clear resets them', async () => {
    const bridge = createFakeBridge(250);
    bridge.leads.forEach((lead, i) => {
      if (i % 5 === 0) lead.owner = '鈴木';
    });
    await renderApp(bridge);
    expect(await screen.findByText('250件')).toBeTruthy();
    const clear = screen.getByRole('button', { name: '条件をクリア' });
    expect((clear as HTMLButtonElement).disabled).toBe(true);

    // Stage: a checkbox in the stage menu. makeLead(i) has stage STAGES[i % 9]: 28 of 250 are MQL.
    fireEvent.click(screen.getByText('ステージ', { selector: 'summary' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'MQL' }));
    expect(await screen.findByText('28件 / 全 250件')).toBeTruthy();
    expect(listCalls(bridge).at(-1)).toMatchObject({ stages: ['mql'], offset: 0 });
    await waitFor(() =>
      expect(screen.getAllByTestId('lead-row').every((row) => row.querySelector('.stage')?.textContent === 'MQL')).toBe(true),
    );

    // Owner: the choices come from leads.facets.
    const owner = screen.getByRole('combobox', { name: '担当' }) as HTMLSelectElement;
    await waitFor(() => expect([...owner.options].map((o) => o.textContent)).toEqual(['すべて', '佐藤', '鈴木']));
    fireEvent.change(owner, { target: { value: '鈴木' } });
    // MQL (i % 9 === 1) and 鈴木 (i % 5 === 0): 10, 55, 100, 145, 190, 235.
    expect(await screen.findByText('6件 / 全 250件')).toBeTruthy();
    expect(listCalls(bridge).at(-1)).toMatchObject({ stages: ['mql'], owner: '鈴木', offset: 0 });
    await waitFor(() => expect(screen.getAllByTestId('lead-row')).toHaveLength(6));
    expect(screen.getAllByTestId('lead-row')[0]?.textContent).toContain('株式会社テスト235');

    fireEvent.click(clear);
    expect(await screen.findByText('250件')).toBeTruthy();
    expect(owner.value).toBe('');
    expect((screen.getByRole('checkbox', { name: 'MQL' }) as HTMLInputElement).checked).toBe(false);
    const last = listCalls(bridge).at(-1);
    expect(last).toMatchObject({ stages: [], search: '' });
    expect(last?.owner).toBeUndefined();
    expect((clear as HTMLButtonElement).disabled).toBe(true);
  });

  it('filters by temperature with toggle chips', async () => {
    const bridge = createFakeBridge(30);
    await renderApp(bridge);
    expect(await screen.findByText('30件')).toBeTruthy();
    const hot = screen.getByRole('button', { name: 'ホット' });
    expect(hot.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(hot);
    expect(hot.getAttribute('aria-pressed')).toBe('true');
    expect(await screen.findByText('10件 / 全 30件')).toBeTruthy();
    expect(listCalls(bridge).at(-1)).toMatchObject({ temperatures: ['hot'] });
  });
});

describe('lead tag and import filters', () => {
  it('offers the tags in the store, sends the chosen one and lists only its leads', async () => {
    const bridge = createFakeBridge(40);
    bridge.leads.forEach((lead, i) => {
      if (i % 4 === 0) lead.tags = ['展示会'];
      if (i % 10 === 0) lead.tags = [...lead.tags, '決裁者'];
    });
    await renderApp(bridge);
    expect(await screen.findByText('40件')).toBeTruthy();
    const tag = screen.getByRole('combobox', { name: 'タグ' }) as HTMLSelectElement;
    await waitFor(() => expect([...tag.options].map((o) => o.textContent)).toEqual(['すべて', '決裁者', '展示会']));
    fireEvent.change(tag, { target: { value: '決裁者' } });
    // i % 10 === 0: 0, 10, 20, 30.
    expect(await screen.findByText('4件 / 全 40件')).toBeTruthy();
    expect(listCalls(bridge).at(-1)).toMatchObject({ tag: '決裁者', offset: 0 });
    await waitFor(() => expect(screen.getAllByTestId('lead-row').map((row) => row.querySelector('.cell-main')?.textContent)).toEqual([
      '株式会社テスト30',
      '株式会社テスト20',
      '株式会社テスト10',
      '株式会社テスト0',
    ]));

    // With the temperature too: both apply. makeLead(i) is hot when i % 3 === 0: 0 and 30.
    fireEvent.click(screen.getByRole('button', { name: 'ホット' }));
    expect(await screen.findByText('2件 / 全 40件')).toBeTruthy();
    expect(listCalls(bridge).at(-1)).toMatchObject({ tag: '決裁者', temperatures: ['hot'] });

    fireEvent.click(screen.getByRole('button', { name: '条件をクリア' }));
    expect(await screen.findByText('40件')).toBeTruthy();
    expect(tag.value).toBe('');
    expect(listCalls(bridge).at(-1)?.tag).toBeUndefined();
  });

  it('keeps a chosen tag selectable after its last lead loses it', async () => {
    const bridge = createFakeBridge(3);
    bridge.leads[1]!.tags = ['展示会'];
    await renderApp(bridge);
    expect(await screen.findByText('3件')).toBeTruthy();
    const tag = screen.getByRole('combobox', { name: 'タグ' }) as HTMLSelectElement;
    await waitFor(() => expect([...tag.options].map((o) => o.value)).toEqual(['', '展示会']));
    fireEvent.change(tag, { target: { value: '展示会' } });
    expect(await screen.findByText('1件 / 全 3件')).toBeTruthy();
    bridge.leads[1]!.tags = [];
    bridge.emit({ name: 'leads.changed', payload: { reason: 'updated' } });
    expect(await screen.findByText('条件に一致するリードはありません。')).toBeTruthy();
    // The facets no longer hold it, yet the select still shows what filters the list.
    expect(tag.value).toBe('展示会');
    expect([...tag.options].map((o) => o.value)).toEqual(['', '展示会']);
  });

  it('lists only the leads of the chosen import', async () => {
    const bridge = createFakeBridge(12);
    bridge.leads.forEach((lead, i) => {
      lead.importId = i < 5 ? 'import-a' : i < 8 ? 'import-b' : null;
    });
    await renderApp(bridge);
    expect(await screen.findByText('12件')).toBeTruthy();
    const source = screen.getByRole('combobox', { name: 'インポート' }) as HTMLSelectElement;
    await waitFor(() => expect([...source.options].map((o) => o.value)).toEqual(['', 'import-a', 'import-b']));
    fireEvent.change(source, { target: { value: 'import-b' } });
    expect(await screen.findByText('3件 / 全 12件')).toBeTruthy();
    expect(listCalls(bridge).at(-1)).toMatchObject({ importId: 'import-b', offset: 0 });
    await waitFor(() => expect(screen.getAllByTestId('lead-row').map((row) => row.querySelector('.cell-main')?.textContent)).toEqual([
      '株式会社テスト7',
      '株式会社テスト6',
      '株式会社テスト5',
    ]));
  });
});
