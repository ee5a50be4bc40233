import type { ApiEvent, Envelope } from '../../shared/api';
import { openStore } from './db/connection';
import { createOutbox } from './db/outbox';
import type { BackendContext } from './context';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { createImportRunner } from './imports/runner';
import { consoleLogger, type Logger } from './log';
import { createFunnelRunner } from './reports/funnel-runner';
import { createPreferencesFile } from './settings/preferences';

export type BackendOptions = {
  dbPath: string;
  preferencesPath: string;
  demo?: boolean;
  nativeBinding?: string;
  now?: () => Date;
  log?: Logger;
  importWorkerPath?: string;
};

export type Backend = ReturnType<typeof createBackend>;

// The app itself, free of Electron: open the store, bind the contract, and let a host call in.
export const createBackend = (options: BackendOptions) => {
  const log = options.log ?? consoleLogger;
  const now = options.now ?? (() => new Date());
  // A short busy wait: a write that meets an import's transaction is retried asynchronously by
  // dispatch instead of blocking the event loop inside SQLite.
  const store = openStore(options.dbPath, { now, busyTimeoutMs: 40, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  const preferences = createPreferencesFile(options.preferencesPath);
  const listeners = new Set<(event: ApiEvent) => void>();
  const ctx: BackendContext = {
    store,
    outbox: createOutbox(store.db, store.deviceId),
    demo: options.demo ?? false,
    now,
    actor: () => preferences.get().userName || 'local',
    emit: (event) => {
      for (const listener of listeners) listener(event);
    },
  };
  const runner = createImportRunner({
    dbPath: store.path,
    emit: ctx.emit,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.importWorkerPath ? { workerPath: options.importWorkerPath } : {}),
  });
  const funnel = createFunnelRunner({ dbPath: store.path, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  const { handlers, leads, storeInfo, dispose } = createHandlers(ctx, preferences, runner, funnel);
  return {
    ctx,
    handlers,
    leads,
    preferences,
    storeInfo,
    call: (method: string, input: unknown): Promise<Envelope<unknown>> => dispatch(handlers, method, input, log),
    subscribe(listener: (event: ApiEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close(): void {
      runner.cancel();
      dispose();
      funnel.close();
      listeners.clear();
      if (store.db.open) store.db.close();
    },
  };
};
