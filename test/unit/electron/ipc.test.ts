import type { BrowserWindow as ElectronWindow, IpcMain } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, type ApiEvent } from '../../../shared/api';
import { bindContract, forwardEvents, isTrustedSender, type BackendPort } from '../../../electron/ipc';
import { BrowserWindow, FakeWebContents, ipcMain } from './fake-electron';
import { createTempStore } from '../../helpers/temp-store';

vi.mock('electron', () => import('./fake-electron'));

type Handler = (event: unknown, input: unknown) => Promise<unknown>;

const fakeBackend = () => {
  const listeners = new Set<(event: ApiEvent) => void>();
  const backend = {
    call: vi.fn(async (method: string, input: unknown) => ({ ok: true as const, value: { method, input } })),
    subscribe: vi.fn((listener: (event: ApiEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    emit: (event: ApiEvent) => listeners.forEach((l) => l(event)),
  };
  return backend satisfies BackendPort & { emit: unknown };
};

describe('IPC binding', () => {
  let window: BrowserWindow;
  let backend: ReturnType<typeof fakeBackend>;
  let unbind: () => void;
  const asWindow = (w: BrowserWindow) => w as unknown as ElectronWindow;
  const handler = (method: string): Handler => ipcMain.handlers.get(`bantam:${method}`) as Handler;
  const fromWindow = (url = 'app://bantam/index.html') => {
    window.webContents.mainFrame = { url };
    return { sender: window.webContents, senderFrame: window.webContents.mainFrame };
  };

  beforeEach(() => {
    ipcMain.handlers.clear();
    window = new BrowserWindow({});
    backend = fakeBackend();
    unbind = bindContract(ipcMain as unknown as IpcMain, backend, () => asWindow(window));
  });

  it('registers exactly one channel per contract method', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `bantam:${m}`).sort());
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('answers bad input from the page with a clear error object from the real backend', async () => {
    const store = createTempStore();
    try {
      unbind();
      unbind = bindContract(ipcMain as unknown as IpcMain, store.backend, () => asWindow(window));
      const answer = await handler('leads.list')(fromWindow(), { limit: 'all', offset: -3 });
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', issues: [{ path: 'offset' }, { path: 'limit' }] },
      });
      expect(await handler('leads.list')(fromWindow(), { limit: 1 })).toMatchObject({ ok: true, value: { total: 0, rows: [] } });
    } finally {
      store.cleanup();
    }
  });

  it('passes calls from app://bantam in our window to the backend', async () => {
    const method = METHOD_NAMES[0]!;
    const answer = await handler(method)(fromWindow(), { a: 1 });
    expect(backend.call).toHaveBeenCalledWith(method, { a: 1 });
    expect(answer).toEqual({ ok: true, value: { method, input: { a: 1 } } });
  });

  it.each(['https://evil.test/', 'app://evil/index.html', 'file:///tmp/x.html', 'about:blank', 'not a url'])(
    'answers forbidden to a frame showing %s',
    async (url) => {
      const answer = await handler(METHOD_NAMES[0]!)(fromWindow(url), {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(backend.call).not.toHaveBeenCalled();
    },
  );

  it('answers forbidden without a sender frame, from a subframe, or from another window', async () => {
    const method = METHOD_NAMES[0]!;
    const other = new FakeWebContents();
    const cases = [
      { sender: window.webContents, senderFrame: null },
      { sender: window.webContents, senderFrame: { url: 'app://bantam/index.html' } },
      { sender: other, senderFrame: other.mainFrame },
    ];
    for (const event of cases) {
      expect(await handler(method)(event, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(backend.call).not.toHaveBeenCalled();
  });

  it('answers forbidden once the window is gone', async () => {
    const event = fromWindow();
    window.destroyed = true;
    expect(await handler(METHOD_NAMES[0]!)(event, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(isTrustedSender(event as never, undefined)).toBe(false);
  });

  it('forwards backend events on the fixed event channel', () => {
    const stop = forwardEvents(backend, () => asWindow(window));
    const event: ApiEvent = { name: 'leads.changed', payload: { reason: 'created' } };
    backend.emit(event);
    expect(window.webContents.send).toHaveBeenCalledWith('bantam:event', event);
    stop();
    backend.emit(event);
    expect(window.webContents.send).toHaveBeenCalledTimes(1);
  });
});
