import type { BrowserWindow as ElectronWindow } from 'electron';
import { beforeEach, expect, it } from 'vitest';
import { BrowserWindow, ipcMain } from './fake-electron';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

// A host channel (a dialog, the PDF printer) bound to a fresh fake window before each test, as
// main.ts binds it, with the checks every such channel shares. The test file mocks 'electron'.
export const useHostChannel = (channel: string, bind: (getWindow: () => ElectronWindow) => () => void) => {
  let window = new BrowserWindow({});
  let unbind = (): void => {};
  beforeEach(() => {
    ipcMain.handlers.clear();
    window = new BrowserWindow({});
    unbind = bind(() => window as unknown as ElectronWindow);
  });
  const handler = (): Handler => ipcMain.handlers.get(channel) as Handler;

  it('registers one fixed channel and removes it again', () => {
    expect([...ipcMain.handlers.keys()]).toEqual([channel]);
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
  });

  return {
    window: (): BrowserWindow => window,
    // Calls the channel as the page at `url` in the Bantam window would.
    call: (args: unknown[] = [], url = 'app://bantam/index.html'): Promise<unknown> => {
      window.webContents.mainFrame = { url };
      return handler()({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, ...args);
    },
    // Calls it from another window's page.
    callFrom: (other: BrowserWindow, args: unknown[] = []): Promise<unknown> =>
      handler()({ sender: other.webContents, senderFrame: other.webContents.mainFrame }, ...args),
  };
};
