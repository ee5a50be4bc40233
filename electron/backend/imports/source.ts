// What reading an import file yields, whatever its format: the header row and every data row
// with the line it started on, so reports can point the user at the exact place.

import type { ImportEncoding } from '../../../shared/api/imports';

export type { ImportEncoding };

export type SourceFormat = 'csv' | 'tsv' | 'xlsx';

export type SourceRow = {
  // 1-based line in the file where the row starts (for XLSX: the sheet's row number).
  line: number;
  cells: string[];
};

// A row that cannot be read as a record (e.g. a different number of cells than the header).
export type SourceProblem = {
  line: number;
  code: 'ragged_row' | 'unterminated_quote';
  message: string;
  cells: string[];
};

export type ParsedSource = {
  format: SourceFormat;
  encoding: ImportEncoding | null; // null for XLSX
  delimiter: ',' | '\t' | ';' | null; // null for XLSX
  sheets: string[]; // XLSX sheet names, [] otherwise
  sheet: string | null;
  headers: string[];
  rows: SourceRow[];
  problems: SourceProblem[];
};

// A source whose rows are read by `scan`, as often as needed: from memory (XLSX) or from the file
// again, a chunk at a time (CSV/TSV), so a file of any size needs memory for one chunk only.
export type ImportSource = Omit<ParsedSource, 'rows' | 'problems'> & {
  byteLength: number;
  inMemory: boolean;
  // Calls `visit` with each data row and how far through the source it is (0-1); returns the
  // records that could not be read as rows.
  scan: (visit: (row: SourceRow, fraction: number) => void) => SourceProblem[];
  close: () => void;
};

export type ReadOptions = {
  encoding?: ImportEncoding | 'auto';
  delimiter?: ',' | '\t' | ';' | 'auto';
  sheet?: string;
};
