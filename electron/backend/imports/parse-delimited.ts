import { createRecordParser, type Delimiter } from './record-parser';
import type { SourceProblem, SourceRow } from './source';

export type { Delimiter };
export type DelimitedTable = { headers: string[]; rows: SourceRow[]; problems: SourceProblem[] };

const CANDIDATES: readonly Delimiter[] = [',', '\t', ';'];
const SAMPLE_RECORDS = 10;
const SAMPLE_CHARS = 64 * 1024;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

// Counts each candidate outside quotes on the first records; the one with the same non-zero count
// on every sampled record wins (the most per record if several do). Comma when nothing is clear.
export const detectDelimiter = (text: string): Delimiter => {
  const counts: number[][] = [];
  let current = [0, 0, 0];
  let quoted = false;
  let nonEmpty = false;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end && counts.length < SAMPLE_RECORDS; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      quoted = !quoted;
      nonEmpty = true;
    } else if (quoted) {
      continue;
    } else if (c === LF || c === CR) {
      if (nonEmpty) counts.push(current);
      current = [0, 0, 0];
      nonEmpty = false;
    } else {
      nonEmpty = true;
      if (c === 0x2c) current[0]! += 1;
      else if (c === 0x09) current[1]! += 1;
      else if (c === 0x3b) current[2]! += 1;
    }
  }
  // A last record without a line break counts only if the sample holds the whole file.
  if (nonEmpty && (end === text.length || counts.length === 0)) counts.push(current);
  if (counts.length === 0) return ',';

  let best: Delimiter | null = null;
  let bestCount = 0;
  for (let k = 0; k < CANDIDATES.length; k++) {
    const first = counts[0]![k]!;
    if (first > bestCount && counts.every((row) => row[k] === first)) {
      best = CANDIDATES[k]!;
      bestCount = first;
    }
  }
  if (best !== null) return best;
  // No consistent candidate (e.g. ragged rows): trust the header line.
  const header = counts[0]!;
  const most = Math.max(...header);
  return most === 0 ? ',' : CANDIDATES[header.indexOf(most)]!;
};

const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon' };

const isBlank = (cells: string[]): boolean => {
  for (const cell of cells) if (cell !== '' && cell.trim() !== '') return false;
  return true;
};

const cleanHeader = (cell: string): string => (cell.charCodeAt(0) === 0xfeff ? cell.slice(1) : cell).trim();

// Excel pads rows with delimiters for columns that are empty; such surplus cells carry nothing.
const onlyEmptyFrom = (cells: string[], from: number): boolean => {
  for (let i = from; i < cells.length; i++) if (cells[i] !== '') return false;
  return true;
};

export type TableSink = {
  header: (headers: string[]) => void;
  row: (row: SourceRow) => void;
  problem: (problem: SourceProblem) => void;
};

// Reads delimited text fed in chunks: the first non-blank record is the header, blank records are
// skipped, and records that do not fit the header are reported with their line, never guessed into rows.
export const createTableReader = (delimiter: Delimiter, sink: TableSink) => {
  let width = -1;
  const parser = createRecordParser(delimiter, {
    record(cells, line) {
      if (isBlank(cells)) return;
      if (width === -1) {
        const headers = cells.map(cleanHeader);
        width = headers.length;
        while (width > 1 && headers[width - 1] === '') width--;
        headers.length = width;
        sink.header(headers);
      } else if (cells.length === width) {
        sink.row({ line, cells });
      } else if (cells.length > width && onlyEmptyFrom(cells, width)) {
        cells.length = width;
        sink.row({ line, cells });
      } else {
        sink.problem({
          line,
          code: 'ragged_row',
          message: `Line ${line} has ${cells.length} cells but the header has ${width}. Check for an unquoted ${DELIMITER_NAMES[delimiter]} or a missing column.`,
          cells,
        });
      }
    },
    // Everything from an opening quote that is never closed to the end of the file is one problem,
    // reported at the line where that record starts; its cells are that line as written.
    unterminated(line, firstLine) {
      sink.problem({
        line,
        code: 'unterminated_quote',
        message: `Line ${line} opens a quoted field (") that is never closed, so the rest of the file from that line could not be read. Add the missing closing quote or remove the stray one.`,
        cells: firstLine.split(delimiter),
      });
    },
  });
  return parser;
};

// Parses a whole text at once (files read in chunks use createTableReader).
export const parseDelimited = (text: string, delimiter: Delimiter): DelimitedTable => {
  const table: DelimitedTable = { headers: [], rows: [], problems: [] };
  const reader = createTableReader(delimiter, {
    header: (headers) => (table.headers = headers),
    row: (row) => table.rows.push(row),
    problem: (problem) => table.problems.push(problem),
  });
  reader.push(text);
  reader.end();
  return table;
};
