import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ExportRunInput } from '../../shared/api/exports';
import { createFakeBridge } from './fake-bridge';
import { renderApp, useFakeLayout } from './render-app';

useFakeLayout();

const lastRun = (bridge: ReturnType<typeof createFakeBridge>): ExportRunInput =>
  bridge.calls.filter((c) => c.method === 'exports.run').at(-1)?.input as ExportRunInput;

const openExport = async () => {
  const bridge = createFakeBridge(3);
  await renderApp(bridge, 'leads');
  fireEvent.click(await screen.findByRole('button', { name: 'エクスポート' }));
  await screen.findByRole('heading', { name: 'エクスポート', level: 1 });
  await screen.findByRole('button', { name: '書き出す…' });
  return bridge;
};

describe('export view', () => {
  it('exports qualified leads by default to the file the host picked, and shows it in the log', async () => {
    const bridge = await openExport();
    const stages = screen.getAllByRole('checkbox').filter((box) => (box as HTMLInputElement).checked);
    expect(stages.map((box) => box.parentElement?.textContent?.trim())).toEqual(['TQL', 'SAL', 'SQL']);
    fireEvent.click(screen.getByRole('button', { name: '書き出す…' }));
    await screen.findByTestId('export-done');
    expect(bridge.calls.find((c) => c.method === 'pickExportFile')?.input).toMatch(/^bantam-export-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(lastRun(bridge)).toMatchObject({
      path: '/home/lead/エクスポート.csv',
      overwrite: true,
      format: 'csv',
      encoding: 'utf8-bom',
      filter: { stages: ['tql', 'sal', 'sql'], dateField: 'stageChangedAt' },
    });
    expect(lastRun(bridge).columns?.slice(0, 2)).toEqual(['companyName', 'department']);
    expect(bridge.exports.delivered).toEqual([{ path: '/home/lead/エクスポート.csv', name: 'エクスポート.csv' }]);
    expect(screen.getByTestId('export-done').textContent).toBe('2件を エクスポート.csv に書き出しました。');
    const log = await screen.findByTestId('export-log');
    expect(within(log).getByText('エクスポート.csv')).toBeTruthy();
    expect(within(log).getByText('田中')).toBeTruthy();
  });

  it('sends the chosen columns in the chosen order, the period and the XLSX format', async () => {
    const bridge = await openExport();
    fireEvent.click(screen.getByRole('button', { name: '追加: 従業員数' }));
    fireEvent.click(screen.getByRole('button', { name: '上へ: 従業員数' }));
    fireEvent.click(screen.getByRole('button', { name: '外す: 会社名' }));
    fireEvent.change(screen.getByLabelText('開始日'), { target: { value: '2026-04-01' } });
    fireEvent.change(screen.getByLabelText('終了日'), { target: { value: '2026-06-30' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Excel(XLSX)' }));
    expect(screen.queryByLabelText('文字コード')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '書き出す…' }));
    await screen.findByTestId('export-done');
    const input = lastRun(bridge);
    expect(input.format).toBe('xlsx');
    expect(input.filter).toMatchObject({ from: '2026-04-01', to: '2026-06-30' });
    expect(input.columns?.at(-2)).toBe('employeeCount');
    expect(input.columns).not.toContain('companyName');
    expect(bridge.calls.find((c) => c.method === 'pickExportFile')?.input).toMatch(/\.xlsx$/);
  });

  it('a preset replaces the column chooser with its own headers', async () => {
    const bridge = await openExport();
    fireEvent.change(screen.getByLabelText('プリセット'), { target: { value: 'hubspot' } });
    expect(screen.getByTestId('export-preset-columns').textContent).toBe('Company Name, Email');
    fireEvent.click(screen.getByRole('button', { name: '書き出す…' }));
    await screen.findByTestId('export-done');
    expect(lastRun(bridge)).toMatchObject({ preset: 'hubspot' });
    expect(lastRun(bridge).columns).toBeUndefined();
  });

  it('lists the characters Shift_JIS cannot hold and re-exports in UTF-8 on request', async () => {
    const bridge = await openExport();
    fireEvent.change(screen.getByLabelText('文字コード'), { target: { value: 'cp932' } });
    bridge.exports.nextOutcome = { kind: 'unrepresentable', total: 1, problems: [{ row: 2, column: '会社名', character: '𠮷', codePoint: 'U+20BB7' }] };
    fireEvent.click(screen.getByRole('button', { name: '書き出す…' }));
    const report = await screen.findByTestId('export-cp932');
    expect(lastRun(bridge).encoding).toBe('cp932');
    expect(within(report).getByText('Shift_JIS(CP932)で表せない文字が1個あります。ファイルは作られていません。')).toBeTruthy();
    const cells = within(report).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['2', '会社名', '𠮷 U+20BB7']);
    expect(bridge.exports.delivered).toEqual([]);
    fireEvent.click(within(report).getByRole('button', { name: 'UTF-8(BOM付き)で書き出す' }));
    await screen.findByTestId('export-done');
    expect(lastRun(bridge).encoding).toBe('utf8-bom');
  });

  it('does nothing when the save dialog is cancelled', async () => {
    const bridge = await openExport();
    bridge.exports.nextPick = null;
    fireEvent.click(screen.getByRole('button', { name: '書き出す…' }));
    await waitFor(() => expect(bridge.calls.some((c) => c.method === 'pickExportFile')).toBe(true));
    expect(bridge.calls.some((c) => c.method === 'exports.run')).toBe(false);
    expect(screen.queryByTestId('export-done')).toBeNull();
  });

  it('shows the export log in settings', async () => {
    const bridge = createFakeBridge(1);
    bridge.exports.log.push({
      id: 'e1', actor: '佐藤', startedAt: '2026-11-19T01:00:00.000Z', finishedAt: '2026-11-19T01:00:01.000Z',
      filter: { stages: ['tql'], dateField: 'createdAt', from: '2026-11-01' }, columns: ['companyName'], preset: null,
      format: 'csv', encoding: 'cp932', rowCount: 1234, fileName: '11月TQL.csv',
    });
    await renderApp(bridge, 'settings');
    const log = await screen.findByTestId('export-log');
    expect(within(log).getByText('11月TQL.csv')).toBeTruthy();
    expect(within(log).getByText('1,234')).toBeTruthy();
    expect(within(log).getByText('CSV (Shift_JIS(CP932))')).toBeTruthy();
    expect(within(log).getByText('TQL / 2026-11-01〜')).toBeTruthy();
  });
});
