import fs from 'node:fs';
import iconv from 'iconv-lite';
import { BantamError } from '../errors';
import { binaryFileError, decodeText, looksBinary } from './decode';
import { createTableReader, detectDelimiter, type Delimiter } from './parse-delimited';
import type { ImportEncoding, ScanResult, SourceNotice, SourceProblem, SourceRow } from './source';

// Bytes read per step. Small on purpose: a decoded chunk of over ~128 KB would be a large V8 object,
// which only a full garbage collection frees, and a 200 MB file would pile up hundreds of them.
const CHUNK_BYTES = 32 * 1024;
// The delimiter is detected on the first records; this many bytes hold them in any real file.
const SNIFF_BYTES = 256 * 1024;

type ChunkDecoder = { write: (bytes: Buffer) => string; end: () => string };

const chunkDecoder = (encoding: ImportEncoding): ChunkDecoder => {
  if (encoding === 'cp932') {
    const decoder = iconv.getDecoder('cp932');
    return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? '' };
  }
  const decoder = new TextDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-8');
  return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
};

// Calls `visit` with each chunk of the file, from the start; `visit` returns false to stop early.
const eachChunk = (fd: number, visit: (bytes: Buffer, readSoFar: number) => boolean): void => {
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let position = 0;
  for (;;) {
    const n = fs.readSync(fd, buffer, 0, CHUNK_BYTES, position);
    if (n === 0) return;
    position += n;
    if (!visit(buffer.subarray(0, n), position)) return;
  }
};

// The same answer as detectEncoding on the whole file, reading it a chunk at a time.
const detectFileEncoding = (fd: number, head: Buffer): ImportEncoding => {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8-bom';
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let valid = true;
  try {
    eachChunk(fd, (bytes) => {
      utf8.decode(bytes, { stream: true });
      return true;
    });
    utf8.decode();
  } catch {
    valid = false;
  }
  return valid ? 'utf8' : 'cp932';
};

export type FileSourceOptions = { encoding?: ImportEncoding | 'auto'; delimiter?: Delimiter | 'auto'; tsvByName: boolean };

export type DelimitedFileSource = {
  encoding: ImportEncoding;
  delimiter: Delimiter;
  headers: string[];
  size: number;
  // Reads the whole file again; `visit` gets each data row and how far through the file it is (0-1).
  scan: (visit: (row: SourceRow, fraction: number) => void) => ScanResult;
  close: () => void;
};

const readTable = (
  fd: number,
  encoding: ImportEncoding,
  delimiter: Delimiter,
  size: number,
  sink: {
    header: (headers: string[]) => void;
    row: (row: SourceRow, fraction: number) => void;
    problem: (p: SourceProblem) => void;
    notice: (n: SourceNotice) => void;
  },
  until: () => boolean = () => false,
): void => {
  const decoder = chunkDecoder(encoding);
  let fraction = 0;
  let first = true;
  const reader = createTableReader(delimiter, { header: sink.header, row: (row) => sink.row(row, fraction), problem: sink.problem, notice: sink.notice });
  const feed = (text: string): void => {
    // Decoders drop one BOM; a forced encoding may leave another kind (as decodeText does).
    const clean = first && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (text !== '') first = false;
    reader.push(clean);
  };
  let stopped = false;
  eachChunk(fd, (bytes, readSoFar) => {
    fraction = size === 0 ? 1 : readSoFar / size;
    feed(decoder.write(bytes));
    stopped = until();
    return !stopped;
  });
  if (stopped) return;
  feed(decoder.end());
  reader.end();
};

// Opens a CSV/TSV file for reading in chunks: detects the encoding (over the whole file) and the
// delimiter, and reads the header. Rows are only read by `scan`, as often as needed.
export const openDelimitedFile = (file: string, fileName: string, head: Buffer, options: FileSourceOptions): DelimitedFileSource => {
  const fd = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    const encoding = options.encoding === undefined || options.encoding === 'auto' ? detectFileEncoding(fd, head) : options.encoding;
    // A forced UTF-16 file is full of NUL bytes even without a BOM.
    if (encoding !== 'utf16le' && looksBinary(head)) throw binaryFileError(head, fileName);
    let delimiter: Delimiter;
    if (options.delimiter !== undefined && options.delimiter !== 'auto') delimiter = options.delimiter;
    else if (options.tsvByName) delimiter = '\t';
    else {
      const sniff = Buffer.allocUnsafe(Math.min(SNIFF_BYTES, stat.size));
      const n = fs.readSync(fd, sniff, 0, sniff.length, 0);
      delimiter = detectDelimiter(decodeText(sniff.subarray(0, n), encoding));
    }

    let headers: string[] | null = null;
    let unterminated: SourceProblem | null = null;
    readTable(
      fd,
      encoding,
      delimiter,
      stat.size,
      {
        header: (h) => (headers = h),
        row: () => undefined,
        problem: (p) => {
          if (p.code === 'unterminated_quote') unterminated = p;
        },
        notice: () => undefined,
      },
      () => headers !== null,
    );
    if (headers === null) throw noHeaderError(fileName, unterminated);

    const found: string[] = headers;
    return {
      encoding,
      delimiter,
      headers: found,
      size: stat.size,
      scan(visit) {
        const now = fs.fstatSync(fd);
        if (now.size !== stat.size || now.mtimeMs !== stat.mtimeMs) {
          throw new BantamError('conflict', `${fileName} changed while it was being imported, so nothing was written. Import it again.`, {
            messageKey: 'errors.import.unreadable',
            params: { path: file },
          });
        }
        const result: ScanResult = { problems: [], notices: [] };
        readTable(fd, encoding, delimiter, stat.size, {
          header: () => undefined,
          row: visit,
          problem: (p) => result.problems.push(p),
          notice: (n) => result.notices.push(n),
        });
        return result;
      },
      close: () => fs.closeSync(fd),
    };
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
};

// Why a delimited text has no header row.
export const noHeaderError = (fileName: string, unterminated: SourceProblem | null): BantamError =>
  unterminated
    ? new BantamError(
        'invalid_input',
        `The header row cannot be read: line ${unterminated.line} opens a quoted field (") that is never closed. Add the missing closing quote or remove the stray one.`,
        { messageKey: 'errors.import.headerUnterminated', params: { line: unterminated.line } },
      )
    : new BantamError(
        'invalid_input',
        `${fileName} has no header row: it contains only empty lines. The first line must name the columns (for example 会社名, 氏名, 電話番号).`,
        { messageKey: 'errors.import.noHeader', params: { fileName } },
      );
