import fs from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, Dialog, IpcMain } from 'electron';
import type { PickedFile } from '../shared/api';
import { isTrustedSender } from './ipc';

export const SAVE_PAGE_PDF_CHANNEL = 'bantam:savePagePdf';

// A safe file name for the dialog from the page's suggestion: a name only (no folder), ending in .pdf.
const suggestedPdfName = (suggested: unknown): string => {
  const name = typeof suggested === 'string' ? path.basename(suggested.trim()).slice(0, 200) : '';
  if (name === '' || name === '.pdf') return 'bantam.pdf';
  return name.toLowerCase().endsWith('.pdf') ? name : `${name}.pdf`;
};

// Saves the page as the printer would see it (its print stylesheet: the A4 handoff sheet) to a PDF
// the user names in the native save dialog. The page only suggests a name; null when cancelled.
export const bindPagePdf = (
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dialog: Pick<Dialog, 'showSaveDialog'>,
  getWindow: () => BrowserWindow | undefined,
  writeFile: (file: string, data: Buffer) => Promise<void> = fs.writeFile,
): (() => void) => {
  ipcMain.handle(SAVE_PAGE_PDF_CHANNEL, async (event, suggested: unknown): Promise<PickedFile | null> => {
    const window = getWindow();
    if (!window || !isTrustedSender(event, window)) throw new Error('The caller of savePagePdf is not the Bantam window.');
    const result = await dialog.showSaveDialog(window, {
      defaultPath: suggestedPdfName(suggested),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    if (result.canceled || !result.filePath) return null;
    // A4 as the sheet's @page rule sets it, with its background colours.
    const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    await writeFile(result.filePath, pdf);
    return { path: result.filePath, name: path.basename(result.filePath) };
  });
  return () => ipcMain.removeHandler(SAVE_PAGE_PDF_CHANNEL);
};
