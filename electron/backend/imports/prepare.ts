import path from 'node:path';
import type { z } from 'zod';
import type { ImportNotice, importOptions, RejectedRow } from '../../../shared/api/imports';
import { suggestMapping, type ColumnMapping } from '../../../shared/domain/import-mapping';
import { createRowMapper } from '../../../shared/domain/import-row';
import type { BackendContext } from '../context';
import { BantamError } from '../errors';
import { createDuplicateIndex } from './duplicates';
import { createPlanner, type ImportPlan, type PlannedCreate, type PlannedRow, type RowOutcome } from './plan';
import { loadPreset } from './presets';
import { openImportSource } from './read-source';
import type { ImportSource, SourceNotice, SourceRow } from './source';
import { noHooks, type JobHooks } from './job-types';

export type ImportInput = z.output<typeof importOptions>;
export type PreparedImport = {
  source: ImportSource;
  fileName: string;
  mapping: ColumnMapping;
  plan: ImportPlan;
  sample: { line: number; outcome: RowOutcome }[];
  notices: ImportNotice[];
};

const SAMPLE_ROWS = 20;
// Rows between progress reports and cancellation checks: small enough to answer a cancel at once.
export const CHUNK_ROWS = 2000;

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

// Built outside prepareImport, whose scope holds the duplicate index: the plan keeps these
// functions until the import is written, and they must not keep the index alive meanwhile.
const mapRows =
  (mapper: ReturnType<typeof createRowMapper>) =>
  (row: SourceRow): PlannedRow => ({ line: row.line, cells: row.cells, outcome: mapper(row.cells) as RowOutcome });

const toNotice = ({ code, line, lines }: SourceNotice): ImportNotice => ({
  code,
  line,
  lines,
  message: `The last ${lines} lines from line ${line} are a Salesforce report's footer (report name, copyright, who generated it), not leads: they were left out.`,
  messageKey: 'imports.notice.salesforceFooter',
  params: { line, lines },
});

const replayRows =
  (source: ImportSource, planned: (row: SourceRow) => PlannedRow) =>
  (visit: (row: PlannedRow) => void): void =>
    void source.scan((row) => visit(planned(row)));

// Files up to this size keep their leads in memory between checking and writing; larger ones are
// read again inside the write transaction, so memory stays bounded whatever the file's size.
const KEEP_LEADS_BYTES = 32 * 1024 * 1024;

// Reads, maps, validates and deduplicates a file, and plans the import. Writes nothing.
// The caller closes `source` once the plan is written or dropped.
// `onCreate`: receives each lead to create as soon as it is planned (skip and create only), instead
// of the plan holding them.
export const prepareImport = async (
  ctx: BackendContext,
  input: ImportInput,
  hooks: JobHooks = noHooks,
  onCreate?: (create: PlannedCreate) => void,
): Promise<PreparedImport> => {
  hooks.progress('read', 0, 1);
  const fileName = path.basename(input.path);
  const source = await openImportSource(input.path, fileName, {
    encoding: input.encoding,
    delimiter: input.delimiter,
    ...(input.sheet ? { sheet: input.sheet } : {}),
  });
  try {
    const mapping = input.mapping ?? (input.preset ? loadPreset(ctx.store.db, input.preset).mapping : suggestMapping(source.headers));
    hooks.progress('read', 1, 1);
    hooks.checkpoint();
    checkMapping(mapping, source.headers);
    const mapper = createRowMapper(mapping, {
      stage: input.defaultStage,
      source: input.defaultSource ?? null,
      owner: input.defaultOwner ?? null,
    });
    const planned = mapRows(mapper);
    const sample: PreparedImport['sample'] = [];
    const sink = onCreate ?? (source.inMemory || source.byteLength <= KEEP_LEADS_BYTES ? 'keep' : 'replay');
    const planner = createPlanner(createDuplicateIndex(ctx.store.db), input.onDuplicate, sink);
    let done = 0;
    const { problems, notices } = source.scan((row, fraction) => {
      if (done % CHUNK_ROWS === 0) {
        hooks.checkpoint();
        // Until the end the row count is estimated from how much of the file was read.
        hooks.progress('check', done, fraction > 0 ? Math.max(done, Math.round(done / fraction)) : done);
      }
      done += 1;
      const next = planned(row);
      if (sample.length < SAMPLE_ROWS) sample.push({ line: next.line, outcome: next.outcome });
      planner.add(next);
    });
    hooks.progress('check', done, done);
    const plan = planner.finish(replayRows(source, planned));
    // Rows that could not even be read as records are rejected too, never dropped.
    const unreadable: RejectedRow[] = problems.map((p) => ({
      line: p.line,
      cells: p.cells,
      reasons: [{ field: 'row', code: p.code, message: p.message, messageKey: `errors.importRow.${p.code}` }],
    }));
    if (unreadable.length > 0) {
      plan.rejected = [...plan.rejected, ...unreadable].sort((a, b) => a.line - b.line);
      plan.counts.rejected = plan.rejected.length;
      plan.counts.totalRows += unreadable.length;
    }
    return { source, fileName, mapping, plan, sample, notices: notices.map(toNotice) };
  } catch (error) {
    source.close();
    throw error;
  }
};
