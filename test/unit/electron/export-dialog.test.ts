import type { BrowserWindow as ElectronWindow, Dialog, IpcMain } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bindExportDialog, PICK_EXPORT_FILE_CHANNEL } from '../../../electron/file-dialog';
import { BrowserWindow, ipcMain } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

type Handler = (event: unknown, suggested?: unknown) => Promise<unknown>;
type SaveOptions = { defaultPath: string; properties: string[]; filters: { extensions: string[] }[] };

describe('export save dialog', () => {
  let window: BrowserWindow;
  let unbind: () => void;
  const showSaveDialog = vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath: string }> => ({ canceled: true, filePath: '' }));
  const handler = (): Handler => ipcMain.handlers.get(PICK_EXPORT_FILE_CHANNEL) as Handler;
  const fromWindow = (url = 'app://bantam/index.html') => {
    window.webContents.mainFrame = { url };
    return { sender: window.webContents, senderFrame: window.webContents.mainFrame };
  };

  beforeEach(() => {
    ipcMain.handlers.clear();
    showSaveDialog.mockClear();
    window = new BrowserWindow({});
    unbind = bindExportDialog(ipcMain as unknown as IpcMain, { showSaveDialog } as unknown as Dialog, () => window as unknown as ElectronWindow);
  });

  it('registers one fixed channel and removes it again', () => {
    expect([...ipcMain.handlers.keys()]).toEqual(['bantam:pickExportFile']);
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('suggests the name, filters by its format, asks before replacing, and answers the chosen path', async () => {
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/lead/11月.xlsx' });
    expect(await handler()(fromWindow(), '../../etc/bantam-export-2026-11-20.xlsx')).toEqual({ path: '/home/lead/11月.xlsx', name: '11月.xlsx' });
    const [parent, options] = showSaveDialog.mock.calls[0] as [unknown, SaveOptions];
    expect(parent).toBe(window);
    // Only a name: the page cannot point the dialog at a folder.
    expect(options.defaultPath).toBe('bantam-export-2026-11-20.xlsx');
    expect(options.filters.flatMap((f) => f.extensions)).toEqual(['xlsx']);
    expect(options.properties).toContain('showOverwriteConfirmation');
  });

  it('answers null when the user cancels', async () => {
    expect(await handler()(fromWindow(), 'a.csv')).toBeNull();
  });

  it('refuses a frame that is not the Bantam page without opening a dialog', async () => {
    await expect(handler()(fromWindow('https://evil.test/'), 'a.csv')).rejects.toThrow(/not the Bantam window/);
    expect(showSaveDialog).not.toHaveBeenCalled();
  });
});
