import type { BrowserWindow as ElectronWindow, Dialog, IpcMain } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bindPagePdf, SAVE_PAGE_PDF_CHANNEL } from '../../../electron/page-pdf';
import { BrowserWindow, ipcMain } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

type Handler = (event: unknown, suggested?: unknown) => Promise<unknown>;
type SaveOptions = { defaultPath: string; properties: string[]; filters: { extensions: string[] }[] };

describe('saving the page as PDF', () => {
  let window: BrowserWindow;
  let unbind: () => void;
  const showSaveDialog = vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath: string }> => ({ canceled: true, filePath: '' }));
  const writeFile = vi.fn(async (_file: string, _data: Buffer) => undefined);
  const handler = (): Handler => ipcMain.handlers.get(SAVE_PAGE_PDF_CHANNEL) as Handler;
  const fromWindow = (url = 'app://bantam/index.html') => {
    window.webContents.mainFrame = { url };
    return { sender: window.webContents, senderFrame: window.webContents.mainFrame };
  };

  beforeEach(() => {
    ipcMain.handlers.clear();
    showSaveDialog.mockClear();
    writeFile.mockClear();
    window = new BrowserWindow({});
    unbind = bindPagePdf(ipcMain as unknown as IpcMain, { showSaveDialog } as unknown as Dialog, () => window as unknown as ElectronWindow, writeFile);
  });

  it('registers one fixed channel and removes it again', () => {
    expect([...ipcMain.handlers.keys()]).toEqual(['bantam:savePagePdf']);
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('asks where with a PDF name only, prints the page on A4 and writes the PDF there', async () => {
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/rep/引き継ぎ.pdf' });
    expect(await handler()(fromWindow(), '../../etc/引き継ぎシート_株式会社サンプル_2026-11-23')).toEqual({ path: '/home/rep/引き継ぎ.pdf', name: '引き継ぎ.pdf' });
    const [parent, options] = showSaveDialog.mock.calls[0] as [unknown, SaveOptions];
    expect(parent).toBe(window);
    expect(options.defaultPath).toBe('引き継ぎシート_株式会社サンプル_2026-11-23.pdf');
    expect(options.filters.flatMap((f) => f.extensions)).toEqual(['pdf']);
    expect(options.properties).toContain('showOverwriteConfirmation');
    expect(window.webContents.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(writeFile).toHaveBeenCalledExactlyOnceWith('/home/rep/引き継ぎ.pdf', Buffer.from('%PDF-1.7 fake'));
  });

  it('answers null and prints nothing when the user cancels', async () => {
    window.webContents.printToPDF.mockClear();
    expect(await handler()(fromWindow(), 'sheet.pdf')).toBeNull();
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('refuses a frame that is not the Bantam page without opening a dialog', async () => {
    await expect(handler()(fromWindow('https://evil.test/'), 'a.pdf')).rejects.toThrow(/not the Bantam window/);
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it('lets a failed write reach the page as an error', async () => {
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/read-only/a.pdf' });
    writeFile.mockRejectedValueOnce(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    await expect(handler()(fromWindow(), 'a')).rejects.toThrow(/EACCES/);
  });
});
