import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FunnelInput } from '../../shared/api/reports';
import { createFakeBridge, type FakeBridge } from './fake-bridge';
import { renderApp, useFakeLayout } from './render-app';

useFakeLayout();

// Friday 2026-11-20, 10:00 in Japan: only the clock is faked, timers run as usual.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-20T10:00:00+09:00'));
});
afterEach(() => vi.useRealTimers());

const funnelCalls = (bridge: FakeBridge): FunnelInput[] => bridge.calls.filter((c) => c.method === 'reports.funnel').map((c) => c.input as FunnelInput);

const openReports = async (leads = 3): Promise<FakeBridge> => {
  const bridge = createFakeBridge(leads);
  await renderApp(bridge, 'reports');
  await screen.findByRole('heading', { name: 'ファネルレポート', level: 1 });
  await screen.findByTestId('funnel-table');
  return bridge;
};

const cell = (metric: string, column: number): string | null | undefined =>
  screen.getByTestId('funnel-table').querySelector(`tr[data-metric="${metric}"]`)?.querySelectorAll('td')[column]?.textContent;

describe('funnel report view', () => {
  it('opens on the last four weeks (JST) for everyone, with both charts and the numbers beside them', async () => {
    const bridge = await openReports();
    expect(funnelCalls(bridge)).toEqual([{ from: '2026-10-24', to: '2026-11-20', groupBy: 'none' }]);
    // The fake answers 10 MQL per lead: the funnel's widest bar is MQL, each narrower than the last.
    const widths = ['mql', 'tql', 'sal', 'sql'].map((s) => Number(screen.getByTestId(`funnel-bar-${s}`).getAttribute('width')));
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    expect(widths[1]).toBeGreaterThan(widths[2]!);
    expect(within(screen.getByTestId('funnel-chart')).getByText('30')).toBeTruthy();
    expect(within(screen.getByTestId('funnel-chart')).getByText('↓ 40.0% (TQL)')).toBeTruthy();
    // Weeks from Monday 10-19 to Monday 11-16: five points per stage.
    expect(screen.getByTestId('trend-mql').querySelectorAll('circle')).toHaveLength(5);
    expect(within(screen.getByTestId('trend-chart')).getByText('10/19')).toBeTruthy();
    expect(cell('reached-mql', 0)).toBe('30');
    expect(cell('mqlToTql', 0)).toBe('40.0%');
    // The fake answers one TQL by override per lead, a quarter of its TQLs.
    expect(within(screen.getByTestId('funnel-table')).getByRole('rowheader', { name: '例外TQL(定義未達)' })).toBeTruthy();
    expect(cell('tqlOverrides', 0)).toBe('3');
    expect(cell('tqlOverrideShare', 0)).toBe('25.0%');
    expect(cell('speedToLead', 0)).toBe('45分');
    expect(cell('callsPerTql', 0)).toBe('3.0');
    expect(cell('slaRate', 0)).toBe('75.0%');
    expect(cell('slaDetail', 0)).toBe('9 / 3 / 0 / 1');
    expect(cell('rejections-definitional', 0)).toBe('3');
    const rejections = screen.getByTestId('report-rejections');
    expect(within(rejections).getByText('決裁に関与しない相手: 3件')).toBeTruthy();
  });

  it('asks again for each preset, a custom period, a breakdown and filters', async () => {
    const bridge = await openReports();
    fireEvent.click(screen.getByLabelText('今週'));
    await waitFor(() => expect(funnelCalls(bridge).at(-1)).toEqual({ from: '2026-11-16', to: '2026-11-20', groupBy: 'none' }));
    fireEvent.click(screen.getByLabelText('今四半期'));
    await waitFor(() => expect(funnelCalls(bridge).at(-1)).toEqual({ from: '2026-10-01', to: '2026-11-20', groupBy: 'none' }));
    fireEvent.change(screen.getByLabelText('開始日'), { target: { value: '2026-04-01' } });
    await waitFor(() => expect(funnelCalls(bridge).at(-1)).toEqual({ from: '2026-04-01', to: '2026-11-20', groupBy: 'none' }));
    expect((screen.getByLabelText('期間を指定') as HTMLInputElement).checked).toBe(true);
    fireEvent.change(screen.getByLabelText('内訳'), { target: { value: 'owner' } });
    await waitFor(() => expect(funnelCalls(bridge).at(-1)).toMatchObject({ groupBy: 'owner' }));
    const table = await screen.findByTestId('funnel-table');
    await waitFor(() => expect(within(table).getByRole('columnheader', { name: '佐藤' })).toBeTruthy());
    fireEvent.change(await screen.findByLabelText('流入元'), { target: { value: '展示会' } });
    await waitFor(() => expect(funnelCalls(bridge).at(-1)).toEqual({ from: '2026-04-01', to: '2026-11-20', groupBy: 'owner', source: '展示会' }));
  });

  it('asks for nothing while the custom period is backwards', async () => {
    const bridge = await openReports();
    const before = funnelCalls(bridge).length;
    fireEvent.change(screen.getByLabelText('開始日'), { target: { value: '2026-12-01' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(funnelCalls(bridge)).toHaveLength(before);
    expect((screen.getByRole('button', { name: 'CSVで書き出す…' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('writes the report as CSV to the file the host picked and hands it over', async () => {
    const bridge = await openReports();
    fireEvent.click(screen.getByRole('button', { name: 'CSVで書き出す…' }));
    const done = await screen.findByTestId('report-csv-done');
    expect(bridge.calls.find((c) => c.method === 'pickExportFile')?.input).toBe('bantam-funnel-2026-10-24_2026-11-20.csv');
    expect(bridge.calls.find((c) => c.method === 'reports.funnelCsv')?.input).toEqual({
      report: { from: '2026-10-24', to: '2026-11-20', groupBy: 'none' },
      path: '/home/lead/エクスポート.csv',
      overwrite: true,
    });
    expect(bridge.exports.delivered).toEqual([{ path: '/home/lead/エクスポート.csv', name: 'エクスポート.csv' }]);
    expect(done.textContent).toBe('エクスポート.csv に書き出しました(8行)。');
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const bridge = await openReports();
    bridge.exports.nextPick = null;
    fireEvent.click(screen.getByRole('button', { name: 'CSVで書き出す…' }));
    await waitFor(() => expect(bridge.calls.some((c) => c.method === 'pickExportFile')).toBe(true));
    expect(bridge.calls.some((c) => c.method === 'reports.funnelCsv')).toBe(false);
  });

  it('says why when the report cannot be computed', async () => {
    const bridge = createFakeBridge(3);
    bridge.failNext.set('reports.funnel', { code: 'store_unavailable', message: 'The store is locked.' });
    await renderApp(bridge, 'reports');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('レポートを集計できませんでした。');
  });
});
