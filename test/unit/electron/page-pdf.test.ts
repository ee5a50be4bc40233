import type { Dialog, IpcMain } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bindPagePdf, SAVE_PAGE_PDF_CHANNEL } from '../../../electron/page-pdf';
import { ipcMain } from './fake-electron';
import { useHostChannel } from './host-channel';

vi.mock('electron', () => import('./fake-electron'));

type SaveOptions = { defaultPath: string; properties: string[]; filters: { extensions: string[] }[] };

describe('saving the page as PDF', () => {
  const showSaveDialog = vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath: string }> => ({ canceled: true, filePath: '' }));
  const writeFile = vi.fn(async (_file: string, _data: Buffer) => undefined);
  beforeEach(() => {
    showSaveDialog.mockClear();
    writeFile.mockClear();
  });
  const host = useHostChannel(SAVE_PAGE_PDF_CHANNEL, (getWindow) => bindPagePdf(ipcMain as unknown as IpcMain, { showSaveDialog } as unknown as Dialog, getWindow, writeFile));

  it('asks where with a PDF name only, prints the page on A4 and writes the PDF there', async () => {
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/rep/引き継ぎ.pdf' });
    expect(await host.call(['../../etc/引き継ぎシート_株式会社サンプル_2026-11-23'])).toEqual({ path: '/home/rep/引き継ぎ.pdf', name: '引き継ぎ.pdf' });
    const [parent, options] = showSaveDialog.mock.calls[0] as [unknown, SaveOptions];
    expect(parent).toBe(host.window());
    expect(options.defaultPath).toBe('引き継ぎシート_株式会社サンプル_2026-11-23.pdf');
    expect(options.filters.flatMap((f) => f.extensions)).toEqual(['pdf']);
    expect(options.properties).toContain('showOverwriteConfirmation');
    expect(host.window().webContents.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(writeFile).toHaveBeenCalledExactlyOnceWith('/home/rep/引き継ぎ.pdf', Buffer.from('%PDF-1.7 fake'));
  });

  it('answers null and prints nothing when the user cancels', async () => {
    expect(await host.call(['sheet.pdf'])).toBeNull();
    expect(host.window().webContents.printToPDF).not.toHaveBeenCalled();
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('refuses a frame that is not the Bantam page without opening a dialog', async () => {
    await expect(host.call(['a.pdf'], 'https://evil.test/')).rejects.toThrow(/not the Bantam window/);
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it('lets a failed write reach the page as an error', async () => {
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/read-only/a.pdf' });
    writeFile.mockRejectedValueOnce(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    await expect(host.call(['a'])).rejects.toThrow(/EACCES/);
  });
});
