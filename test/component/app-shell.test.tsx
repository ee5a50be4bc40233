import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBridge } from './fake-bridge';
import { renderApp, useFakeLayout } from './render-app';

useFakeLayout();

describe('app shell', () => {
  it('shows the Japanese navigation by default with the lead list current', async () => {
    await renderApp(createFakeBridge(5));
    const nav = screen.getByRole('navigation', { name: 'メインメニュー' });
    for (const label of ['コールキュー', 'リード', '引き継ぎ', 'レポート', '設定']) {
      expect(within(nav).getByRole('button', { name: label })).toBeTruthy();
    }
    expect(within(nav).getByRole('button', { name: 'リード' }).getAttribute('aria-current')).toBe('page');
    await waitFor(() => expect(document.documentElement.lang).toBe('ja'));
  });

  it("opens where the user's role starts: the call queue for a rep, the handoff inbox for field sales, the lead list for a team lead", async () => {
    const rep = await renderApp(createFakeBridge(5), 'home');
    expect(await screen.findByRole('heading', { name: 'コールキュー' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'コールキュー' }).getAttribute('aria-current')).toBe('page');
    rep.unmount();
    const bridge = createFakeBridge(5);
    const sales = createFakeBridge(5);
    sales.preferences = { ...sales.preferences, role: 'field_sales' };
    const salesView = await renderApp(sales, 'home');
    expect(await screen.findByRole('heading', { name: '引き継ぎの受信箱' })).toBeTruthy();
    salesView.unmount();
    bridge.preferences = { ...bridge.preferences, role: 'team_lead' };
    await renderApp(bridge, 'home');
    expect(await screen.findByRole('table', { name: 'リード一覧' })).toBeTruthy();
  });

  it('shows store path, lead count, pending ops and the demo badge in the status bar', async () => {
    await renderApp(createFakeBridge(12, { demo: true }));
    const status = screen.getByRole('contentinfo');
    await waitFor(() => expect(within(status).getByText('リード 12件')).toBeTruthy());
    expect(within(status).getByText('デモデータ')).toBeTruthy();
    expect(within(status).getByText('未同期 3件')).toBeTruthy();
    expect(status.textContent).toContain('/home/rep/.local/share/bantam/bantam.db');
  });

  it('switches views from the navigation', async () => {
    await renderApp(createFakeBridge(1));
    fireEvent.click(screen.getByRole('button', { name: 'コールキュー' }));
    expect(await screen.findByRole('heading', { name: 'コールキュー' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'コールキュー' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByRole('button', { name: 'リード' }));
    expect(await screen.findByRole('table', { name: 'リード一覧' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'レポート' }));
    expect(await screen.findByRole('heading', { name: 'ファネルレポート', level: 1 })).toBeTruthy();
  });

  it('shows a failed backend call as a catalog message in a dismissible banner', async () => {
    const bridge = createFakeBridge(3);
    bridge.failNext.set('store.info', { code: 'store_unavailable', message: 'locked', messageKey: 'errors.store.locked' });
    await renderApp(bridge);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('データファイルが別のプログラムで使用中です。');
    fireEvent.click(within(alert).getByRole('button', { name: '閉じる' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('falls back to the catalog text for the code when the messageKey is unknown', async () => {
    const bridge = createFakeBridge(3);
    bridge.failNext.set('store.info', { code: 'internal', message: 'boom', messageKey: 'errors.nope.missing' });
    await renderApp(bridge);
    expect((await screen.findByRole('alert')).textContent).toContain('予期しないエラーが発生しました。');
  });

  it('refreshes the store info when the backend says the store changed', async () => {
    const bridge = createFakeBridge(2);
    await renderApp(bridge);
    await screen.findByText('リード 2件');
    bridge.emit({
      name: 'store.changed',
      payload: { path: '/tmp/other.db', demo: false, leadCount: 9, schemaVersion: 1, deviceId: 'd', pendingOps: 0 },
    });
    expect(await screen.findByText('リード 9件')).toBeTruthy();
  });
});
