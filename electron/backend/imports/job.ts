import type { ImportPreview, ImportResult } from '../../../shared/api/imports';
import type { BackendContext } from '../context';
import type { LeadRepository } from '../leads/repository';
import { commitImport } from './commit';
import type { JobHooks } from './job-types';
import { validateMapping } from '../../../shared/domain/import-mapping';
import { prepareImport, type ImportInput } from './prepare';

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

export const runImport = async (ctx: BackendContext, leads: LeadRepository, input: ImportInput, hooks: JobHooks): Promise<ImportResult> => {
  const startedAt = ctx.now().toISOString();
  const { source, fileName, mapping, plan, notices } = await prepareImport(ctx, input, hooks);
  try {
    const what = { fileName, format: source.format, encoding: source.encoding, sheet: source.sheet, onDuplicate: input.onDuplicate, mapping, headers: source.headers, startedAt };
    return { ...commitImport(ctx, leads, plan, what, hooks), rejectedRows: plan.rejected, notices };
  } finally {
    // The plan may read the file again while it is written: close it only now.
    source.close();
  }
};
