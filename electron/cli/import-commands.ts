import { IMPORT_ENCODINGS, ON_DUPLICATE, type ImportPreview, type ImportRecord, type ImportResult, type RejectedRow, type UndoResult } from '../../shared/api/imports';
import type { Backend } from '../backend';
import { unwrap, UsageError, type CliValues } from './common';

const ENCODINGS = ['auto', ...IMPORT_ENCODINGS];
const POLICIES = [...ON_DUPLICATE];

const oneOf = (name: string, value: string | boolean | undefined, allowed: string[], fallback: string): string => {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}; got "${String(value)}".`);
  }
  return value;
};

const printRejected = (rows: RejectedRow[]): void => {
  if (rows.length === 0) return;
  console.log(`\nRejected rows (fix them and import again; nothing of these rows was stored):`);
  for (const row of rows) console.log(`  line ${row.line}: ${row.reasons.map((r) => r.message).join(' ')}`);
};

export const importCommand = async (backend: Backend, values: CliValues, file: string | undefined): Promise<void> => {
  if (!file) throw new UsageError('import needs the FILE to import: bantam import FILE [options].');
  const input = {
    path: file,
    encoding: oneOf('encoding', values.encoding, ENCODINGS, 'auto'),
    onDuplicate: oneOf('on-duplicate', values['on-duplicate'], POLICIES, 'skip'),
    ...(typeof values.preset === 'string' ? { preset: values.preset } : {}),
  };
  if (values['dry-run']) {
    const preview = unwrap<ImportPreview>(await backend.call('imports.preview', input));
    if (values.json) {
      console.log(JSON.stringify({ dryRun: true, ...preview.counts, rejectedRows: preview.rejected.map(({ line, reasons }) => ({ line, reasons })) }, null, 2));
      return;
    }
    console.log(`${preview.fileName}: ${preview.format.toUpperCase()}${preview.encoding ? `, ${preview.encoding}` : ''}, ${preview.counts.totalRows} rows (dry run: nothing written)`);
    console.log(`  mapping: ${preview.mapping.map((m) => `${m.header} → ${m.target}`).join(', ')}`);
    const c = preview.counts;
    console.log(`  would create ${c.toCreate}, update ${c.toUpdate}, skip ${c.skipped}, reject ${c.rejected} (duplicates: ${c.duplicatesInStore} in the store, ${c.duplicatesInFile} within the file)`);
    for (const w of preview.mappingWarnings) console.log(`  warning: ${w.message}`);
    printRejected(preview.rejected);
    return;
  }
  const result = unwrap<ImportResult>(await backend.call('imports.commit', input));
  if (values.json) {
    const { rejectedRows, ...record } = result;
    console.log(JSON.stringify({ dryRun: false, ...record, rejectedRows: rejectedRows.map(({ line, reasons }) => ({ line, reasons })) }, null, 2));
    return;
  }
  console.log(`${result.fileName}: ${result.totalRows} rows: created ${result.created}, updated ${result.updated}, skipped ${result.skipped}, rejected ${result.rejected}.`);
  printRejected(result.rejectedRows);
  console.log(`\nImport ${result.id} is committed. Undo it with: bantam undo-import ${result.id}`);
};

export const importsCommand = async (backend: Backend, values: CliValues): Promise<void> => {
  const records = unwrap<ImportRecord[]>(await backend.call('imports.list', {}));
  if (values.json) {
    console.log(JSON.stringify(records, null, 2));
    return;
  }
  for (const r of records) {
    console.log([r.id, r.startedAt, r.fileName, `+${r.created} ~${r.updated} skip ${r.skipped} reject ${r.rejected}`, r.undoneAt ? `undone ${r.undoneAt}` : ''].join('\t'));
  }
  console.log(`${records.length} imports.`);
};

export const undoImportCommand = async (backend: Backend, values: CliValues, id: string | undefined): Promise<void> => {
  if (!id) throw new UsageError('undo-import needs the import id (see: bantam imports).');
  const result = unwrap<UndoResult>(await backend.call('imports.undo', { id }));
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else console.log(`Import ${id} undone: removed ${result.removed} leads, restored ${result.restored}, kept ${result.keptNewer} newer values.`);
};
