import path from 'node:path';
import { app, dialog, ipcMain, protocol, session, type BrowserWindow } from 'electron';
import { createBackend, type Backend } from './backend';
import { consoleLogger } from './backend/log';
import { createPreferencesFile } from './backend/settings/preferences';
import { createAppProtocolHandler, registerAppScheme } from './app-protocol';
import { parseHostArgs } from './args';
import { bindExportDialog, bindFileDialog } from './file-dialog';
import { bindContract, forwardEvents } from './ipc';
import { installMenu } from './menu';
import { bindPagePdf } from './page-pdf';
import { notifyCallbacks } from './notifications';
import { nativeBindingPath } from './native-binding';
import { APP_NAME, defaultDataDir, storeFiles } from './paths';
import { APP_ENTRY_URL, APP_SCHEME, hardenSession, installSecurityHooks } from './security';
import { startupErrorText } from './startup-error';
import { createMainWindow } from './window';

// The thin Electron host: lifecycle, window, menu, and the contract bound to IPC. Everything
// else lives in the backend, which runs the same under plain Node.

// dist/electron/main.cjs sits next to preload.cjs; the renderer is built to dist/renderer.
const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererDir = path.join(__dirname, '..', 'renderer');

// Same folder as the CLI and web host (BANTAM_HOME honoured), whatever the package is named.
app.setName(APP_NAME);
app.setPath('userData', defaultDataDir());
registerAppScheme(protocol);
installSecurityHooks(app);

const fail = (message: string): void => {
  dialog.showErrorBox(APP_NAME, message);
  app.quit();
};

const openBackend = async (): Promise<Backend | undefined> => {
  const args = parseHostArgs(process.argv);
  const files = storeFiles(app.getPath('userData'), { demo: args.demo, ...(args.db ? { db: args.db } : {}) });
  const nativeBinding = nativeBindingPath({
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    projectRoot: path.resolve(__dirname, '..', '..'),
    electronVersion: process.versions.electron ?? 'unknown',
    platform: process.platform,
    arch: process.arch,
  });
  try {
    return createBackend({ ...files, nativeBinding, log: consoleLogger });
  } catch (error) {
    // The store is left exactly as found: the user decides what to do with it.
    fail(await startupErrorText(error, createPreferencesFile(files.preferencesPath).get().language));
    return undefined;
  }
};

const start = async (): Promise<void> => {
  let window: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  await app.whenReady();
  hardenSession(session.defaultSession);
  const backend = await openBackend();
  if (!backend) return;

  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
  const unbind = bindContract(ipcMain, backend, () => window);
  const unbindFileDialog = bindFileDialog(ipcMain, dialog, () => window);
  const unbindExportDialog = bindExportDialog(ipcMain, dialog, () => window);
  const unbindPagePdf = bindPagePdf(ipcMain, dialog, () => window);
  const stopForwarding = forwardEvents(backend, () => window);
  // Subscribed before the first await: the backend announces callbacks missed while closed on its next tick.
  const stopNotifications = notifyCallbacks(backend, () => window);
  const stopMenuUpdates = backend.subscribe((event) => {
    if (event.name === 'settings.changed') void installMenu(event.payload.language);
  });
  await installMenu(backend.preferences.get().language);

  window = createMainWindow({
    preloadPath,
    state: backend.preferences.getWindow(),
    saveState: (state) => backend.preferences.setWindow(state),
  });
  window.on('closed', () => {
    window = undefined;
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    stopMenuUpdates();
    stopForwarding();
    stopNotifications();
    unbind();
    unbindFileDialog();
    unbindExportDialog();
    unbindPagePdf();
    backend.close();
  });
  await window.loadURL(APP_ENTRY_URL);
};

// A second launch only focuses the running window: two hosts must never share one store.
if (app.requestSingleInstanceLock()) {
  start().catch((error: unknown) => fail(`Bantam could not start: ${error instanceof Error ? error.message : String(error)}`));
} else {
  app.quit();
}
