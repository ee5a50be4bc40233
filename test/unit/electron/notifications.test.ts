import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiEvent } from '../../../shared/api';
import type { Callback } from '../../../shared/api/calls';
import type { Language } from '../../../shared/api/settings';

// Electron's Notification, recorded: the shared fake module has none, so it is added here.
const shown = vi.hoisted(() => ({ list: [] as { options: { title: string; body: string }; handlers: Map<string, () => void>; show: () => void }[], supported: true }));
vi.mock('electron', async () => {
  const fake = await import('./fake-electron');
  class Notification {
    static isSupported = () => shown.supported;
    readonly handlers = new Map<string, () => void>();
    readonly show = vi.fn();
    constructor(readonly options: { title: string; body: string }) {
      shown.list.push(this);
    }
    on(event: string, handler: () => void): this {
      this.handlers.set(event, handler);
      return this;
    }
  }
  return { ...fake, Notification };
});

const { BrowserWindow } = await import('./fake-electron');
const { notifyCallbacks } = await import('../../../electron/notifications');

const callback: Callback = {
  id: 'cb1',
  leadId: 'l1',
  companyName: '株式会社テスト商事',
  personName: '山田 太郎',
  dueAt: '2026-11-24T02:00:00.000Z',
  note: null,
  status: 'open',
  missed: false,
  createdAt: '2026-11-24T01:00:00.000Z',
};

const source = (language: Language) => {
  const listeners = new Set<(event: ApiEvent) => void>();
  return {
    subscribe: (listener: (event: ApiEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    preferences: { get: () => ({ language }) },
    emit: (event: ApiEvent) => listeners.forEach((l) => l(event)),
    listeners,
  };
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('callback notifications', () => {
  afterEach(() => {
    shown.list.length = 0;
    shown.supported = true;
  });

  it('shows one in the user language when a callback falls due, and clicking it brings the window forward', async () => {
    const backend = source('ja');
    const window = new BrowserWindow({});
    const stop = notifyCallbacks(backend, () => window as never);
    backend.emit({ name: 'queue.changed', payload: { reason: 'call' } });
    backend.emit({ name: 'callback.due', payload: callback });
    await settle();
    expect(shown.list.map((n) => n.options)).toEqual([{ title: '折り返しの時間です', body: '株式会社テスト商事 山田 太郎' }]);
    expect(shown.list[0]!.show).toHaveBeenCalledOnce();
    shown.list[0]!.handlers.get('click')!();
    expect(window.show).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
    stop();
    expect(backend.listeners.size).toBe(0);
  });

  it('speaks English when the user chose it, and shows nothing where the system has no notifications', async () => {
    const backend = source('en');
    notifyCallbacks(backend, () => undefined);
    backend.emit({ name: 'callback.due', payload: callback });
    await settle();
    expect(shown.list.map((n) => n.options.title)).toEqual(['Callback due']);
    shown.list[0]!.handlers.get('click')!();
    shown.supported = false;
    backend.emit({ name: 'callback.due', payload: callback });
    await settle();
    expect(shown.list).toHaveLength(1);
  });
});
