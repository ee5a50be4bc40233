import type { Dialog, IpcMain } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bindExportDialog, PICK_EXPORT_FILE_CHANNEL } from '../../../electron/file-dialog';
import { ipcMain } from './fake-electron';
import { useHostChannel } from './host-channel';

vi.mock('electron', () => import('./fake-electron'));

type SaveOptions = { defaultPath: string; properties: string[]; filters: { extensions: string[] }[] };

describe('export save dialog', () => {
  const showSaveDialog = vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath: string }> => ({ canceled: true, filePath: '' }));
  beforeEach(() => showSaveDialog.mockClear());
  const host = useHostChannel(PICK_EXPORT_FILE_CHANNEL, (getWindow) => bindExportDialog(ipcMain as unknown as IpcMain, { showSaveDialog } as unknown as Dialog, getWindow));

  it('suggests the name, filters by its format, asks before replacing, and answers the chosen path', async () => {
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/lead/11月.xlsx' });
    expect(await host.call(['../../etc/bantam-export-2026-11-20.xlsx'])).toEqual({ path: '/home/lead/11月.xlsx', name: '11月.xlsx' });
    const [parent, options] = showSaveDialog.mock.calls[0] as [unknown, SaveOptions];
    expect(parent).toBe(host.window());
    // Only a name: the page cannot point the dialog at a folder.
    expect(options.defaultPath).toBe('bantam-export-2026-11-20.xlsx');
    expect(options.filters.flatMap((f) => f.extensions)).toEqual(['xlsx']);
    expect(options.properties).toContain('showOverwriteConfirmation');
  });

  it('answers null when the user cancels', async () => {
    expect(await host.call(['a.csv'])).toBeNull();
  });

  it('refuses a frame that is not the Bantam page without opening a dialog', async () => {
    await expect(host.call(['a.csv'], 'https://evil.test/')).rejects.toThrow(/not the Bantam window/);
    expect(showSaveDialog).not.toHaveBeenCalled();
  });
});
