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
  };
};

export const runImport = async (ctx: BackendContext, leads: LeadRepository, input: ImportInput, hooks: JobHooks): Promise<ImportResult> => {
  const startedAt = ctx.now().toISOString();
  const prepared = await prepareImport(ctx, input, hooks);
  const record = commitImport(
    ctx,
    leads,
    prepared.plan,
    {
      fileName: prepared.fileName,
      format: prepared.source.format,
      encoding: prepared.source.encoding,
      sheet: prepared.source.sheet,
      onDuplicate: input.onDuplicate,
      mapping: prepared.mapping,
      headers: prepared.source.headers,
      startedAt,
    },
    hooks,
  );
  return { ...record, rejectedRows: prepared.plan.rejected };
};
