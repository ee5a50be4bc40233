import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParsedInput } from '../../../shared/api';
import { DEFAULT_EXPORT_COLUMNS, type ExportOutcome, type ExportRecord } from '../../../shared/api/exports';
import type { Language } from '../../../shared/api/settings';
import { en } from '../../../shared/i18n/en';
import { ja } from '../../../shared/i18n/ja';
import type { BackendContext } from '../context';
import { newId } from '../db/ids';
import { BantamError } from '../errors';
import { bundledWorkerPath, errorFromBody, missingScriptError } from '../worker-script';
import { resolveColumns, type ColumnDef } from './columns';
import { writeFailedError, type ExportJob, type ExportWorkerMessage } from './export-job';
import { recordExport } from './export-log';
import { countExportRows } from './export-query';
import { findPreset } from './presets';

type RunInput = ParsedInput<'exports.run'>;

const catalogs = { ja, en } as const;
const columnLabel = (language: Language, id: string): string =>
  (catalogs[language].exports.column as Record<string, string>)[id] ?? id;

// The columns and their header texts: a preset's own headers, else the catalog's in the user's language.
const chooseColumns = (input: RunInput, language: Language): { columns: ColumnDef[]; headers: string[] } => {
  if (input.preset !== undefined && input.columns !== undefined) {
    throw new BantamError('invalid_input', 'Choose either a preset or columns, not both: a preset brings its own columns.', {
      messageKey: 'exports.errors.presetAndColumns',
    });
  }
  if (input.preset !== undefined) {
    const preset = findPreset(input.preset);
    return { columns: resolveColumns(preset.columns.map((c) => c.id)), headers: preset.columns.map((c) => c.header) };
  }
  const columns = resolveColumns(input.columns ?? DEFAULT_EXPORT_COLUMNS);
  return { columns, headers: columns.map((c) => columnLabel(language, c.id)) };
};

// Where the file goes: an existing folder, and no existing file unless the user chose to replace it.
export const checkTarget = (target: string, overwrite: boolean): void => {
  const folder = path.dirname(target);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new BantamError('invalid_input', `The folder ${folder} does not exist. Choose an existing folder for the export.`, {
      messageKey: 'exports.errors.noFolder',
      params: { path: folder },
    });
  }
  if (fs.existsSync(target) && !overwrite) {
    throw new BantamError('conflict', `A file already exists at ${target}. Choose another name, or confirm replacing it (--force in the CLI).`, {
      messageKey: 'exports.errors.exists',
      params: { path: target },
    });
  }
};

export const cancelledError = (): BantamError =>
  new BantamError('conflict', 'The export was cancelled; no file was written.', { messageKey: 'exports.errors.cancelled' });

// What the export worker answered, once it has closed the partial file.
type WorkerOutcome = Exclude<ExportWorkerMessage, { type: 'progress' }>;

const stoppedError = (): BantamError =>
  new BantamError('internal', 'The export stopped before it finished; nothing was kept. Try again.', { messageKey: 'exports.errors.writeFailed' });

// Runs one export at a time on a one-shot worker thread (exports.run answers when it ends), so the
// main process's event loop stays free while 100,000 leads are written. The main thread checks
// the input, names the hidden partial file beside the target, renames it into place when complete
// and records the export; a cancel, a refusal or a failure leaves no file behind.
export const createExportRunner = (ctx: BackendContext, language: () => Language) => {
  let running: { cancel: Int32Array } | null = null;

  const runWorker = (job: ExportJob, total: number): Promise<WorkerOutcome> =>
    new Promise((resolve, reject) => {
      const workerPath = bundledWorkerPath('export-worker.cjs');
      const missing = missingScriptError('export worker', [workerPath]);
      if (missing) {
        reject(missing);
        return;
      }
      const worker = new Worker(workerPath, { workerData: job });
      let outcome: WorkerOutcome | null = null;
      let crash: unknown = null;
      worker.on('message', (message: ExportWorkerMessage) => {
        if (message.type === 'progress') ctx.emit({ name: 'export.progress', payload: { done: message.done, total } });
        else outcome = message;
      });
      worker.on('error', (error) => (crash = error));
      // Settled only when the thread is gone: by then the partial file is closed and may be removed.
      worker.on('exit', () => (outcome ? resolve(outcome) : reject(crash ?? stoppedError())));
    });

  const write = async (input: RunInput, cancel: Int32Array): Promise<ExportOutcome> => {
    const startedAt = ctx.now().toISOString();
    const { columns, headers } = chooseColumns(input, language());
    const target = path.resolve(input.path);
    checkTarget(target, input.overwrite);
    const partial = path.join(path.dirname(target), `.${path.basename(target)}.${newId()}.partial`);
    const total = countExportRows(ctx.store.db, input.filter);
    ctx.emit({ name: 'export.progress', payload: { done: 0, total } });
    const job: ExportJob = {
      dbPath: ctx.store.path,
      ...(ctx.store.nativeBinding ? { nativeBinding: ctx.store.nativeBinding } : {}),
      file: partial,
      format: input.format,
      encoding: input.encoding,
      filter: input.filter,
      columnIds: columns.map((c) => c.id),
      headers,
      cancel: cancel.buffer as SharedArrayBuffer,
    };
    let rowCount: number;
    try {
      const outcome = await runWorker(job, total);
      if (outcome.type === 'cancelled') throw cancelledError();
      if (outcome.type === 'failed') throw errorFromBody(outcome.error);
      if (outcome.type === 'writeFailed') throw writeFailedError(outcome.errno);
      if (outcome.type === 'unrepresentable') {
        fs.rmSync(partial, { force: true });
        return { kind: 'unrepresentable', problems: outcome.problems, total: outcome.total };
      }
      rowCount = outcome.rows;
      // Checked again: a file may have appeared at the target while the export ran.
      checkTarget(target, input.overwrite);
      fs.renameSync(partial, target);
    } catch (error) {
      fs.rmSync(partial, { force: true });
      if (error instanceof BantamError) throw error;
      throw writeFailedError((error as NodeJS.ErrnoException).code ?? 'error', error);
    }
    const record: ExportRecord = {
      id: newId(),
      actor: ctx.actor(),
      startedAt,
      finishedAt: ctx.now().toISOString(),
      filter: input.filter,
      columns: columns.map((c) => c.id),
      preset: input.preset ?? null,
      format: input.format,
      encoding: input.format === 'csv' ? input.encoding : null,
      rowCount,
      fileName: path.basename(target),
    };
    recordExport(ctx, record);
    ctx.emit({ name: 'export.progress', payload: { done: rowCount, total: rowCount } });
    return { kind: 'written', record, path: target };
  };

  return {
    async run(input: RunInput): Promise<ExportOutcome> {
      if (running) {
        throw new BantamError('conflict', 'Another export is still running. Wait for it to finish or cancel it.', { messageKey: 'exports.errors.busy' });
      }
      const job = { cancel: new Int32Array(new SharedArrayBuffer(4)) };
      running = job;
      try {
        return await write(input, job.cancel);
      } finally {
        running = null;
      }
    },
    // Returns whether there was an export to cancel. The worker stops before its next page.
    cancel(): boolean {
      if (!running) return false;
      Atomics.store(running.cancel, 0, 1);
      return true;
    },
  };
};

export type ExportRunner = ReturnType<typeof createExportRunner>;
