import { BantamError } from '../errors';
import { binaryFileError, decodeText, detectEncoding, looksBinary } from './decode';
import { detectDelimiter, parseDelimited, type Delimiter } from './parse-delimited';
import { readXlsx } from './read-xlsx';
import type { ParsedSource, ReadOptions } from './source';

const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

const extensionOf = (fileName: string): string => {
  const dot = fileName.lastIndexOf('.');
  return dot === -1 ? '' : fileName.slice(dot + 1).toLowerCase();
};

// Reads an import file into a header and rows. The content decides the format (an XLSX is a ZIP
// whatever its name); the extension only sets the default delimiter (.tsv -> tab).
export const readImportSource = async (bytes: Buffer, fileName: string, options: ReadOptions = {}): Promise<ParsedSource> => {
  if (bytes.length === 0) {
    throw new BantamError('invalid_input', `The file is empty (0 bytes): ${fileName}. Check that you chose the right file and that it was saved completely.`, {
      messageKey: 'errors.import.empty',
      params: { fileName },
    });
  }

  if (isZip(bytes)) {
    const xlsx = await readXlsx(bytes, options.sheet);
    return { format: 'xlsx', encoding: null, delimiter: null, ...xlsx };
  }

  const encoding = options.encoding === undefined || options.encoding === 'auto' ? detectEncoding(bytes) : options.encoding;
  // A forced UTF-16 file is full of NUL bytes even without a BOM.
  if (encoding !== 'utf16le' && looksBinary(bytes)) throw binaryFileError(bytes, fileName);
  const text = decodeText(bytes, encoding);

  const delimiter: Delimiter =
    options.delimiter !== undefined && options.delimiter !== 'auto' ? options.delimiter : extensionOf(fileName) === 'tsv' ? '\t' : detectDelimiter(text);
  const table = parseDelimited(text, delimiter);

  if (table.headers.length === 0) {
    const unterminated = table.problems.find((p) => p.code === 'unterminated_quote');
    if (unterminated) {
      throw new BantamError(
        'invalid_input',
        `The header row cannot be read: line ${unterminated.line} opens a quoted field (") that is never closed. Add the missing closing quote or remove the stray one.`,
        { messageKey: 'errors.import.headerUnterminated', params: { line: unterminated.line } },
      );
    }
    throw new BantamError(
      'invalid_input',
      `${fileName} has no header row: it contains only empty lines. The first line must name the columns (for example 会社名, 氏名, 電話番号).`,
      { messageKey: 'errors.import.noHeader', params: { fileName } },
    );
  }

  return {
    format: delimiter === '\t' ? 'tsv' : 'csv',
    encoding,
    delimiter,
    sheets: [],
    sheet: null,
    headers: table.headers,
    rows: table.rows,
    problems: table.problems,
  };
};
