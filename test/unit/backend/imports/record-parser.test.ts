import { describe, expect, it } from 'vitest';
import { createRecordParser, type Delimiter } from '../../../../electron/backend/imports/record-parser';

type Out = { records: [number, string[]][]; unterminated: [number, string][] };

const parseChunks = (chunks: string[], delimiter: Delimiter = ','): Out => {
  const out: Out = { records: [], unterminated: [] };
  const parser = createRecordParser(delimiter, {
    record: (cells, line) => out.records.push([line, cells]),
    unterminated: (line, firstLine) => out.unterminated.push([line, firstLine]),
  });
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return out;
};

// Every way to cut the text in two, and one chunk per character.
const splits = (text: string): string[][] => [
  ...Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)]),
  [...text],
];

describe('createRecordParser', () => {
  it('gives the same records and lines wherever the text is cut into chunks', () => {
    const text = 'a,b\r\n"x\r\ny","q""r"\r\r\n\n"s"t,u\r"v",\n"open\r\n,1';
    const whole = parseChunks([text]);
    expect(whole).toEqual({
      records: [
        [1, ['a', 'b']],
        [2, ['x\r\ny', 'q"r']],
        [4, ['']],
        [5, ['']],
        [6, ['"s"t', 'u']],
        [7, ['v', '']],
      ],
      unterminated: [[8, '"open']],
    });
    for (const chunks of splits(text)) expect(parseChunks(chunks), JSON.stringify(chunks)).toEqual(whole);
  });

  it('keeps a quoted field followed by text as written, and quotes inside unquoted fields as text', () => {
    expect(parseChunks(['"abc"def,x\n"a"b"c",y\n  "z",w\nx"y"z,"q"\n']).records).toEqual([
      [1, ['"abc"def', 'x']],
      [2, ['"a"b"c"', 'y']],
      [3, ['  "z"', 'w']],
      [4, ['x"y"z', 'q']],
    ]);
  });

  it('ends the last record at the end of the text, with or without a line break', () => {
    expect(parseChunks(['1,']).records).toEqual([[1, ['1', '']]]);
    expect(parseChunks(['"1"']).records).toEqual([[1, ['1']]]);
    expect(parseChunks(['1\n']).records).toEqual([[1, ['1']]]);
    expect(parseChunks(['']).records).toEqual([]);
  });

  it('splits on the chosen delimiter only', () => {
    expect(parseChunks(['a\tb,c;d\n'], '\t').records).toEqual([[1, ['a', 'b,c;d']]]);
    expect(parseChunks(['a\tb,c;d\n'], ';').records).toEqual([[1, ['a\tb,c', 'd']]]);
  });
});
