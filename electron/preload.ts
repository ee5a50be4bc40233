import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { METHOD_NAMES, type ApiEvent, type Bridge } from '../shared/api';

// Kept here rather than imported from ipc.ts so the sandboxed preload bundle stays minimal.
const EVENT_CHANNEL = 'bantam:event';
const PICK_IMPORT_FILE_CHANNEL = 'bantam:pickImportFile';
const PICK_EXPORT_FILE_CHANNEL = 'bantam:pickExportFile';
const SAVE_PAGE_PDF_CHANNEL = 'bantam:savePagePdf';

type Invoker = Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>;

// One function per contract method on a fixed channel, plus the event feed. Nothing generic:
// the page can name neither a channel nor reach ipcRenderer itself.
export const createBridge = (ipc: Invoker): Bridge => {
  const bridge: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) {
    const channel = `bantam:${name}`;
    bridge[name] = (input: unknown) => ipc.invoke(channel, input);
  }
  bridge.onEvent = (listener: (event: ApiEvent) => void) => {
    const relay = (_event: IpcRendererEvent, payload: ApiEvent) => listener(payload);
    ipc.on(EVENT_CHANNEL, relay);
    return () => {
      ipc.removeListener(EVENT_CHANNEL, relay);
    };
  };
  // Takes no argument from the page: the main process shows its own dialog.
  bridge.pickImportFile = () => ipc.invoke(PICK_IMPORT_FILE_CHANNEL);
  // The page suggests a name only; the main process shows the save dialog.
  bridge.pickExportFile = (suggestedName: string) => ipc.invoke(PICK_EXPORT_FILE_CHANNEL, String(suggestedName));
  // The page suggests a name only; the main process asks where and prints the page to PDF.
  bridge.savePagePdf = (suggestedName: string) => ipc.invoke(SAVE_PAGE_PDF_CHANNEL, String(suggestedName));
  // The export is already where the user chose to save it.
  bridge.deliverExportFile = async () => undefined;
  return bridge as Bridge;
};

contextBridge.exposeInMainWorld('bantam', createBridge(ipcRenderer));
