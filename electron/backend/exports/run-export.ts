import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ParsedInput } from '../../../shared/api';
import { DEFAULT_EXPORT_COLUMNS, type ExportOutcome, type ExportRecord } from '../../../shared/api/exports';
import type { Language } from '../../../shared/api/settings';
import { en } from '../../../shared/i18n/en';
import { ja } from '../../../shared/i18n/ja';
import type { BackendContext } from '../context';
import { newId } from '../db/ids';
import { BantamError } from '../errors';
import { resolveColumns, type ColumnDef } from './columns';
import { recordExport } from './export-log';
import { createExportQuery } from './export-query';
import { openCsvSink, openXlsxSink, type ExportSink } from './export-sinks';
import { findPreset } from './presets';

type RunInput = ParsedInput<'exports.run'>;

// Rows read and written per turn of the event loop: small enough that a turn stays well under
// 50 ms, so the app answers clicks while 100,000 leads are written. exceljs spends about four
// times as long per row as the CSV writer (measured with npm run bench -- export).
const PAGE_ROWS = { csv: 250, xlsx: 100 } as const;
const PROGRESS_EVERY_MS = 100;

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

const openSink = (file: string, input: RunInput, columns: ColumnDef[], headers: string[]): Promise<ExportSink> =>
  input.format === 'xlsx' ? openXlsxSink(file, columns, headers) : openCsvSink(file, columns, headers, input.encoding);

// Runs one export at a time on the main process, a page per event-loop turn, into a temporary
// file beside the target that is renamed into place only when complete.
export const createExportRunner = (ctx: BackendContext, language: () => Language) => {
  let running: { cancelled: boolean } | null = null;

  const write = async (input: RunInput, job: { cancelled: boolean }): Promise<ExportOutcome> => {
    const startedAt = ctx.now().toISOString();
    const { columns, headers } = chooseColumns(input, language());
    const target = path.resolve(input.path);
    checkTarget(target, input.overwrite);
    const partial = path.join(path.dirname(target), `.${path.basename(target)}.${newId()}.partial`);
    const query = createExportQuery(ctx.store.db, input.filter, columns);
    const total = query.count();
    const sink = await openSink(partial, input, columns, headers);
    let done = 0;
    try {
      ctx.emit({ name: 'export.progress', payload: { done, total } });
      let lastEmit = performance.now();
      let lastRowid = 0;
      for (;;) {
        const page = query.page(lastRowid, PAGE_ROWS[input.format]);
        if (page.rows.length === 0) break;
        await sink.write(page.rows, done + 1);
        done += page.rows.length;
        lastRowid = page.lastRowid;
        if (performance.now() - lastEmit > PROGRESS_EVERY_MS) {
          ctx.emit({ name: 'export.progress', payload: { done, total } });
          lastEmit = performance.now();
        }
        await nextTurn();
        if (job.cancelled) throw cancelledError();
      }
      if (sink.problemTotal() > 0) {
        await sink.abort();
        fs.rmSync(partial, { force: true });
        return { kind: 'unrepresentable', problems: sink.problems, total: sink.problemTotal() };
      }
      await sink.finish();
      // Checked again: a file may have appeared at the target while the export ran.
      checkTarget(target, input.overwrite);
      fs.renameSync(partial, target);
    } catch (error) {
      await sink.abort().catch(() => undefined);
      fs.rmSync(partial, { force: true });
      if (error instanceof BantamError) throw error;
      throw new BantamError('internal', `The export file could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}); nothing was kept. Check the disk and try again.`, {
        messageKey: 'exports.errors.writeFailed',
        cause: error,
      });
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
      rowCount: done,
      fileName: path.basename(target),
    };
    recordExport(ctx, record);
    ctx.emit({ name: 'export.progress', payload: { done, total: done } });
    return { kind: 'written', record, path: target };
  };

  return {
    async run(input: RunInput): Promise<ExportOutcome> {
      if (running) {
        throw new BantamError('conflict', 'Another export is still running. Wait for it to finish or cancel it.', { messageKey: 'exports.errors.busy' });
      }
      const job = { cancelled: false };
      running = job;
      try {
        return await write(input, job);
      } finally {
        running = null;
      }
    },
    // Returns whether there was an export to cancel.
    cancel(): boolean {
      if (!running) return false;
      running.cancelled = true;
      return true;
    },
  };
};

export type ExportRunner = ReturnType<typeof createExportRunner>;
