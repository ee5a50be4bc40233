import iconv from 'iconv-lite';
import { BantamError } from '../errors';
import type { ImportEncoding } from './source';

const hasUtf8Bom = (b: Uint8Array): boolean => b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
const hasUtf16LeBom = (b: Uint8Array): boolean => b.length >= 2 && b[0] === 0xff && b[1] === 0xfe;

// Guesses how a text file is encoded. Japanese Excel writes CP932 ("CSV"), UTF-8 with a BOM
// ("CSV UTF-8") or UTF-16LE with a BOM ("Unicode text"); anything that is not valid UTF-8 is
// taken to be CP932, the only legacy encoding these files come in.
export const detectEncoding = (bytes: Uint8Array): ImportEncoding => {
  if (hasUtf8Bom(bytes)) return 'utf8-bom';
  if (hasUtf16LeBom(bytes)) return 'utf16le';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf8';
  } catch {
    return 'cp932';
  }
};

// Decodes with the given encoding, without a leading BOM. Bytes that are invalid in that
// encoding become U+FFFD rather than failing: when the user forces an encoding, they see the result.
export const decodeText = (bytes: Uint8Array, encoding: ImportEncoding): string => {
  let text: string;
  switch (encoding) {
    case 'utf8':
    case 'utf8-bom':
      text = new TextDecoder('utf-8').decode(bytes);
      break;
    case 'utf16le':
      text = new TextDecoder('utf-16le').decode(bytes);
      break;
    case 'cp932':
      text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp932');
      break;
  }
  // TextDecoder and iconv-lite already drop one BOM; a forced encoding may leave another kind.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
};

const SAMPLE_BYTES = 8192;

// True for files that are clearly not text (images, archives, old .xls, ...): a NUL byte outside
// UTF-16, or more than 10% control characters other than tab, line breaks, form feed and EOF (^Z).
export const looksBinary = (bytes: Uint8Array): boolean => {
  const end = Math.min(bytes.length, SAMPLE_BYTES);
  const utf16 = hasUtf16LeBom(bytes);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i] as number;
    if (b >= 0x20) continue;
    if (b === 0) {
      if (utf16) continue;
      return true;
    }
    if (b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) control++;
  }
  return end > 0 && control / end > 0.1;
};

// Old Excel (.xls) and password-protected workbooks are OLE compound files.
const isOleCompound = (b: Uint8Array): boolean =>
  b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1;

// The error that explains why a non-text file cannot be imported.
export const binaryFileError = (bytes: Uint8Array, fileName: string): BantamError =>
  isOleCompound(bytes)
    ? new BantamError(
        'invalid_input',
        `${fileName} is an old-format Excel workbook (.xls) or a password-protected workbook, which cannot be read. Open it in Excel and save it as .xlsx (without a password) or as CSV, then import that file.`,
        { messageKey: 'errors.import.legacyExcel', params: { fileName } },
      )
    : new BantamError(
        'invalid_input',
        `${fileName} is not a text file (it contains binary data), so it cannot be read as CSV or TSV. Choose the CSV, TSV or XLSX file that holds the leads.`,
        { messageKey: 'errors.import.binary', params: { fileName } },
      );
