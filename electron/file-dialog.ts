import path from 'node:path';
import type { BrowserWindow, Dialog, IpcMain, OpenDialogOptions } from 'electron';
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
