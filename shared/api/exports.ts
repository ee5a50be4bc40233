import { z } from 'zod';
import { daySchema } from '../domain/bant';
import { STAGES, type Stage } from '../domain/stages';
import { method } from './define';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const EXPORT_ENCODINGS = ['utf8-bom', 'cp932'] as const;
// Which of a lead's dates the period filter reads.
export const EXPORT_DATE_FIELDS = ['stageChangedAt', 'createdAt', 'lastCalledAt'] as const;
export const EXPORT_COLUMN_GROUPS = ['company', 'contact', 'lead', 'stageDates', 'activity', 'bant', 'handoff'] as const;
export const EXPORT_COLUMN_TYPES = ['text', 'number', 'date', 'datetime'] as const;
export const DEFAULT_EXPORT_STAGES: readonly Stage[] = ['tql', 'sal', 'sql'];
// What an export holds when no columns were chosen: who the lead is, where it stands, its BANT.
export const DEFAULT_EXPORT_COLUMNS: readonly string[] = [
  'companyName', 'department', 'title', 'familyName', 'givenName', 'email', 'phone', 'stage',
  'owner', 'source', 'reachedTql', 'budgetStatus', 'authorityRole', 'needSeverity', 'timelineHorizon', 'latestNote',
];

export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportEncoding = (typeof EXPORT_ENCODINGS)[number];
export type ExportDateField = (typeof EXPORT_DATE_FIELDS)[number];
export type ExportColumnGroup = (typeof EXPORT_COLUMN_GROUPS)[number];
export type ExportColumnType = (typeof EXPORT_COLUMN_TYPES)[number];

// One exportable column: its id (what --columns and presets name), the group it is chosen in,
// the catalog key of its header, and how its cells are typed in XLSX.
export type ExportColumn = { id: string; group: ExportColumnGroup; labelKey: string; type: ExportColumnType };
// A preset: a fixed column set with another tool's header names (for re-importing there).
export type ExportPreset = { id: string; name: string; columns: { id: string; header: string }[] };

export const exportFilterSchema = z
  .object({
    stages: z.array(z.enum(STAGES)).min(1, 'Choose at least one stage to export.').max(STAGES.length).default([...DEFAULT_EXPORT_STAGES]),
    dateField: z.enum(EXPORT_DATE_FIELDS).default('stageChangedAt'),
    // JST calendar days, both included.
    from: daySchema.optional(),
    to: daySchema.optional(),
    owner: z.string().trim().min(1).max(100).optional(),
    source: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
    message: 'The period starts after it ends; swap the dates.',
    path: ['to'],
  });
export type ExportFilter = z.output<typeof exportFilterSchema>;

export const exportRunInput = z
  .object({
    filter: exportFilterSchema.default({ stages: [...DEFAULT_EXPORT_STAGES], dateField: 'stageChangedAt' }),
    // Column ids in the order wanted; omitted with a preset, which brings its own.
    columns: z.array(z.string().min(1).max(60)).min(1, 'Choose at least one column.').max(200).optional(),
    preset: z.string().min(1).max(60).optional(),
    format: z.enum(EXPORT_FORMATS).default('csv'),
    // CSV only; XLSX is always Unicode.
    encoding: z.enum(EXPORT_ENCODINGS).default('utf8-bom'),
    path: z.string().trim().min(1, 'Choose where to save the file.'),
    // True only when the user confirmed replacing the file (the save dialog asks; the CLI's --force).
    overwrite: z.boolean().default(false),
  })
  .strict();
export type ExportRunInput = z.input<typeof exportRunInput>;

export type ExportRecord = {
  id: string;
  actor: string;
  startedAt: string;
  finishedAt: string;
  filter: ExportFilter;
  columns: string[];
  preset: string | null;
  format: ExportFormat;
  encoding: ExportEncoding | null;
  rowCount: number;
  fileName: string;
};

// A character CP932 (Shift_JIS) cannot hold: the data row (1 = first after the header), the column, the character.
export type Cp932Problem = { row: number; column: string; character: string; codePoint: string };

// A CP932 export with characters it cannot hold writes nothing and lists them (the first 200 of `total`).
export type ExportOutcome =
  | { kind: 'written'; record: ExportRecord; path: string }
  | { kind: 'unrepresentable'; problems: Cp932Problem[]; total: number };

export const exportsApi = {
  'exports.columns': method<{ columns: ExportColumn[]; presets: ExportPreset[] }>()(
    z.object({}).strict(),
    'The columns an export can hold, grouped, and the CRM re-import presets.',
  ),
  'exports.run': method<ExportOutcome>()(exportRunInput, 'Write the filtered leads to a CSV or XLSX file, streamed, and record the export.'),
  'exports.cancel': method<{ cancelled: boolean }>()(z.object({}).strict(), 'Cancel the running export; its partial file is removed.'),
  'exports.log': method<ExportRecord[]>()(
    z.object({ limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    'Every recorded export, newest first.',
  ),
};
