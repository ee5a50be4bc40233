import fs from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { importOptions, RejectedRow } from '../../../shared/api/imports';
import { suggestMapping, type ColumnMapping } from '../../../shared/domain/import-mapping';
import { createRowMapper } from '../../../shared/domain/import-row';
import type { BackendContext } from '../context';
import { BantamError } from '../errors';
import { createDuplicateIndex } from './duplicates';
import { planImport, type ImportPlan, type RowOutcome } from './plan';
import { loadPreset } from './presets';
import { readImportSource } from './read-source';
import type { ParsedSource } from './source';
import { noHooks, type JobHooks } from './job-types';

export type ImportInput = z.output<typeof importOptions>;
export type PreparedImport = { source: ParsedSource; fileName: string; mapping: ColumnMapping; plan: ImportPlan; sample: { line: number; outcome: RowOutcome }[] };

const SAMPLE_ROWS = 20;
// Rows between progress reports and cancellation checks: small enough to answer a cancel at once.
export const CHUNK_ROWS = 2000;

const readFile = async (file: string): Promise<Buffer> => {
  try {
    return await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'cannot be read (permission denied)' : 'cannot be read';
    throw new BantamError('invalid_input', `The file ${file} ${reason}. Check the path and try again.`, {
      messageKey: 'errors.import.unreadable',
      params: { path: file },
    });
  }
};

// The mapping must describe this file's columns, one entry per header, in order.
const checkMapping = (mapping: ColumnMapping, headers: string[]): void => {
  const same = mapping.length === headers.length && mapping.every((m, i) => m.header === headers[i]);
  if (!same) {
    throw new BantamError(
      'invalid_input',
      `The column mapping does not fit this file: the file's columns are ${headers.map((h) => `"${h}"`).join(', ')}. Map each of them (or choose another preset).`,
      { messageKey: 'errors.import.mappingMismatch' },
    );
  }
};

// Reads, maps, validates and deduplicates a file, and plans the import. Writes nothing.
export const prepareImport = async (ctx: BackendContext, input: ImportInput, hooks: JobHooks = noHooks): Promise<PreparedImport> => {
  hooks.progress('read', 0, 1);
  const bytes = await readFile(input.path);
  const fileName = path.basename(input.path);
  const source = await readImportSource(bytes, fileName, {
    encoding: input.encoding,
    delimiter: input.delimiter,
    ...(input.sheet ? { sheet: input.sheet } : {}),
  });
  const mapping = input.mapping ?? (input.preset ? loadPreset(ctx.store.db, input.preset).mapping : suggestMapping(source.headers));
  hooks.progress('read', 1, 1);
  hooks.checkpoint();
  checkMapping(mapping, source.headers);
  const mapper = createRowMapper(mapping, {
    stage: input.defaultStage,
    source: input.defaultSource ?? null,
    owner: input.defaultOwner ?? null,
  });
  const sample: PreparedImport['sample'] = [];
  const total = source.rows.length;
  const outcomes = function* () {
    let done = 0;
    for (const row of source.rows) {
      if (done % CHUNK_ROWS === 0) {
        hooks.checkpoint();
        hooks.progress('check', done, total);
      }
      done += 1;
      const outcome = mapper(row.cells) as RowOutcome;
      if (sample.length < SAMPLE_ROWS) sample.push({ line: row.line, outcome });
      yield { line: row.line, cells: row.cells, outcome };
    }
  };
  const plan = planImport(outcomes(), createDuplicateIndex(ctx.store.db), input.onDuplicate);
  // Rows that could not even be read as records are rejected too, never dropped.
  const unreadable: RejectedRow[] = source.problems.map((p) => ({
    line: p.line,
    cells: p.cells,
    reasons: [{ field: 'row', code: p.code, message: p.message, messageKey: `errors.importRow.${p.code}` }],
  }));
  if (unreadable.length > 0) {
    plan.rejected = [...plan.rejected, ...unreadable].sort((a, b) => a.line - b.line);
    plan.counts.rejected = plan.rejected.length;
    plan.counts.totalRows += unreadable.length;
  }
  return { source, fileName, mapping, plan, sample };
};
