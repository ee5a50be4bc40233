import type { PickedFile } from '../../shared/api';
import { IMPORT_ENCODINGS, type ImportOptions, type OnDuplicate } from '../../shared/api/imports';
import type { ImportTarget } from '../../shared/domain/import-fields';
import type { ColumnMapping } from '../../shared/domain/import-mapping';

export const ENCODINGS = ['auto', ...IMPORT_ENCODINGS] as const;
export type Encoding = (typeof ENCODINGS)[number];

// What the user chose so far; kept across failed previews so nothing has to be chosen twice.
export type ImportChoices = {
  encoding: Encoding;
  sheet: string | undefined;
  onDuplicate: OnDuplicate;
  // Targets the user picked by hand, by header: re-applied when the headers are read again.
  overrides: Record<string, ImportTarget>;
};

export const INITIAL_CHOICES: ImportChoices = { encoding: 'auto', sheet: undefined, onDuplicate: 'skip', overrides: {} };

export const toOptions = (file: PickedFile, choices: ImportChoices, mapping: ColumnMapping | undefined, preset?: string): ImportOptions => ({
  path: file.path,
  encoding: choices.encoding,
  onDuplicate: choices.onDuplicate,
  ...(choices.sheet ? { sheet: choices.sheet } : {}),
  ...(mapping ? { mapping } : {}),
  ...(preset ? { preset } : {}),
});

// A mapping as by-header overrides, so it survives the headers being read again.
export const toOverrides = (mapping: ColumnMapping): Record<string, ImportTarget> =>
  Object.fromEntries(mapping.map((entry) => [entry.header, entry.target]));

// The suggested mapping with the user's own choices laid over it; null when nothing changes.
export const applyOverrides = (mapping: ColumnMapping, overrides: Record<string, ImportTarget>): ColumnMapping | null => {
  let changed = false;
  const merged = mapping.map((entry) => {
    const chosen = overrides[entry.header];
    if (chosen === undefined || chosen === entry.target) return entry;
    changed = true;
    return { header: entry.header, target: chosen };
  });
  return changed ? merged : null;
};

// Rejected rows go next to the source file: same folder, "<name>-rejected.csv".
export const rejectedCsvPath = (sourcePath: string): string => {
  const cut = Math.max(sourcePath.lastIndexOf('/'), sourcePath.lastIndexOf('\\'));
  const folder = sourcePath.slice(0, cut + 1);
  const base = sourcePath.slice(cut + 1);
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return `${folder}${stem}-rejected.csv`;
};
