import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiEvent } from '../../../shared/api';
import { ja } from '../../../shared/i18n/ja';

vi.mock('electron', () => import('./fake-electron'));

// The backend is replaced: these tests are about the host's wiring, not the store.
const state = vi.hoisted(() => ({
  createBackend: (() => undefined) as (options: unknown) => unknown,
  errors: undefined as undefined | typeof import('../../../electron/backend/errors'),
}));
vi.mock('../../../electron/backend', () => ({ createBackend: (options: unknown) => state.createBackend(options) }));

const flush = () => new Promise((resolve) => setTimeout(resolve, 10));

const fakeBackend = () => {
  const listeners = new Set<(event: ApiEvent) => void>();
  return {
    call: vi.fn(async () => ({ ok: true, value: null })),
    subscribe: (listener: (event: ApiEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (event: ApiEvent) => listeners.forEach((l) => l(event)),
    preferences: { get: () => ({ language: 'en', userName: '', role: 'rep' }), getWindow: () => undefined, setWindow: vi.fn() },
    close: vi.fn(),
  };
};

type FakeElectron = typeof import('./fake-electron');

// The 'electron' the host sees, which is the fake (module caches are reset between boots).
const electronSeenByMain = async (): Promise<FakeElectron> => (await import('electron')) as unknown as FakeElectron;

const reset = async (): Promise<FakeElectron> => {
  vi.resetModules();
  vi.clearAllMocks();
  // Loaded after the reset so main.ts sees the same BantamError class the test throws.
  state.errors = await import('../../../electron/backend/errors');
  const electron = await electronSeenByMain();
  electron.BrowserWindow.instances.length = 0;
  electron.app.listeners.clear();
  electron.ipcMain.handlers.clear();
  electron.app.requestSingleInstanceLock.mockReturnValue(true);
  return electron;
};

const boot = async () => {
  const electron = await reset();
  await import('../../../electron/main');
  await flush();
  return electron;
};

describe('main host bootstrap', () => {
  beforeEach(() => {
    state.createBackend = () => fakeBackend();
  });

  it('registers the scheme, hardening and single-instance lock before ready', async () => {
    const { app, protocol } = await boot();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app' })]);
    expect(app.listeners.get('web-contents-created')).toHaveLength(1);
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(app.setName).toHaveBeenCalledWith('Bantam');
  });

  it('opens the store, serves the renderer and loads app://bantam', async () => {
    let options: Record<string, unknown> = {};
    state.createBackend = (o) => {
      options = o as Record<string, unknown>;
      return fakeBackend();
    };
    const { BrowserWindow, ipcMain, protocol, session, Menu } = await boot();
    expect(options.dbPath).toMatch(/bantam\.db$/);
    expect(options.nativeBinding).toMatch(/better_sqlite3\.node$/);
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(ipcMain.handlers.size).toBeGreaterThan(0);
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
    const window = BrowserWindow.instances.at(-1)!;
    expect(window.loadURL).toHaveBeenCalledWith('app://bantam/index.html');
  });

  it('focuses the window when a second instance starts', async () => {
    const { app, BrowserWindow } = await boot();
    app.emit('second-instance');
    expect(BrowserWindow.instances.at(-1)!.focus).toHaveBeenCalled();
  });

  it('rebuilds the menu when the language changes', async () => {
    const backend = fakeBackend();
    state.createBackend = () => backend;
    const { Menu } = await boot();
    Menu.setApplicationMenu.mockClear();
    backend.emit({ name: 'settings.changed', payload: { language: 'ja', userName: '', role: 'rep' } });
    await flush();
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
  });

  it('shows the store error in Japanese and quits without opening a window', async () => {
    state.createBackend = () => {
      throw new state.errors!.BantamError('store_unavailable', 'The store file is damaged. It was left untouched.', {
        messageKey: 'errors.store.corrupt',
      });
    };
    const { app, dialog, BrowserWindow, protocol } = await boot();
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Bantam', ja.errors.store.corrupt);
    expect(app.quit).toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(protocol.handle).not.toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock', async () => {
    const electron = await reset();
    electron.app.requestSingleInstanceLock.mockReturnValue(false);
    await import('../../../electron/main');
    await flush();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
  });
});
