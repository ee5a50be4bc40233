import type { BrowserWindow as ElectronWindow, Dialog, IpcMain } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bindFileDialog, PICK_IMPORT_FILE_CHANNEL } from '../../../electron/file-dialog';
import { BrowserWindow, dialog, ipcMain } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

type Handler = (event: unknown) => Promise<unknown>;

describe('import file dialog', () => {
  let window: BrowserWindow;
  let unbind: () => void;
  const handler = (): Handler => ipcMain.handlers.get(PICK_IMPORT_FILE_CHANNEL) as Handler;
  const fromWindow = (url = 'app://bantam/index.html') => {
    window.webContents.mainFrame = { url };
    return { sender: window.webContents, senderFrame: window.webContents.mainFrame };
  };

  beforeEach(() => {
    ipcMain.handlers.clear();
    dialog.showOpenDialog.mockClear();
    window = new BrowserWindow({});
    unbind = bindFileDialog(ipcMain as unknown as IpcMain, dialog as unknown as Dialog, () => window as unknown as ElectronWindow);
  });

  it('registers one fixed channel and removes it again', () => {
    expect([...ipcMain.handlers.keys()]).toEqual(['bantam:pickImportFile']);
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('shows an open dialog for CSV, TSV, TXT and XLSX and answers the chosen path and name', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/rep/展示会リスト.csv'] });
    expect(await handler()(fromWindow())).toEqual({ path: '/home/rep/展示会リスト.csv', name: '展示会リスト.csv' });
    const [parent, options] = dialog.showOpenDialog.mock.calls[0] as [unknown, { properties: string[]; filters: { extensions: string[] }[] }];
    expect(parent).toBe(window);
    expect(options.properties).toEqual(['openFile']);
    expect(new Set(options.filters.flatMap((f) => f.extensions))).toEqual(new Set(['csv', 'tsv', 'txt', 'xlsx']));
  });

  it('answers null when the user cancels', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await handler()(fromWindow())).toBeNull();
  });

  it.each(['https://evil.test/', 'file:///tmp/x.html'])('refuses a frame showing %s without opening a dialog', async (url) => {
    await expect(handler()(fromWindow(url))).rejects.toThrow(/not the Bantam window/);
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('refuses another window', async () => {
    const other = new BrowserWindow({});
    await expect(handler()({ sender: other.webContents, senderFrame: other.webContents.mainFrame })).rejects.toThrow();
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});
