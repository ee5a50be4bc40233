import { z } from 'zod';
import { IMPORT_TARGETS } from '../domain/import-fields';
import type { ColumnMapping } from '../domain/import-mapping';
import type { LeadInput } from '../domain/lead';
import { STAGES } from '../domain/stages';
import { method } from './define';

export const ON_DUPLICATE = ['skip', 'fill', 'overwrite', 'create'] as const;
export const IMPORT_ENCODINGS = ['utf8', 'utf8-bom', 'cp932', 'utf16le'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];
export type OnDuplicate = (typeof ON_DUPLICATE)[number];

const columnMapping = z.array(z.object({ header: z.string(), target: z.enum(IMPORT_TARGETS) }).strict());

export const importOptions = z
  .object({
    path: z.string().trim().min(1, 'Choose the file to import.'),
    encoding: z.enum(['auto', ...IMPORT_ENCODINGS]).default('auto'),
    delimiter: z.enum(['auto', ',', '\t', ';']).default('auto'),
    sheet: z.string().min(1).optional(),
    // Omitted: the mapping suggested from the headers (or the preset's, when a preset is named).
    mapping: columnMapping.optional(),
    preset: z.string().trim().min(1).optional(),
    onDuplicate: z.enum(ON_DUPLICATE).default('skip'),
    defaultStage: z.enum(STAGES).default('lead'),
    defaultSource: z.string().trim().max(100).optional(),
    defaultOwner: z.string().trim().max(100).optional(),
  })
  .strict();
export type ImportOptions = z.input<typeof importOptions>;

export type RowReason = {
  field: string;
  code: string;
  message: string;
  messageKey: string;
  params?: Record<string, string | number>;
};
export type RejectedRow = { line: number; reasons: RowReason[]; cells: string[] };
// Lines the import recognised as not data and left out, said so in the preview and the report.
export type ImportNotice = {
  code: 'salesforce_footer';
  line: number;
  lines: number;
  message: string;
  messageKey: string;
  params: Record<string, string | number>;
};

export type ImportCounts = {
  totalRows: number;
  toCreate: number;
  toUpdate: number;
  skipped: number;
  rejected: number;
  duplicatesInStore: number;
  duplicatesInFile: number;
  // Duplicate rows folded into the lead an earlier row of the same file creates or updates (fill,
  // overwrite): totalRows = toCreate + toUpdate + mergedInFile + skipped + rejected.
  mergedInFile: number;
};

export type ImportPreview = {
  fileName: string;
  format: 'csv' | 'tsv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheets: string[];
  sheet: string | null;
  headers: string[];
  mapping: ColumnMapping;
  mappingWarnings: { code: string; message: string; messageKey: string }[];
  // The first rows as they will be stored (or why not), to check the mapping before committing.
  sample: { line: number; lead: LeadInput | null; reasons: RowReason[] }[];
  counts: ImportCounts;
  rejected: RejectedRow[];
  notices: ImportNotice[];
};

export type ImportRecord = {
  id: string;
  fileName: string;
  format: 'csv' | 'tsv' | 'xlsx';
  encoding: string | null;
  sheet: string | null;
  onDuplicate: OnDuplicate;
  actor: string;
  startedAt: string;
  finishedAt: string;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  // As in ImportCounts: totalRows = created + updated + unchanged + mergedInFile + skipped + rejected.
  mergedInFile: number;
  undoneAt: string | null;
};

export type ImportResult = ImportRecord & { rejectedRows: RejectedRow[]; notices: ImportNotice[] };
export type UndoResult = { importId: string; removed: number; restored: number; keptNewer: number; undoneAt: string };
export type MappingPreset = { name: string; mapping: ColumnMapping; updatedAt: string };

const byId = z.object({ id: z.string().min(1) }).strict();

export const importsApi = {
  'imports.preview': method<ImportPreview>()(importOptions, 'Read a file and show what importing it would do; writes nothing.'),
  'imports.commit': method<ImportResult>()(importOptions, 'Import a file: all of it in one transaction, or nothing.'),
  'imports.cancel': method<{ cancelled: boolean }>()(
    z.object({}).strict(),
    'Cancel the running import or preview; nothing of it is written.',
  ),
  'imports.undo': method<UndoResult>()(byId, 'Undo an import as one step.'),
  'imports.list': method<ImportRecord[]>()(z.object({}).strict(), 'Every recorded import, newest first.'),
  'imports.rejectedCsv': method<{ path: string; rows: number }>()(
    z.object({ id: z.string().min(1), path: z.string().trim().min(1) }).strict(),
    "Save an import's rejected rows as CSV in the file's original columns, to fix and re-import.",
  ),
  'imports.savePreset': method<MappingPreset>()(
    z.object({ name: z.string().trim().min(1, 'Give the preset a name.').max(80), mapping: columnMapping }).strict(),
    'Save a column mapping under a name (replacing one of the same name).',
  ),
  'imports.presets': method<MappingPreset[]>()(z.object({}).strict(), 'The saved column mappings.'),
};

