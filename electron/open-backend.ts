import { createBackend, type Backend } from './backend';
import { seedDemoStore } from './backend/demo/seed';
import type { Logger } from './backend/log';
import { defaultDataDir, storeFiles } from './paths';

export type StoreArgs = { demo?: boolean | undefined; db?: string | undefined; log?: Logger; nativeBinding?: string };

// What the web host and the CLI share: the store from --db or the default data folder, and with
// --demo the separate demo store, filled on first use.
export const openBackendFromArgs = async (args: StoreArgs): Promise<Backend> => {
  const files = storeFiles(defaultDataDir(), { demo: args.demo ?? false, ...(args.db ? { db: args.db } : {}) });
  const backend = createBackend({
    dbPath: files.dbPath,
    preferencesPath: files.preferencesPath,
    demo: files.demo,
    ...(args.log ? { log: args.log } : {}),
    ...(args.nativeBinding ? { nativeBinding: args.nativeBinding } : {}),
  });
  if (files.demo) seedDemoStore(backend, {});
  return backend;
};
