import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeBridge, type FakeBridge } from './fake-bridge';
import { FAKE_NOW, fakeCallsOf } from './fake-calls';
import { renderApp, useFakeLayout } from './render-app';

useFakeLayout();

const minutes = (n: number): string => new Date(Date.parse(FAKE_NOW) + n * 60_000).toISOString();

// Three callable leads of the rep: a missed callback, a hot new inquiry, a lead with a callback later today.
const queueBridge = (): FakeBridge => {
  const bridge = createFakeBridge(12);
  const leads = bridge.leads.filter((l) => l.stage === 'lead' || l.stage === 'mql');
  const [missed, hot, later, stale] = leads;
  if (!missed || !hot || !later || !stale) throw new Error('the fake needs four callable leads');
  Object.assign(missed, { companyName: '株式会社折返', temperature: 'warm', callCount: 2 });
  Object.assign(hot, { companyName: '株式会社問合せ', source: 'お問い合わせ', temperature: 'warm', callCount: 0, createdAt: minutes(-30) });
  Object.assign(later, { companyName: '株式会社あとで', callCount: 1 });
  Object.assign(stale, { companyName: '株式会社放置', temperature: 'hot', callCount: 0, createdAt: minutes(-3 * 24 * 60) });
  const state = fakeCallsOf(bridge);
  state.callbacks.push(
    { id: 'cb-1', leadId: missed.id, companyName: missed.companyName, personName: '山田 太郎', dueAt: minutes(-30), note: null, status: 'open', missed: true, createdAt: minutes(-600) },
    { id: 'cb-2', leadId: later.id, companyName: later.companyName, personName: '山田 太郎', dueAt: minutes(120), note: null, status: 'open', missed: false, createdAt: minutes(-600) },
  );
  return bridge;
};

