import fs from 'node:fs';
import { BantamError } from '../errors';
import { binaryFileError, decodeText, detectEncoding, looksBinary } from './decode';
import { noHeaderError, openDelimitedFile } from './file-source';
import { detectDelimiter, parseDelimited, type Delimiter } from './parse-delimited';
import { readXlsx } from './read-xlsx';
import type { ImportSource, ParsedSource, ReadOptions } from './source';

const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

const emptyFileError = (fileName: string): BantamError =>
  new BantamError('invalid_input', `The file is empty (0 bytes): ${fileName}. Check that you chose the right file and that it was saved completely.`, {
    messageKey: 'errors.import.empty',
    params: { fileName },
  });

const unreadableError = (error: unknown, file: string): BantamError => {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'cannot be read (permission denied)' : 'cannot be read';
  return new BantamError('invalid_input', `The file ${file} ${reason}. Check the path and try again.`, {
    messageKey: 'errors.import.unreadable',
    params: { path: file },
  });
};

const HEAD_BYTES = 8192;

const readHead = (file: string): { head: Buffer; size: number } => {
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(Math.min(HEAD_BYTES, stat.size));
      const n = fs.readSync(fd, head, 0, head.length, 0);
      return { head: head.subarray(0, n), size: stat.size };
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    throw unreadableError(error, file);
  }
};

const extensionOf = (fileName: string): string => {
  const dot = fileName.lastIndexOf('.');
  return dot === -1 ? '' : fileName.slice(dot + 1).toLowerCase();
};

// Reads an import file into a header and rows. The content decides the format (an XLSX is a ZIP
// whatever its name); the extension only sets the default delimiter (.tsv -> tab).
export const readImportSource = async (bytes: Buffer, fileName: string, options: ReadOptions = {}): Promise<ParsedSource> => {
  if (bytes.length === 0) throw emptyFileError(fileName);

  if (isZip(bytes)) {
    const xlsx = await readXlsx(bytes, options.sheet);
    return { format: 'xlsx', encoding: null, delimiter: null, notices: [], ...xlsx };
  }

  const encoding = options.encoding === undefined || options.encoding === 'auto' ? detectEncoding(bytes) : options.encoding;
  // A forced UTF-16 file is full of NUL bytes even without a BOM.
  if (encoding !== 'utf16le' && looksBinary(bytes)) throw binaryFileError(bytes, fileName);
  const text = decodeText(bytes, encoding);

  const delimiter: Delimiter =
    options.delimiter !== undefined && options.delimiter !== 'auto' ? options.delimiter : extensionOf(fileName) === 'tsv' ? '\t' : detectDelimiter(text);
  const table = parseDelimited(text, delimiter);

  if (table.headers.length === 0) throw noHeaderError(fileName, table.problems.find((p) => p.code === 'unterminated_quote') ?? null);

  return {
    format: delimiter === '\t' ? 'tsv' : 'csv',
    encoding,
    delimiter,
    sheets: [],
    sheet: null,
    headers: table.headers,
    rows: table.rows,
    problems: table.problems,
    notices: table.notices,
  };
};

// Opens an import file for reading. An XLSX streams by and its rows are kept as text;
// CSV and TSV are read a chunk at a time, once to check and plan, once more to write if needed.
export const openImportSource = async (file: string, fileName: string, options: ReadOptions = {}): Promise<ImportSource> => {
  const { head, size } = readHead(file);
  if (size === 0) throw emptyFileError(fileName);
  if (isZip(head)) {
    let bytes: Buffer;
    try {
      bytes = await fs.promises.readFile(file);
    } catch (error) {
      throw unreadableError(error, file);
    }
    const { rows, problems, notices, ...source } = await readImportSource(bytes, fileName, options);
    return {
      ...source,
      byteLength: size,
      inMemory: true,
      scan(visit) {
        rows.forEach((row, i) => visit(row, (i + 1) / rows.length));
        return { problems, notices };
      },
      close: () => undefined,
    };
  }
  const delimited = openDelimitedFile(file, fileName, head, {
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    tsvByName: extensionOf(fileName) === 'tsv',
  });
  return {
    format: delimited.delimiter === '\t' ? 'tsv' : 'csv',
    encoding: delimited.encoding,
    delimiter: delimited.delimiter,
    sheets: [],
    sheet: null,
    headers: delimited.headers,
    byteLength: size,
    inMemory: false,
    scan: delimited.scan,
    close: delimited.close,
  };
};
