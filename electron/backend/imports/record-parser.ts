// An RFC 4180 record parser fed text in chunks, so a file of any size is read with memory for one
// record at a time. Any mix of CRLF, LF and lone CR ends a record; quoted fields may hold
// delimiters, doubled quotes and line breaks. Like Excel, a quote that does not open a field is
// text, and a quoted field followed by more text is kept as written, quotes included.
// csv-parse did this before at ~60k rows/s; this loop does several times that on the same rows.

export type Delimiter = ',' | '\t' | ';';

export type RecordSink = {
  // `line`: the 1-based line where the record starts.
  record: (cells: string[], line: number) => void;
  // A quoted field still open at the end of the text: `firstLine` is its record's first line as written.
  unterminated: (line: number, firstLine: string) => void;
};

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

const enum Mode {
  FieldStart,
  Unquoted,
  Quoted,
  // A quote inside a quoted field: the closing one, or the first of a doubled pair.
  QuoteSeen,
}

export const createRecordParser = (delimiter: Delimiter, sink: RecordSink) => {
  const sep = delimiter.charCodeAt(0);
  let mode = Mode.FieldStart;
  let cells: string[] = [];
  let field = ''; // the current field's text from earlier chunks (unescaped when quoted)
  let line = 1;
  let recordLine = 1;
  let inRecord = false;
  let lastWasCr = false; // the previous chunk ended with CR: a leading LF belongs to it
  // The record's first line as written, kept only while the record spans chunks.
  let firstLine = '';
  let firstLineDone = false;

  const keepFirstLine = (chunk: string, from: number): void => {
    if (firstLineDone) return;
    let end = from;
    while (end < chunk.length && chunk.charCodeAt(end) !== LF && chunk.charCodeAt(end) !== CR) end++;
    firstLine += chunk.slice(from, end);
    firstLineDone = end < chunk.length;
  };

  const push = (chunk: string): void => {
    const n = chunk.length;
    let i = 0;
    if (lastWasCr && n > 0 && chunk.charCodeAt(0) === LF) {
      // The LF of a CRLF split across chunks: inside quotes it is text, else it ends nothing.
      if (mode === Mode.Quoted) field += '\n';
      i = 1;
    }
    let start = i; // where the current field's text in this chunk begins
    let recordStart = inRecord ? 0 : i;

    const endRecord = (value: string): void => {
      cells.push(value);
      const done = cells;
      cells = [];
      field = '';
      mode = Mode.FieldStart;
      inRecord = false;
      firstLine = '';
      firstLineDone = false;
      sink.record(done, recordLine);
    };
    // After a record's CR or LF: the next record starts on the next line.
    const nextLine = (at: number): number => {
      line++;
      recordLine = line;
      const next = chunk.charCodeAt(at) === CR && chunk.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
      recordStart = next;
      return next;
    };

    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (mode === Mode.Quoted) {
        if (c === QUOTE) {
          field += chunk.slice(start, i);
          mode = Mode.QuoteSeen;
        } else if (c === LF) {
          if (i === 0 ? !lastWasCr : chunk.charCodeAt(i - 1) !== CR) line++;
        } else if (c === CR) {
          line++;
        }
        i++;
        continue;
      }
      if (mode === Mode.FieldStart) {
        inRecord = true;
        if (c === QUOTE) {
          mode = Mode.Quoted;
          start = ++i;
          continue;
        }
        mode = Mode.Unquoted;
        start = i;
      }
      if (mode === Mode.QuoteSeen) {
        if (c === QUOTE) {
          field += '"';
          mode = Mode.Quoted;
          start = ++i;
          continue;
        }
        if (c === sep) {
          cells.push(field);
          field = '';
          mode = Mode.FieldStart;
          start = ++i;
          continue;
        }
        if (c === LF || c === CR) {
          endRecord(field);
          i = start = nextLine(i);
          continue;
        }
        // Text after the closing quote: the field is kept as written.
        field = `"${field.replaceAll('"', '""')}"`;
        mode = Mode.Unquoted;
        start = i;
      }
      // Unquoted.
      if (c === sep) {
        cells.push(field + chunk.slice(start, i));
        field = '';
        mode = Mode.FieldStart;
        start = ++i;
      } else if (c === LF || c === CR) {
        endRecord(field + chunk.slice(start, i));
        i = start = nextLine(i);
      } else {
        i++;
      }
    }
    // Carry the unfinished field over to the next chunk.
    if (mode === Mode.Quoted || mode === Mode.Unquoted) field += chunk.slice(start, n);
    if (inRecord) keepFirstLine(chunk, recordStart);
    // A CRLF split as CR | LF: the LF was consumed above only when it starts the next chunk.
    lastWasCr = n > 0 ? chunk.charCodeAt(n - 1) === CR : lastWasCr;
  };

  // Ends the text: a last record without a line break still counts.
  const end = (): void => {
    if (mode === Mode.Quoted) {
      sink.unterminated(recordLine, firstLine);
      return;
    }
    if (inRecord) {
      cells.push(field);
      sink.record(cells, recordLine);
    }
  };

  return { push, end };
};

// Cells are cut from chunks of many thousand characters, and V8 keeps a whole chunk alive while
// any slice of it lives. A value kept after its chunk (a duplicate key, a rejected row) is copied
// first: the concatenation is flattened into a string of its own.
export const detach = (value: string): string => (value.length < 13 ? value : ` ${value}`.slice(1));
