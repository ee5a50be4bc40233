import type ExcelJS from 'exceljs';
import type { CellValue, Row } from 'exceljs';
import { Readable } from 'node:stream';
import { BantamError } from '../errors';
import type { SourceProblem, SourceRow } from './source';

export type XlsxTable = { sheets: string[]; sheet: string; headers: string[]; rows: SourceRow[]; problems: SourceProblem[] };

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

// Excel dates have no time zone; exceljs hands them over as UTC instants of the wall-clock time.
const dateText = (d: Date): string => {
  if (Number.isNaN(d.getTime())) return '';
  // Serial fractions are rarely exact: round to the second so 10:30 is not 10:29:59.999.
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  const date = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  const time = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
  if (date === '1899-12-30') return time; // a time of day without a date (serial < 1)
  return time === '00:00:00' ? date : `${date}T${time}`;
};

// Integers as their digits (a phone number stored as a number has lost its leading 0: it stays
// lost); fractions to Excel's 15 significant digits, which drops float noise like 0.1+0.2.
const numberText = (n: number): string => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15))));

// One cell as the text the user would expect to see; '' for empty.
export const cellText = (value: CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  // Formulas: their cached result (absent if the file was never calculated).
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  // Hyperlinks: the displayed text, which can itself be rich text.
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  if ('error' in value) return value.error;
  return '';
};

const quoteList = (names: string[]): string => names.map((n) => `"${n}"`).join(', ');

const badWorkbookError = (cause: unknown): BantamError =>
  new BantamError(
    'invalid_input',
    'The file is not a readable Excel workbook (.xlsx): it may be damaged or another kind of ZIP file. Open it in Excel and save it again as .xlsx or CSV.',
    { messageKey: 'errors.import.badXlsx', cause },
  );

const noSheetsError = (): BantamError =>
  new BantamError('invalid_input', 'The workbook has no sheets. Open it in Excel, check that it holds the leads, and save it again.', {
    messageKey: 'errors.import.noSheets',
  });

const unknownSheetError = (wanted: string, names: string[]): BantamError =>
  new BantamError('invalid_input', `The workbook has no sheet named "${wanted}". Its sheets are: ${quoteList(names)}. Choose one of them.`, {
    messageKey: 'errors.import.unknownSheet',
    params: { sheet: wanted, sheets: names.join(', ') },
  });

const columnName = (col: number): string => {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

// The header and rows of one sheet as they stream by: its first non-blank row is the header,
// blank rows are skipped, line numbers are the sheet's row numbers.
const createSheetTable = () => {
  let headers: string[] = [];
  const rows: SourceRow[] = [];
  const problems: SourceProblem[] = [];
  return {
    add(row: Row): void {
      const line = row.number;
      const cells: string[] = [];
      let blank = true;
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const text = cellText(cell.value);
        if (text.trim() === '') return;
        while (cells.length < col - 1) cells.push('');
        cells[col - 1] = text;
        blank = false;
      });
      if (blank) return;
      if (headers.length === 0) {
        headers = cells.map((h) => h.trim());
        return;
      }
      // A value right of the last header has no column to go to.
      if (cells.length > headers.length) {
        problems.push({
          line,
          code: 'ragged_row',
          message: `Row ${line} has a value in column ${columnName(cells.length)} but the header ends at column ${columnName(headers.length)}. Add a header for that column or remove the value.`,
          cells,
        });
        return;
      }
      while (cells.length < headers.length) cells.push('');
      rows.push({ line, cells });
    },
    result: () => ({ headers, rows, problems }),
  };
};

type SheetTable = ReturnType<typeof createSheetTable>;

// The sheet names in the workbook's own order, once its workbook part has been read.
const sheetNamesOf = (reader: ExcelJS.stream.xlsx.WorkbookReader): string[] =>
  ((reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []).map((s) => s.name);

type Chosen = { name: string; table: SheetTable } | null;

// Streams the workbook: its rows pass by one at a time and only their texts are kept, so a
// 100,000-row workbook needs a fraction of the memory of the whole workbook model. Dates come from
// the cells' number formats.
const streamSheet = async (buffer: Buffer, sheet: string | undefined): Promise<{ sheets: string[]; chosen: Chosen }> => {
  // Loaded on the first workbook: most imports are CSV, and exceljs and its dependencies are most
  // of what the import worker would otherwise set up before reading anything.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let chosen: Chosen = null;
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name: string }).name;
    const table: SheetTable | null = chosen === null && name === (sheet ?? sheetNamesOf(reader)[0]) ? createSheetTable() : null;
    // Every sheet is read through (the zip streams by); only the chosen one's rows are kept.
    for await (const row of worksheet) table?.add(row);
    if (table) chosen = { name, table };
  }
  return { sheets: sheetNamesOf(reader), chosen };
};

// Reads one sheet (the first unless named).
export const readXlsx = async (bytes: Uint8Array | Buffer, sheet?: string): Promise<XlsxTable> => {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { sheets, chosen } = await streamSheet(buffer, sheet).catch((error: unknown) => {
    throw badWorkbookError(error);
  });
  if (chosen === null) throw sheet === undefined || sheets.length === 0 ? noSheetsError() : unknownSheetError(sheet, sheets);
  const { headers, rows, problems } = chosen.table.result();
  if (headers.length === 0) {
    throw new BantamError('invalid_input', `The sheet "${chosen.name}" is empty. Choose the sheet that holds the leads${sheets.length > 1 ? ` (sheets: ${quoteList(sheets)})` : ''}.`, {
      messageKey: 'errors.import.emptySheet',
      params: { sheet: chosen.name, sheets: sheets.join(', ') },
    });
  }
  return { sheets, sheet: chosen.name, headers, rows, problems };
};
