import fs from 'node:fs';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import ZipStream from 'zip-stream';
import type { Cp932Problem, ExportEncoding } from '../../../shared/api/exports';
import { csvCell, columnWidth } from './cell-values';
import type { ColumnDef } from './columns';
import { encodeCp932, findCp932Problems, roundTrips } from './cp932';
import { createSheetXml, SHEET_PATH, staticParts } from './xlsx-sheet';

// At most this many unrepresentable characters are listed; the rest are only counted.
export const MAX_LISTED_PROBLEMS = 200;

// Where the rows go. Writes are streamed: only the current page of rows is ever in memory.
export type ExportSink = {
  // rows[i] is data row firstRow + i (1 = the first row after the header).
  write(rows: readonly unknown[][], firstRow: number): Promise<void>;
  finish(): Promise<void>;
  // Stops writing; the caller removes the file.
  abort(): Promise<void>;
  // Characters CP932 could not hold (CSV in CP932 only).
  problems: Cp932Problem[];
  problemTotal: () => number;
};

// A new file only ('wx'): the runner writes to a fresh temporary name and renames at the end.
const openFile = async (file: string): Promise<fs.WriteStream> => {
  const stream = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
  await once(stream, 'ready');
  return stream;
};

const put = async (stream: fs.WriteStream, bytes: Buffer): Promise<void> => {
  if (!stream.write(bytes)) await once(stream, 'drain');
};

// Stops a file stream without waiting for its pending writes; their errors no longer matter.
const discard = (stream: fs.WriteStream): Promise<void> =>
  new Promise((resolve) => {
    if (stream.closed) return resolve();
    stream.on('error', () => undefined);
    stream.once('close', () => resolve());
    stream.destroy();
  });

const CSV_OPTIONS = { record_delimiter: '\r\n' } as const;

export const openCsvSink = async (file: string, columns: readonly ColumnDef[], headers: readonly string[], encoding: ExportEncoding): Promise<ExportSink> => {
  const stream = await openFile(file);
  const problems: Cp932Problem[] = [];
  let total = 0;
  const note = (found: Cp932Problem[]): void => {
    total += found.length;
    problems.push(...found.slice(0, Math.max(0, MAX_LISTED_PROBLEMS - problems.length)));
  };
  // Returns the bytes to write, or null when CP932 cannot hold the text (the problems are noted).
  const encode = (text: string, cells: readonly (string | number)[][], firstRow: number): Buffer | null => {
    if (encoding === 'utf8-bom') return Buffer.from(text, 'utf8');
    const bytes = encodeCp932(text);
    if (roundTrips(text, bytes)) return bytes;
    cells.forEach((row, i) => note(findCp932Problems(row.map(String), firstRow + i, headers)));
    return null;
  };
  const header = encode(stringify([headers as string[]], CSV_OPTIONS), [headers as string[]], 0);
  // UTF-8 with a BOM: Japanese Excel opens it correctly by double-click.
  if (header) await put(stream, encoding === 'utf8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), header]) : header);
  return {
    problems,
    problemTotal: () => total,
    async write(rows, firstRow) {
      const cells = rows.map((row) => row.map((value, i) => csvCell(value, columns[i]!.type)));
      const bytes = encode(stringify(cells, CSV_OPTIONS), cells, firstRow);
      // Once a character is refused the file will be removed: keep scanning, stop writing.
      if (bytes && total === 0) await put(stream, bytes);
    },
    async finish() {
      stream.end();
      await finished(stream);
    },
    abort: () => discard(stream),
  };
};

// Deflate level for the workbook: level 1 writes 100,000 rows about twice as fast as the default 6
// for a file a fifth larger (measured with npm run bench -- export).
const XLSX_COMPRESSION_LEVEL = 1;

export const openXlsxSink = async (file: string, columns: readonly ColumnDef[], headers: readonly string[]): Promise<ExportSink> => {
  const stream = await openFile(file);
  const zip = new ZipStream({ level: XLSX_COMPRESSION_LEVEL });
  // Settles when the file is closed; rejects on the first write error (a full disk).
  const saved = pipeline(zip, stream);
  saved.catch(() => undefined);
  // zip-stream takes one entry at a time: each is added once the previous one is in.
  const add = (source: string | PassThrough, name: string): Promise<void> =>
    new Promise((resolve, reject) => zip.entry(source, { name }, (error) => (error ? reject(error) : resolve())));
  for (const part of staticParts('Leads')) await add(part.xml, part.name);
  const sheet = createSheetXml(columns.map((c, i) => ({ type: c.type, header: headers[i] ?? c.id, width: columnWidth(c.id, c.type, headers[i] ?? c.id) })));
  const sheetStream = new PassThrough();
  const sheetAdded = add(sheetStream, SHEET_PATH);
  sheetAdded.catch(() => undefined);
  const put = async (xml: string): Promise<void> => {
    if (!sheetStream.write(xml)) await Promise.race([once(sheetStream, 'drain'), saved, sheetAdded]);
  };
  await put(sheet.head);
  return {
    problems: [],
    problemTotal: () => 0,
    async write(rows, firstRow) {
      let xml = '';
      // Data row n is sheet row n + 1, below the header.
      rows.forEach((row, i) => (xml += sheet.row(row, firstRow + i + 1)));
      await put(xml);
    },
    async finish() {
      sheetStream.end(sheet.tail);
      await sheetAdded;
      zip.finalize();
      await saved;
    },
    async abort() {
      sheetStream.destroy();
      zip.destroy();
      await discard(stream);
    },
  };
};