describe('queue screen', () => {
  it('lists who to call next with the reason in Japanese, missed callbacks in red, and the held-back leads', async () => {
    await renderApp(queueBridge(), 'queue');
    const list = await screen.findByRole('list', { name: /今かけるリード/ });
    const rows = within(list).getAllByRole('button');
    expect(rows[0]?.textContent).toContain('株式会社折返');
    expect(rows[1]?.textContent).toContain('株式会社問合せ');
    const missed = within(rows[0]!).getByText(/折り返し期限切れ: 09:30 の約束から30分経過/);
    expect(missed.className).toContain('queue-why-urgent');
    expect(within(rows[1]!).getByText('新規の問い合わせ: 到着から30分(目標 24時間以内)').className).not.toContain('urgent');
    expect(screen.getByText('期限切れの折り返し 1件')).toBeTruthy();
    const staleRow = within(list).getByRole('button', { name: '株式会社放置 を開く' });
    expect(within(staleRow).getByText('新規の問い合わせ: 到着から3日 — 目標 24時間を超過').className).toContain('queue-why-urgent');

    const held = screen.getByText(/^保留中 \d+件$/);
    fireEvent.click(held);
    const heldRow = screen.getByText('株式会社あとで').closest('li')!;
    expect(heldRow.textContent).toContain('折り返しは 12:00 の予定');
  });

  it('shows the reasons and the day in English', async () => {
    const bridge = queueBridge();
    bridge.preferences = { language: 'en', userName: '佐藤', role: 'rep' };
    await renderApp(bridge, 'queue');
    expect(await screen.findByText('Missed callback: promised for 09:30, 30 min ago')).toBeTruthy();
    expect(screen.getByText('New inquiry: arrived 30 min ago (target: within 24 h)')).toBeTruthy();
    const day = screen.getByLabelText('Your day');
    expect(within(day).getByText('Connect rate')).toBeTruthy();
    expect(within(day).getByText('Callbacks due').nextSibling?.textContent).toBe('1');
  });

  it('opens the first lead with N and filters by temperature', async () => {
    const bridge = queueBridge();
    await renderApp(bridge, 'queue');
    await screen.findByText(/折り返し期限切れ/);
    fireEvent.change(screen.getByLabelText('温度感'), { target: { value: 'hot' } });
    await waitFor(() => expect(bridge.calls.some((c) => c.method === 'queue.get' && (c.input as { temperature?: string }).temperature === 'hot')).toBe(true));
    fireEvent.change(screen.getByLabelText('温度感'), { target: { value: '' } });
    await screen.findByText(/折り返し期限切れ/);
    fireEvent.keyDown(document.body, { key: 'n' });
    expect(await screen.findByRole('heading', { level: 1, name: '株式会社折返' })).toBeTruthy();
    expect(screen.getByText(/折り返し期限切れ/).closest('section')?.textContent).toContain('このリードの理由');
  });

  it('shows a due callback as a banner that opens the lead', async () => {
    const bridge = queueBridge();
    await renderApp(bridge, 'settings');
    const lead = bridge.leads.find((l) => l.companyName === '株式会社あとで')!;
    bridge.emit({
      name: 'callback.due',
      payload: { id: 'cb-2', leadId: lead.id, companyName: lead.companyName, personName: '山田 太郎', dueAt: FAKE_NOW, note: null, status: 'open', missed: false, createdAt: FAKE_NOW },
    });
    const banner = await screen.findByText('折り返しの時間です: 株式会社あとで 山田 太郎');
    fireEvent.click(within(banner.parentElement!).getByRole('button', { name: '開く' }));
    expect(await screen.findByRole('heading', { level: 1, name: '株式会社あとで' })).toBeTruthy();
    expect(screen.queryByText('折り返しの時間です: 株式会社あとで 山田 太郎')).toBeNull();
  });

  it('picks a call left running back up from the held section, timer and all', async () => {
    const bridge = queueBridge();
    const lead = bridge.leads.find((l) => l.companyName === '株式会社問合せ')!;
    fakeCallsOf(bridge).active.push({ id: 'call-9', leadId: lead.id, phoneNumber: lead.phone, startedAt: minutes(-3) });
    await renderApp(bridge, 'queue');
    fireEvent.click(await screen.findByText(/^保留中 \d+件$/));
    const row = screen.getByText('このパソコンで通話中').closest('li')!;
    fireEvent.click(within(row).getByRole('button', { name: '通話に戻る' }));
    expect(await screen.findByRole('heading', { level: 1, name: '株式会社問合せ' })).toBeTruthy();
    expect(await screen.findByText('通話中')).toBeTruthy();
  });

  describe('browser notifications', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
      localStorage.clear();
    });

    const stubNotification = (permission: NotificationPermission) => {
      const shown: { title: string; body?: string; onclick: (() => void) | null }[] = [];
      const requestPermission = vi.fn(async () => 'granted' as NotificationPermission);
      class FakeNotification {
        static permission = permission;
        static requestPermission = requestPermission;
        onclick: (() => void) | null = null;
        constructor(title: string, options?: NotificationOptions) {
          shown.push(Object.assign(this, { title, body: options?.body }));
        }
        close() {}
      }
      vi.stubGlobal('Notification', FakeNotification);
      return { shown, requestPermission };
    };

    it('asks for permission once, only when the rep chooses to', async () => {
      const { requestPermission } = stubNotification('default');
      const first = await renderApp(queueBridge(), 'queue');
      fireEvent.click(await screen.findByRole('button', { name: 'デスクトップ通知を有効にする' }));
      expect(requestPermission).toHaveBeenCalledTimes(1);
      expect(screen.queryByRole('button', { name: 'デスクトップ通知を有効にする' })).toBeNull();
      first.unmount();
      await renderApp(queueBridge(), 'queue');
      await screen.findByRole('list', { name: /今かけるリード/ });
      expect(screen.queryByRole('button', { name: 'デスクトップ通知を有効にする' })).toBeNull();
    });

    it('shows a notification for a due callback when allowed, and clicking it opens the lead', async () => {
      const { shown } = stubNotification('granted');
      const bridge = queueBridge();
      await renderApp(bridge, 'settings');
      const lead = bridge.leads.find((l) => l.companyName === '株式会社あとで')!;
      bridge.emit({
        name: 'callback.due',
        payload: { id: 'cb-2', leadId: lead.id, companyName: lead.companyName, personName: '山田 太郎', dueAt: FAKE_NOW, note: null, status: 'open', missed: false, createdAt: FAKE_NOW },
      });
      await waitFor(() => expect(shown).toHaveLength(1));
      expect(shown[0]).toMatchObject({ title: '折り返しの時間です', body: '株式会社あとで 山田 太郎' });
      shown[0]!.onclick?.();
      expect(await screen.findByRole('heading', { level: 1, name: '株式会社あとで' })).toBeTruthy();
    });

    it('leaves notifying to the host where the browser permission is denied', async () => {
      const { shown, requestPermission } = stubNotification('denied');
      const bridge = queueBridge();
      await renderApp(bridge, 'queue');
      await screen.findByRole('list', { name: /今かけるリード/ });
      expect(screen.queryByRole('button', { name: 'デスクトップ通知を有効にする' })).toBeNull();
      const lead = bridge.leads[0]!;
      bridge.emit({
        name: 'callback.due',
        payload: { id: 'cb-9', leadId: lead.id, companyName: lead.companyName, personName: '', dueAt: FAKE_NOW, note: null, status: 'open', missed: false, createdAt: FAKE_NOW },
      });
      expect(await screen.findByText(`折り返しの時間です: ${lead.companyName}`, { exact: false })).toBeTruthy();
      expect(shown).toHaveLength(0);
      expect(requestPermission).not.toHaveBeenCalled();
    });
  });
});
