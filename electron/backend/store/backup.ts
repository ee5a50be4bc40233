import fs from 'node:fs';
import path from 'node:path';
import type { BackupResult } from '../../../shared/api/store';
import type { Store } from '../db/connection';
import { BantamError } from '../errors';

// SQLite's online backup: consistent while the app keeps writing, page by page, off the hot path.
// Never overwrites an existing file, so a typo cannot destroy an older backup.
export const backupStore = async (store: Store, target: string): Promise<BackupResult> => {
  const file = path.resolve(target);
  if (file === store.path) {
    throw new BantamError('invalid_input', 'The backup file must not be the store itself. Choose another file name.', {
      messageKey: 'errors.backup.sameFile',
    });
  }
  if (fs.existsSync(file)) {
    throw new BantamError('conflict', `A file already exists at ${file}. Choose a new file name; existing files are never overwritten.`, {
      messageKey: 'errors.backup.exists',
      params: { path: file },
    });
  }
  if (!fs.existsSync(path.dirname(file))) {
    throw new BantamError('invalid_input', `The folder ${path.dirname(file)} does not exist. Create it or choose another folder.`, {
      messageKey: 'errors.backup.noFolder',
      params: { path: path.dirname(file) },
    });
  }
  try {
    await store.db.backup(file);
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw new BantamError('internal', `The backup could not be written: ${(error as Error).message}`, {
      messageKey: 'errors.backup.failed',
      cause: error,
    });
  }
  return { path: file, bytes: fs.statSync(file).size };
};
