import { EXPORT_ENCODINGS, EXPORT_FORMATS, type ExportOutcome, type ExportRecord } from '../../shared/api/exports';
import { STAGES, isStage } from '../../shared/domain/stages';
import type { Backend } from '../backend';
import { unwrap, UsageError, type CliValues } from './common';

const text = (values: CliValues, name: string): string | undefined => {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} needs a value.`);
  return value.trim();
};

const oneOf = (values: CliValues, name: string, allowed: readonly string[]): string | undefined => {
  const value = text(values, name);
  if (value !== undefined && !allowed.includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}; got "${value}".`);
  return value;
};

const day = (values: CliValues, name: string): string | undefined => {
  const value = text(values, name);
  if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError(`--${name} must be a day as YYYY-MM-DD (Japan time), e.g. 2026-04-01; got "${value}".`);
  return value;
};

const list = (values: CliValues, name: string): string[] | undefined =>
  text(values, name)
    ?.split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

const stages = (values: CliValues): string[] | undefined => {
  const chosen = list(values, 'stage');
  const unknown = chosen?.filter((s) => !isStage(s)) ?? [];
  if (unknown.length > 0) throw new UsageError(`--stage takes stages separated by commas, from ${STAGES.join(', ')}; "${unknown[0]}" is not one.`);
  return chosen;
};

const printRefusal = (outcome: Extract<ExportOutcome, { kind: 'unrepresentable' }>): never => {
  const lines = outcome.problems.map((p) => `  row ${p.row}, ${p.column}: ${p.character} (${p.codePoint})`);
  const more = outcome.total > outcome.problems.length ? `\n  … and ${outcome.total - outcome.problems.length} more` : '';
  throw new Error(
    `${outcome.total} character(s) cannot be written in CP932 (Shift_JIS); no file was written:\n${lines.join('\n')}${more}\nCorrect them, or export with --encoding utf8-bom.`,
  );
};

// bantam export: the same export as the Export screen, for automation.
export const exportCommand = async (backend: Backend, values: CliValues): Promise<void> => {
  const out = text(values, 'out');
  if (out === undefined) throw new UsageError('export needs --out FILE: the file to write.');
  const chosenStages = stages(values);
  const from = day(values, 'from');
  const to = day(values, 'to');
  const owner = text(values, 'owner');
  const source = text(values, 'source');
  const columns = list(values, 'columns');
  const preset = text(values, 'preset');
  const format = oneOf(values, 'format', EXPORT_FORMATS);
  const encoding = oneOf(values, 'encoding', EXPORT_ENCODINGS);
  if (preset !== undefined && columns !== undefined) throw new UsageError('Give either --preset or --columns: a preset brings its own columns.');
  const filter = {
    ...(chosenStages ? { stages: chosenStages } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(owner ? { owner } : {}),
    ...(source ? { source } : {}),
  };
  const outcome = unwrap<ExportOutcome>(
    await backend.call('exports.run', {
      path: out,
      filter,
      overwrite: values.force === true,
      ...(columns ? { columns } : {}),
      ...(preset ? { preset } : {}),
      ...(format ? { format } : {}),
      ...(encoding ? { encoding } : {}),
    }),
  );
  if (outcome.kind === 'unrepresentable') printRefusal(outcome);
  else console.log(`Exported ${outcome.record.rowCount} leads to ${outcome.path} (${outcome.record.format.toUpperCase()}${outcome.record.encoding ? `, ${outcome.record.encoding}` : ''}). The export is recorded in the export log.`);
};

// bantam exports: the export log.
export const exportsCommand = async (backend: Backend, values: CliValues): Promise<void> => {
  const log = unwrap<ExportRecord[]>(await backend.call('exports.log', {}));
  if (values.json) {
    console.log(JSON.stringify(log, null, 2));
    return;
  }
  for (const r of log) console.log([r.finishedAt, r.actor, r.fileName, `${r.rowCount} rows`, r.format, r.encoding ?? '', r.filter.stages.join(',')].join('\t'));
  console.log(`${log.length} exports recorded.`);
};
