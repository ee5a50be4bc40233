import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ApiEvent } from '../../../shared/api';
import type { ImportPreview, ImportResult } from '../../../shared/api/imports';
import { BantamError } from '../errors';
import { bundledWorkerPath, errorFromBody, missingScriptError } from '../worker-script';
import type { ImportJobMessage, ImportJobRequest } from './job-types';
import type { ImportInput } from './prepare';

// The import worker's JS heap ceiling: imports stream their rows, so what stays alive is the
// duplicate keys (about 20 bytes a row) and one chunk; a ceiling keeps V8 collecting instead of
// growing the process with garbage. A 622,000-row (200 MB) file peaks well below it.
const WORKER_HEAP_MB = 192;

const defaultWorkerPath = (): string => bundledWorkerPath('import-worker.cjs');
const defaultWriterPath = (): string => bundledWorkerPath('import-writer.cjs');

const stoppedError = (): BantamError => new BantamError('internal', 'The import worker stopped unexpectedly; nothing was written.', { messageKey: 'errors.internal' });

// Over the heap ceiling. A workbook can get there while it is read; a CSV or TSV is read in pieces,
// so what fills the heap is its rejected rows, which are all kept for the report.
const outOfMemoryError = (input: ImportInput): BantamError => {
  const fileName = path.basename(input.path);
  if (/\.xls[xm]$/i.test(fileName)) {
    return new BantamError(
      'invalid_input',
      `Reading ${fileName} needs more memory than an import may use; nothing was written. Save it from Excel as CSV (UTF-8) and import that: CSV files of any size are read a piece at a time.`,
      { messageKey: 'errors.import.tooMuchMemory', params: { fileName } },
    );
  }
  return new BantamError(
    'invalid_input',
    `So many rows of ${fileName} are rejected that their report needs more memory than an import may use; nothing was written. Check the column mapping in the preview (its sample shows why rows are rejected), or import the file in parts.`,
    { messageKey: 'errors.import.tooManyRejected', params: { fileName } },
  );
};

export type ImportRunnerOptions = {
  dbPath: string;
  nativeBinding?: string;
  workerPath?: string;
  writerPath?: string;
  emit: (event: ApiEvent) => void;
};

type Running = { cancelFlag: Int32Array };

// Runs one import job at a time on a worker thread, relaying its progress and events.
export const createImportRunner = (options: ImportRunnerOptions) => {
  let running: Running | null = null;
  const run = <T extends ImportPreview | ImportResult>(mode: 'preview' | 'commit', input: ImportInput, actor: string, now: Date): Promise<T> => {
    if (running) {
      return Promise.reject(
        new BantamError('conflict', 'Another import is still running. Wait for it to finish or cancel it.', { messageKey: 'errors.import.busy' }),
      );
    }
    const workerPath = options.workerPath ?? defaultWorkerPath();
    const writerPath = options.writerPath ?? defaultWriterPath();
    const missing = missingScriptError('import worker', [workerPath, writerPath]);
    if (missing) return Promise.reject(missing);
    const cancelFlag = new SharedArrayBuffer(4);
    const job: Running = { cancelFlag: new Int32Array(cancelFlag) };
    running = job;
    const request: ImportJobRequest = {
      mode,
      input,
      dbPath: options.dbPath,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      actor,
      clockOffsetMs: now.getTime() - Date.now(),
      cancelFlag,
      writerPath,
    };
    return new Promise<T>((resolve, reject) => {
      const worker = new Worker(workerPath, { workerData: request, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        running = null;
        fn();
      };
      worker.on('message', (message: ImportJobMessage) => {
        if (message.type === 'progress') options.emit({ name: 'import.progress', payload: { mode, phase: message.phase, done: message.done, total: message.total } });
        else if (message.type === 'event') options.emit(message.event);
        else if (message.type === 'done') finish(() => resolve(message.value as T));
        else finish(() => reject(errorFromBody(message.error)));
      });
      worker.on('error', (error: Error & { code?: string }) =>
        finish(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemoryError(input) : stoppedError())),
      );
      worker.on('exit', (code) => {
        if (code !== 0) finish(() => reject(new BantamError('internal', `The import worker exited with code ${code}; nothing was written.`, { messageKey: 'errors.internal' })));
        else finish(() => reject(new BantamError('internal', 'The import worker ended without an answer.', { messageKey: 'errors.internal' })));
      });
    });
  };
  return {
    preview: (input: ImportInput, actor: string, now: Date) => run<ImportPreview>('preview', input, actor, now),
    commit: (input: ImportInput, actor: string, now: Date) => run<ImportResult>('commit', input, actor, now),
    // Returns whether there was an import to cancel.
    cancel(): boolean {
      if (!running) return false;
      Atomics.store(running.cancelFlag, 0, 1);
      return true;
    },
  };
};

export type ImportRunner = ReturnType<typeof createImportRunner>;
