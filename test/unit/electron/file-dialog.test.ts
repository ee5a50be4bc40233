import type { Dialog, IpcMain } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bindFileDialog, PICK_IMPORT_FILE_CHANNEL } from '../../../electron/file-dialog';
import { BrowserWindow, dialog, ipcMain } from './fake-electron';
import { useHostChannel } from './host-channel';

vi.mock('electron', () => import('./fake-electron'));

describe('import file dialog', () => {
  beforeEach(() => dialog.showOpenDialog.mockClear());
  const host = useHostChannel(PICK_IMPORT_FILE_CHANNEL, (getWindow) => bindFileDialog(ipcMain as unknown as IpcMain, dialog as unknown as Dialog, getWindow));

  it('shows an open dialog for CSV, TSV, TXT and XLSX and answers the chosen path and name', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/rep/展示会リスト.csv'] });
    expect(await host.call()).toEqual({ path: '/home/rep/展示会リスト.csv', name: '展示会リスト.csv' });
    const [parent, options] = dialog.showOpenDialog.mock.calls[0] as [unknown, { properties: string[]; filters: { extensions: string[] }[] }];
    expect(parent).toBe(host.window());
    expect(options.properties).toEqual(['openFile']);
    expect(new Set(options.filters.flatMap((f) => f.extensions))).toEqual(new Set(['csv', 'tsv', 'txt', 'xlsx']));
  });

  it('answers null when the user cancels', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await host.call()).toBeNull();
  });

  it.each(['https://evil.test/', 'file:///tmp/x.html'])('refuses a frame showing %s without opening a dialog', async (url) => {
    await expect(host.call([], url)).rejects.toThrow(/not the Bantam window/);
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('refuses another window', async () => {
    await expect(host.callFrom(new BrowserWindow({}))).rejects.toThrow();
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});
