import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportOptions } from '../../shared/api/imports';
import { createFakeBridge } from './fake-bridge';
import { renderApp, useFakeLayout } from './render-app';

useFakeLayout();

const lastInput = (bridge: ReturnType<typeof createFakeBridge>, method: string): ImportOptions =>
  bridge.calls.filter((c) => c.method === method).at(-1)?.input as ImportOptions;

const openImport = async (leadCount = 0) => {
  const bridge = createFakeBridge(leadCount);
  await renderApp(bridge, 'leads');
  fireEvent.click(await screen.findByRole('button', { name: 'インポート' }));
  fireEvent.click(await screen.findByRole('button', { name: 'ファイルを選ぶ' }));
  await screen.findByRole('combobox', { name: '列「取引先メモ」の取り込み先' });
  return bridge;
};

describe('import view', () => {
  it('picks a file through the host and previews it: name, format, encoding, mapping, sample, counts', async () => {
    const bridge = await openImport();
    expect(bridge.calls.some((c) => c.method === 'pickImportFile')).toBe(true);
    expect(lastInput(bridge, 'imports.preview')).toMatchObject({ path: '/home/rep/リスト/展示会リスト.csv', encoding: 'auto', onDuplicate: 'skip' });
    expect(screen.getByTestId('import-file-name').textContent).toBe('展示会リスト.csv');
    expect(screen.getByText('CSV')).toBeTruthy();
    expect(screen.getByText('検出結果: Shift_JIS(CP932)')).toBeTruthy();
    const memo = screen.getByRole('combobox', { name: '列「取引先メモ」の取り込み先' }) as HTMLSelectElement;
    expect(memo.value).toBe('custom');
    expect((screen.getByRole('combobox', { name: '列「氏名」の取り込み先' }) as HTMLSelectElement).value).toBe('fullName');
    expect(within(memo).getByRole('option', { name: '取り込まない' })).toBeTruthy();
    const sample = screen.getByTestId('import-sample');
    expect(within(sample).getByText('株式会社アルファ')).toBeTruthy();
    expect(within(sample).getByText('会社名が空です。入力するか、別の列を会社名に対応付けてください。')).toBeTruthy();
    expect(screen.getByTestId('import-count-toCreate').textContent).toBe('3');
    expect(screen.getByTestId('import-count-rejected').textContent).toBe('1');
    expect(screen.getByTestId('import-count-mergedInFile').textContent).toBe('0');
    expect(within(screen.getByTestId('import-notices')).getByText('7 行目からの 5 行は Salesforce レポートのフッター(レポート名・著作権表示・作成者など)でリードではないため、取り込みから除きました。')).toBeTruthy();
  });

  it('re-runs the preview when the encoding, the mapping or the duplicate policy changes', async () => {
    const bridge = await openImport(1);
    fireEvent.change(screen.getByLabelText('文字コード'), { target: { value: 'utf8' } });
    await waitFor(() => expect(lastInput(bridge, 'imports.preview').encoding).toBe('utf8'));

    fireEvent.change(screen.getByRole('combobox', { name: '列「会社名」の取り込み先' }), { target: { value: 'ignore' } });
    await waitFor(() => expect(lastInput(bridge, 'imports.preview').mapping?.[0]).toEqual({ header: '会社名', target: 'ignore' }));
    expect(await screen.findByText('どの列も会社名に対応付けられていません。')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: '列「会社名」の取り込み先' }), { target: { value: 'companyName' } });
    await waitFor(() => expect(screen.queryByText('どの列も会社名に対応付けられていません。')).toBeNull());

    expect(screen.getByTestId('import-count-duplicatesInStore').textContent).toBe('1');
    expect(screen.getByTestId('import-count-skipped').textContent).toBe('1');
    fireEvent.click(screen.getByLabelText('上書きする'));
    await waitFor(() => expect(screen.getByTestId('import-count-toUpdate').textContent).toBe('1'));
    expect(lastInput(bridge, 'imports.preview')).toMatchObject({ onDuplicate: 'overwrite', encoding: 'utf8' });
    expect(screen.getByTestId('import-count-skipped').textContent).toBe('0');
  });

  it('keeps the choices and shows the catalog error when a preview fails', async () => {
    const bridge = await openImport();
    bridge.failNext.set('imports.preview', { code: 'conflict', message: 'busy', messageKey: 'errors.import.busy' });
    fireEvent.change(screen.getByRole('combobox', { name: '列「取引先メモ」の取り込み先' }), { target: { value: 'ignore' } });
    expect(await screen.findByText('別の取り込みが実行中です。終わるまで待つか中止してください。')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: '列「取引先メモ」の取り込み先' }) as HTMLSelectElement).value).toBe('ignore');
    // The next change still carries the earlier one.
    fireEvent.click(screen.getByLabelText('空欄の項目だけ埋める'));
    await waitFor(() => expect(lastInput(bridge, 'imports.preview')).toMatchObject({ onDuplicate: 'fill' }));
    expect(lastInput(bridge, 'imports.preview').mapping?.[4]).toEqual({ header: '取引先メモ', target: 'ignore' });
  });

  it('does nothing when the pick is cancelled, and says so in Japanese when the upload fails', async () => {
    const bridge = createFakeBridge(0);
    bridge.imports.pickNext = null;
    await renderApp(bridge, 'leads');
    fireEvent.click(await screen.findByRole('button', { name: 'インポート' }));
    fireEvent.click(await screen.findByRole('button', { name: 'ファイルを選ぶ' }));
    await waitFor(() => expect((screen.getByRole('button', { name: 'ファイルを選ぶ' }) as HTMLButtonElement).disabled).toBe(false));
    expect(bridge.calls.some((c) => c.method === 'imports.preview')).toBe(false);
    bridge.imports.pickNext = Object.assign(new Error('413'), { status: 413 });
    fireEvent.click(screen.getByRole('button', { name: 'ファイルを選ぶ' }));
    expect(await screen.findByText('ファイルが大きすぎます(上限 512 MB)。分割してから取り込んでください。')).toBeTruthy();
  });

  it('saves the mapping as a preset', async () => {
    const bridge = await openImport();
    fireEvent.change(screen.getByLabelText('プリセット名'), { target: { value: '展示会用' } });
    fireEvent.click(screen.getByRole('button', { name: 'プリセットを保存' }));
    expect(await screen.findByText('プリセット「展示会用」を保存しました。')).toBeTruthy();
    expect(bridge.imports.presets.map((p) => p.name)).toEqual(['展示会用']);
  });

  it('shows the progress of a running preview and commit, with the phase and the rows', async () => {
    const bridge = await openImport();
    bridge.imports.holdNext = 'imports.preview';
    fireEvent.click(screen.getByLabelText('空欄の項目だけ埋める'));
    const bar = (await screen.findByRole('progressbar', { name: '取り込みの進み具合' })) as HTMLProgressElement;
    expect(bar.hasAttribute('value')).toBe(false);
    act(() => bridge.imports.progress({ mode: 'preview', phase: 'check', done: 2, total: 4 }));
    expect(screen.getByTestId('import-progress-phase').textContent).toBe('チェック中');
    expect(screen.getByTestId('import-progress-rows').textContent).toBe('2 / 4 行');
    expect((screen.getByRole('progressbar', { name: '取り込みの進み具合' }) as HTMLProgressElement).value).toBe(2);
    expect((screen.getByRole('progressbar', { name: '取り込みの進み具合' }) as HTMLProgressElement).max).toBe(4);
    // A commit's report is not this run's.
    act(() => bridge.imports.progress({ mode: 'commit', phase: 'write', done: 1, total: 9 }));
    expect(screen.getByTestId('import-progress-rows').textContent).toBe('2 / 4 行');
    act(() => bridge.imports.release());
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());

    bridge.imports.holdNext = 'imports.commit';
    fireEvent.click(screen.getByRole('button', { name: '取り込む' }));
    await screen.findByRole('progressbar', { name: '取り込みの進み具合' });
    act(() => bridge.imports.progress({ mode: 'commit', phase: 'read', done: 4, total: 4 }));
    expect(screen.getByTestId('import-progress-phase').textContent).toBe('読み込み中');
    act(() => bridge.imports.progress({ mode: 'commit', phase: 'write', done: 1, total: 3 }));
    expect(screen.getByTestId('import-progress-phase').textContent).toBe('書き込み中');
    expect(screen.getByTestId('import-progress-rows').textContent).toBe('1 / 3 行');
    act(() => bridge.imports.release());
    expect(await screen.findByTestId('import-report')).toBeTruthy();
  });

  it('cancels a running commit: nothing is written, the message shows, and every choice stays', async () => {
    const bridge = await openImport(1);
    fireEvent.change(screen.getByLabelText('文字コード'), { target: { value: 'utf8' } });
    await waitFor(() => expect(lastInput(bridge, 'imports.preview').encoding).toBe('utf8'));
    fireEvent.change(screen.getByRole('combobox', { name: '列「取引先メモ」の取り込み先' }), { target: { value: 'ignore' } });
    fireEvent.click(screen.getByLabelText('上書きする'));
    await waitFor(() => expect(lastInput(bridge, 'imports.preview')).toMatchObject({ onDuplicate: 'overwrite' }));
    await waitFor(() => expect((screen.getByRole('button', { name: '取り込む' }) as HTMLButtonElement).disabled).toBe(false));

    bridge.imports.holdNext = 'imports.commit';
    fireEvent.click(screen.getByRole('button', { name: '取り込む' }));
    act(() => bridge.imports.progress({ mode: 'commit', phase: 'write', done: 1, total: 3 }));
    fireEvent.click(await screen.findByRole('button', { name: '中止' }));
    expect(await screen.findByText('取り込みを中止しました。何も書き込まれていません。')).toBeTruthy();
    expect(bridge.calls.some((c) => c.method === 'imports.cancel')).toBe(true);
    expect(bridge.leads).toHaveLength(1);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByTestId('import-file-name').textContent).toBe('展示会リスト.csv');
    expect((screen.getByLabelText('文字コード') as HTMLSelectElement).value).toBe('utf8');
    expect((screen.getByRole('combobox', { name: '列「取引先メモ」の取り込み先' }) as HTMLSelectElement).value).toBe('ignore');
    expect((screen.getByLabelText('上書きする') as HTMLInputElement).checked).toBe(true);

    // Run it again as it was.
    fireEvent.click(screen.getByRole('button', { name: '取り込む' }));
    expect(await screen.findByTestId('import-report')).toBeTruthy();
    expect(lastInput(bridge, 'imports.commit')).toMatchObject({ encoding: 'utf8', onDuplicate: 'overwrite' });
    expect(lastInput(bridge, 'imports.commit').mapping?.[4]).toEqual({ header: '取引先メモ', target: 'ignore' });
  });

  it('cancels a running preview and runs it again with the same choices', async () => {
    const bridge = await openImport();
    bridge.imports.holdNext = 'imports.preview';
    fireEvent.click(screen.getByLabelText('空欄の項目だけ埋める'));
    fireEvent.click(await screen.findByRole('button', { name: '中止' }));
    expect(await screen.findByText('取り込みを中止しました。何も書き込まれていません。')).toBeTruthy();
    expect((screen.getByLabelText('空欄の項目だけ埋める') as HTMLInputElement).checked).toBe(true);
    const before = bridge.calls.filter((c) => c.method === 'imports.preview').length;
    fireEvent.click(screen.getByRole('button', { name: 'もう一度プレビュー' }));
    await waitFor(() => expect(screen.queryByText('取り込みを中止しました。何も書き込まれていません。')).toBeNull());
    expect(bridge.calls.filter((c) => c.method === 'imports.preview').length).toBe(before + 1);
    expect(lastInput(bridge, 'imports.preview')).toMatchObject({ onDuplicate: 'fill' });
  });

  it('applies a saved preset through the preview, and keeps the mapping when a preset does not fit', async () => {
    const bridge = await openImport();
    const presetSelect = () => screen.getByLabelText('プリセットを適用') as HTMLSelectElement;
    const memo = () => screen.getByRole('combobox', { name: '列「取引先メモ」の取り込み先' }) as HTMLSelectElement;
    await waitFor(() => expect(bridge.calls.some((c) => c.method === 'imports.presets')).toBe(true));
    expect(presetSelect().disabled).toBe(true);
    bridge.imports.presets.push({ name: '他社用', mapping: [{ header: 'Company', target: 'companyName' }], updatedAt: '2024-01-01T00:00:00.000Z' });

    fireEvent.change(memo(), { target: { value: 'ignore' } });
    await waitFor(() => expect(lastInput(bridge, 'imports.preview').mapping?.[4]?.target).toBe('ignore'));
    fireEvent.change(screen.getByLabelText('プリセット名'), { target: { value: '展示会用' } });
    fireEvent.click(screen.getByRole('button', { name: 'プリセットを保存' }));
    // The list is read again after saving.
    expect(await within(presetSelect()).findByRole('option', { name: '展示会用' })).toBeTruthy();
    expect(within(presetSelect()).getByRole('option', { name: '他社用' })).toBeTruthy();

    fireEvent.change(memo(), { target: { value: 'custom' } });
    await waitFor(() => expect(lastInput(bridge, 'imports.preview').mapping?.[4]?.target).toBe('custom'));
    fireEvent.change(presetSelect(), { target: { value: '展示会用' } });
    await waitFor(() => expect(memo().value).toBe('ignore'));
    expect(lastInput(bridge, 'imports.preview')).toMatchObject({ preset: '展示会用' });
    expect(lastInput(bridge, 'imports.preview').mapping).toBeUndefined();
    expect(presetSelect().value).toBe('展示会用');

    fireEvent.change(presetSelect(), { target: { value: '他社用' } });
    expect(await screen.findByText('列の対応付けがこのファイルの列と合いません。すべての列を対応付けてください。')).toBeTruthy();
    expect(lastInput(bridge, 'imports.preview')).toMatchObject({ preset: '他社用' });
    expect(memo().value).toBe('ignore');
    expect(presetSelect().value).toBe('展示会用');
  });

  it('commits, shows the report over the lead list, saves rejected rows next to the source, and undoes', async () => {
    const bridge = await openImport();
    fireEvent.change(screen.getByRole('combobox', { name: '列「取引先メモ」の取り込み先' }), { target: { value: 'ignore' } });
    await waitFor(() => expect(lastInput(bridge, 'imports.preview').mapping?.[4]?.target).toBe('ignore'));
    await waitFor(() => expect((screen.getByRole('button', { name: '取り込む' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: '取り込む' }));

    const report = await screen.findByTestId('import-report');
    expect(lastInput(bridge, 'imports.commit').mapping?.[4]).toEqual({ header: '取引先メモ', target: 'ignore' });
    expect(within(report).getByTestId('import-report-created').textContent).toBe('3');
    expect(within(report).getByTestId('import-report-rejected').textContent).toBe('1');
    expect(within(report).getByTestId('import-report-mergedInFile').textContent).toBe('0');
    expect(within(report).getByText('ファイル内の前の行に統合')).toBeTruthy();
    expect(within(report).getByTestId('import-notices').textContent).toBe('7 行目からの 5 行は Salesforce レポートのフッター(レポート名・著作権表示・作成者など)でリードではないため、取り込みから除きました。');
    expect(within(report).getByTestId('import-rejected').textContent).toContain('5 行目');
    await waitFor(() => expect(screen.getByTestId('lead-count').textContent).toBe('3件'));

    fireEvent.click(within(report).getByRole('button', { name: 'エラー行を CSV に保存' }));
    expect(await within(report).findByText('エラー行 1 件を保存しました: /home/rep/リスト/展示会リスト-rejected.csv')).toBeTruthy();

    fireEvent.click(within(report).getByRole('button', { name: '取り消す' }));
    expect(await within(report).findByText('この取り込みを取り消しました(削除 3 件、元に戻した更新 0 件)。')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('lead-count').textContent).toBe('0件'));
    expect((within(report).getByRole('button', { name: '取り消す' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
