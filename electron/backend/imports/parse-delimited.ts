import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import type { SourceProblem, SourceRow } from './source';

export type Delimiter = ',' | '\t' | ';';
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

// Inside quotes csv-parse counts every CR and LF as a line, so a quoted CRLF counts twice.
// Returns the real line breaks in a record's cells and how many csv-parse counted too many.
const lineBreaksIn = (cells: string[]): { breaks: number; extra: number } => {
  let breaks = 0;
  let extra = 0;
  for (const cell of cells) {
    if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) continue;
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      if (c === LF) breaks++;
      else if (c === CR) {
        if (cell.charCodeAt(i + 1) === LF) extra++;
        else breaks++;
      }
    }
  }
  return { breaks, extra };
};

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

// Parses delimited text: the first non-blank record is the header, blank records are skipped,
// and records that do not fit the header are reported with their line, never guessed into rows.
export const parseDelimited = (text: string, delimiter: Delimiter): DelimitedTable => {
  const table: DelimitedTable = { headers: [], rows: [], problems: [] };
  const { rows, problems } = table;
  let headerSeen = false;
  let lastParserLine = 0; // csv-parse's count for the line the previous record ended on
  let drift = 0; // how far csv-parse's count is ahead of the real one
  let lastEndLine = 0; // real line on which the previous record ended
  let lastEndByte = 0; // UTF-8 offset just after the previous record

  const onRecord = (cells: string[], parserLine: number, endByte: number): void => {
    // csv-parse reports the line a record ends on. A record right after the previous one is on a
    // single line; otherwise subtract the line breaks inside its quoted cells.
    let line: number;
    if (parserLine === lastParserLine + 1) {
      line = parserLine - drift;
      lastEndLine = line;
    } else {
      const { breaks, extra } = lineBreaksIn(cells);
      drift += extra;
      lastEndLine = parserLine - drift;
      line = lastEndLine - breaks;
    }
    lastParserLine = parserLine;
    lastEndByte = endByte;
    if (isBlank(cells)) return;
    if (!headerSeen) {
      headerSeen = true;
      const headers = cells.map(cleanHeader);
      let width = headers.length;
      while (width > 1 && headers[width - 1] === '') width--;
      headers.length = width;
      table.headers = headers;
      return;
    }
    const width = table.headers.length;
    if (cells.length === width) {
      rows.push({ line, cells });
    } else if (cells.length > width && onlyEmptyFrom(cells, width)) {
      cells.length = width;
      rows.push({ line, cells });
    } else {
      problems.push({
        line,
        code: 'ragged_row',
        message: `Line ${line} has ${cells.length} cells but the header has ${width}. Check for an unquoted ${DELIMITER_NAMES[delimiter]} or a missing column.`,
        cells,
      });
    }
  };

  const bytes = Buffer.from(text, 'utf8');
  try {
    parse(bytes, {
      delimiter,
      // Any mix of CRLF, LF and lone CR (old Mac) line endings.
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      // A stray quote inside an unquoted field is kept as text, as Excel does.
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        onRecord(record, context.lines, context.bytes);
        return null; // keep nothing in csv-parse's own array
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError) || error.code !== 'CSV_QUOTE_NOT_CLOSED') throw error;
    problems.push(unterminatedQuote(bytes.subarray(lastEndByte).toString('utf8'), lastEndLine + 1, delimiter));
  }
  return table;
};

// Everything from an opening quote that is never closed to the end of the file is one problem,
// reported at the line where that record starts; its cells are that line as written.
const unterminatedQuote = (rest: string, nextLine: number, delimiter: Delimiter): SourceProblem => {
  let line = nextLine;
  let i = 0;
  for (; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    if (c === LF) line++;
    else if (c === CR) {
      if (rest.charCodeAt(i + 1) === LF) i++;
      line++;
    } else break;
  }
  let lineEnd = i;
  while (lineEnd < rest.length && rest.charCodeAt(lineEnd) !== LF && rest.charCodeAt(lineEnd) !== CR) lineEnd++;
  return {
    line,
    code: 'unterminated_quote',
    message: `Line ${line} opens a quoted field (") that is never closed, so the rest of the file from that line could not be read. Add the missing closing quote or remove the stray one.`,
    cells: rest.slice(i, lineEnd).split(delimiter),
  };
};
