import type { ImportPreview, ImportResult } from '../../../shared/api/imports';
import type { BackendContext } from '../context';
import type { LeadRepository } from '../leads/repository';
import { commitImport, outcomeOf } from './commit';
import type { JobHooks } from './job-types';
import { validateMapping } from '../../../shared/domain/import-mapping';
import { prepareImport, type ImportInput, type PreparedImport } from './prepare';
import type { ImportWriter } from './write-pipe';

export const previewImport = async (ctx: BackendContext, input: ImportInput, hooks: JobHooks): Promise<ImportPreview> => {
  const prepared = await prepareImport(ctx, input, hooks);
  const { source } = prepared;
  source.close();
  return {
    fileName: prepared.fileName,
    format: source.format,
    encoding: source.encoding,
    delimiter: source.delimiter,
    sheets: source.sheets,
    sheet: source.sheet,
    headers: source.headers,
    mapping: prepared.mapping,
    mappingWarnings: validateMapping(prepared.mapping),
    sample: prepared.sample.map(({ line, outcome }) =>
      outcome.ok ? { line, lead: outcome.lead, reasons: [] } : { line, lead: null, reasons: outcome.errors },
    ),
    counts: prepared.plan.counts,
    rejected: prepared.plan.rejected,
    notices: prepared.notices,
  };
};

// Duplicates skipped or created: a lead is final as soon as it is planned, so a writer thread can
// write it while this thread reads on. Filling or overwriting may still fold later rows into it.
const streamsWrites = (input: ImportInput): boolean => input.onDuplicate === 'skip' || input.onDuplicate === 'create';

// `startWriter`: the writer thread to hand the leads to, where the import allows it; without one
// (or where it does not) the plan is written on this thread once it is complete.
export const runImport = async (
  ctx: BackendContext,
  leads: LeadRepository,
  input: ImportInput,
  hooks: JobHooks,
  startWriter?: () => ImportWriter,
): Promise<ImportResult> => {
  const startedAt = ctx.now().toISOString();
  const writer = startWriter && streamsWrites(input) ? startWriter() : null;
  let prepared: PreparedImport;
  try {
    prepared = await prepareImport(ctx, input, hooks, writer ? (create) => writer.add(create) : undefined);
  } catch (error) {
    if (!writer) throw error;
    // Nothing is written: the writer rolls back. If it stopped first, its reason is the answer.
    throw await writer.abort(error);
  }
  const { source, fileName, mapping, plan, notices } = prepared;
  try {
    const what = { fileName, format: source.format, encoding: source.encoding, sheet: source.sheet, onDuplicate: input.onDuplicate, mapping, headers: source.headers, startedAt };
    const record = writer ? await writer.finish(outcomeOf(plan), what) : commitImport(ctx, leads, plan, what, hooks);
    return { ...record, rejectedRows: plan.rejected, notices };
  } finally {
    // The plan may read the file again while it is written: close it only now.
    source.close();
  }
};
