import { beforeAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, type ApiEvent } from '../../../shared/api';
import { contextBridge, ipcRenderer } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

describe('preload bridge', () => {
  let bridge: Record<string, unknown>;
  beforeAll(async () => {
    await import('../../../electron/preload');
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, value] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(key).toBe('bantam');
    bridge = value;
  });

  it('exposes exactly the contract methods plus the host capabilities, all functions', () => {
    expect(Object.keys(bridge).sort()).toEqual([...METHOD_NAMES, 'onEvent', 'pickImportFile', 'pickExportFile', 'deliverExportFile', 'savePagePdf'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('ipcRenderer');
  });

  it('invokes each method on its own channel', async () => {
    for (const name of METHOD_NAMES) {
      ipcRenderer.invoke.mockClear();
      const call = bridge[name] as (input: unknown) => Promise<unknown>;
      await call({ x: name });
      expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(`bantam:${name}`, { x: name });
    }
  });

  it('asks the main process for an import file on its fixed channel, passing nothing from the page', async () => {
    ipcRenderer.invoke.mockClear();
    const pick = bridge.pickImportFile as (...args: unknown[]) => Promise<unknown>;
    await pick({ path: '/etc/passwd' });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('bantam:pickImportFile');
  });

  it('asks for a page PDF on its fixed channel with the suggested name as text only', async () => {
    ipcRenderer.invoke.mockClear();
    const save = bridge.savePagePdf as (...args: unknown[]) => Promise<unknown>;
    await save({ toString: () => '引き継ぎシート.pdf' });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('bantam:savePagePdf', '引き継ぎシート.pdf');
  });

  it('subscribes to the event channel and unsubscribes the same listener', () => {
    const listener = vi.fn();
    const onEvent = bridge.onEvent as (l: (e: ApiEvent) => void) => () => void;
    const unsubscribe = onEvent(listener);
    const [channel, relay] = ipcRenderer.on.mock.calls[0] as [string, (e: unknown, p: ApiEvent) => void];
    expect(channel).toBe('bantam:event');
    const event: ApiEvent = { name: 'leads.changed', payload: { reason: 'bulk' } };
    relay({ sender: 'hidden' }, event);
    // The page gets the payload only, never Electron's event object.
    expect(listener).toHaveBeenCalledExactlyOnceWith(event);
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('bantam:event', relay);
  });
});
