import path from 'node:path';
import type { BrowserWindow, Dialog, IpcMain, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { PickedFile } from '../shared/api';
import { isTrustedSender } from './ipc';

export const PICK_IMPORT_FILE_CHANNEL = 'bantam:pickImportFile';

export const IMPORT_FILE_FILTERS: OpenDialogOptions['filters'] = [
  { name: 'CSV / TSV / XLSX', extensions: ['csv', 'tsv', 'txt', 'xlsx'] },
  { name: 'CSV', extensions: ['csv', 'txt'] },
  { name: 'TSV', extensions: ['tsv', 'txt'] },
  { name: 'Excel (XLSX)', extensions: ['xlsx'] },
];

// The native open dialog for imports, on a fixed channel. The page names no path or option:
// it only learns the file the user chose. Returns a function that removes the handler.
export const bindFileDialog = (
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dialog: Pick<Dialog, 'showOpenDialog'>,
  getWindow: () => BrowserWindow | undefined,
): (() => void) => {
  ipcMain.handle(PICK_IMPORT_FILE_CHANNEL, async (event): Promise<PickedFile | null> => {
    const window = getWindow();
    if (!window || !isTrustedSender(event, window)) throw new Error('The caller of pickImportFile is not the Bantam window.');
    const result = await dialog.showOpenDialog(window, { properties: ['openFile'], filters: IMPORT_FILE_FILTERS });
    const chosen = result.filePaths[0];
    if (result.canceled || chosen === undefined) return null;
    return { path: chosen, name: path.basename(chosen) };
  });
  return () => ipcMain.removeHandler(PICK_IMPORT_FILE_CHANNEL);
};

export const PICK_EXPORT_FILE_CHANNEL = 'bantam:pickExportFile';

const EXPORT_FILE_FILTERS: Record<'csv' | 'xlsx', NonNullable<SaveDialogOptions['filters']>> = {
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  xlsx: [{ name: 'Excel (XLSX)', extensions: ['xlsx'] }],
};

// The native save dialog for exports. The page only suggests a file name; the dialog asks before
// replacing an existing file, so a path it answers may be overwritten.
export const bindExportDialog = (
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dialog: Pick<Dialog, 'showSaveDialog'>,
  getWindow: () => BrowserWindow | undefined,
): (() => void) => {
  ipcMain.handle(PICK_EXPORT_FILE_CHANNEL, async (event, suggested: unknown): Promise<PickedFile | null> => {
    const window = getWindow();
    if (!window || !isTrustedSender(event, window)) throw new Error('The caller of pickExportFile is not the Bantam window.');
    const name = typeof suggested === 'string' && suggested.trim() !== '' ? path.basename(suggested).slice(0, 200) : 'bantam-export.csv';
    const result = await dialog.showSaveDialog(window, {
      defaultPath: name,
      filters: EXPORT_FILE_FILTERS[path.extname(name).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv'],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    if (result.canceled || !result.filePath) return null;
    return { path: result.filePath, name: path.basename(result.filePath) };
  });
  return () => ipcMain.removeHandler(PICK_EXPORT_FILE_CHANNEL);
};
