import { z } from 'zod';
import { method } from './define';

export type StoreInfo = {
  path: string;
  demo: boolean;
  leadCount: number;
  schemaVersion: number;
  deviceId: string;
  pendingOps: number;
};

export type BackupResult = { path: string; bytes: number };

export const storeApi = {
  'store.info': method<StoreInfo>()(z.object({}).strict(), 'Where the store lives and what it holds.'),
  'store.backup': method<BackupResult>()(
    z
      .object({
        path: z
          .string()
          .trim()
          .min(1, 'Give the file to write the backup to.')
          .refine((p) => !p.includes('\0'), 'The path contains a NUL character.'),
      })
      .strict(),
    'Online backup of the store to a new file, safe while the app is in use.',
  ),
};
