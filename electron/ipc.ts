import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { METHOD_NAMES, type ApiEvent, type Envelope } from '../shared/api';
import { isAppUrl } from './security';

export const CHANNEL_PREFIX = 'bantam:';
export const EVENT_CHANNEL = 'bantam:event';

export const methodChannel = (method: string): string => `${CHANNEL_PREFIX}${method}`;

// What the IPC layer needs from the backend: calls in, events out.
export type BackendPort = {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  subscribe(listener: (event: ApiEvent) => void): () => void;
};

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

// Only the top frame of our own window, showing our own origin, may call the backend.
export const isTrustedSender = (event: SenderEvent, window: BrowserWindow | undefined): boolean => {
  if (!window || window.isDestroyed()) return false;
  const frame = event.senderFrame;
  if (!frame) return false;
  if (!isAppUrl(frame.url)) return false;
  return event.sender === window.webContents && frame === window.webContents.mainFrame;
};

const forbidden = (method: string): Envelope<never> => ({
  ok: false,
  error: { code: 'forbidden', message: `The caller of ${method} is not the Bantam window.` },
});

// Binds every contract method to `bantam:<method>`; the backend parses the input with the
// method's zod schema. Returns a function that removes the handlers again.
export const bindContract = (ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, backend: BackendPort, getWindow: () => BrowserWindow | undefined): (() => void) => {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(methodChannel(method), (event, input: unknown) =>
      isTrustedSender(event, getWindow()) ? backend.call(method, input) : Promise.resolve(forbidden(method)),
    );
  }
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(methodChannel(method));
  };
};

// Pushes backend events to the window, if it still exists.
export const forwardEvents = (backend: BackendPort, getWindow: () => BrowserWindow | undefined): (() => void) =>
  backend.subscribe((event) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });
