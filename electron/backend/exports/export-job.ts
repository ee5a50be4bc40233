import type { ApiErrorBody } from '../../../shared/api';
import type { Cp932Problem, ExportEncoding, ExportFilter, ExportFormat } from '../../../shared/api/exports';
import { BantamError } from '../errors';

// Main thread → export worker: one export, started with the worker. The main thread has checked
// the input and chosen the file; the worker only reads the store and writes that file.
export type ExportJob = {
  dbPath: string;
  nativeBinding?: string;
  // The hidden partial file beside the target; the main thread renames it into place.
  file: string;
  format: ExportFormat;
  encoding: ExportEncoding;
  filter: ExportFilter;
  columnIds: string[];
  headers: string[];
  // Int32 flag the main thread sets to 1 to cancel; read between pages, no message needed.
  cancel: SharedArrayBuffer;
};

// Export worker → main thread: progress while writing, then exactly one outcome.
export type ExportWorkerMessage =
  | { type: 'progress'; done: number }
  | { type: 'written'; rows: number }
  | { type: 'unrepresentable'; problems: Cp932Problem[]; total: number }
  | { type: 'cancelled' }
  // The file could not be written (errno such as ENOSPC); the main thread words the error.
  | { type: 'writeFailed'; errno: string }
  | { type: 'failed'; error: ApiErrorBody };

export const writeFailedError = (errno: string, cause?: unknown): BantamError =>
  new BantamError('internal', `The export file could not be written (${errno}); nothing was kept. Check the disk and try again.`, {
    messageKey: 'exports.errors.writeFailed',
    ...(cause === undefined ? {} : { cause }),
  });
