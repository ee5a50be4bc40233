import { DEFAULT_EXPORT_STAGES, type ExportDateField, type ExportEncoding, type ExportFormat, type ExportRunInput } from '../../shared/api/exports';
import type { Stage } from '../../shared/domain/stages';

// What the Export screen holds while the team lead sets up an export.
export type ExportOptions = {
  stages: Stage[];
  dateField: ExportDateField;
  from: string;
  to: string;
  owner: string;
  source: string;
  preset: string;
  columns: string[];
  format: ExportFormat;
  encoding: ExportEncoding;
};

export const initialOptions = (columns: string[]): ExportOptions => ({
  stages: [...DEFAULT_EXPORT_STAGES],
  dateField: 'stageChangedAt',
  from: '',
  to: '',
  owner: '',
  source: '',
  preset: '',
  columns,
  format: 'csv',
  encoding: 'utf8-bom',
});

// The file name the save dialog suggests: bantam-export-YYYY-MM-DD.csv (the local day).
export const suggestedFileName = (format: ExportFormat, today: Date): string => {
  const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  return `bantam-export-${day}.${format}`;
};

// The contract input; empty fields are left out. A path from the save dialog may replace a file:
// the dialog asked.
export const runInput = (options: ExportOptions, path: string): ExportRunInput => ({
  path,
  overwrite: true,
  format: options.format,
  encoding: options.encoding,
  filter: {
    stages: options.stages,
    dateField: options.dateField,
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
    ...(options.owner ? { owner: options.owner } : {}),
    ...(options.source ? { source: options.source } : {}),
  },
  ...(options.preset ? { preset: options.preset } : { columns: options.columns }),
});
