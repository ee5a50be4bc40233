import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseDelimited } from '../../../../electron/backend/imports/parse-delimited';

const lines = (table: ReturnType<typeof parseDelimited>): [number, string[]][] => table.rows.map((r) => [r.line, r.cells]);

describe('detectDelimiter', () => {
  it('picks the candidate with a consistent count outside quotes', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('会社名\t住所\t電話\n㈱A\t東京都千代田区1-1, 3F\t03-1111-2222\n')).toBe('\t');
    expect(detectDelimiter('Name;City;Phone\r\n"Ito, Ken";Osaka;06-1111-2222\r\n')).toBe(';');
    expect(detectDelimiter('name,"memo; with; semicolons"\nx,"a;b;c;d"\n')).toBe(',');
  });

  it('falls back to the header line, then to comma', () => {
    expect(detectDelimiter('a;b;c\n1;2\n')).toBe(';');
    expect(detectDelimiter('会社名\n㈱A\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });

  it('counts records across quoted line breaks', () => {
    expect(detectDelimiter('a\tb\n"multi\nline, with, commas"\tx\n1\t2\n')).toBe('\t');
  });
});

describe('parseDelimited', () => {
  it('gives exact start lines for CRLF, LF and CR-only files, with or without a trailing line break', () => {
    for (const eol of ['\r\n', '\n', '\r']) {
      for (const tail of ['', eol, eol + eol]) {
        const table = parseDelimited(['a,b', '1,2', '3,4'].join(eol) + tail, ',');
        expect(table.headers, JSON.stringify({ eol, tail })).toEqual(['a', 'b']);
        expect(lines(table)).toEqual([
          [2, ['1', '2']],
          [3, ['3', '4']],
        ]);
        expect(table.problems).toEqual([]);
      }
    }
  });

  it('reads quoted fields with doubled quotes and line breaks, and keeps counting lines after them', () => {
    const text = [
      '会社名,備考,電話',
      '"㈱髙橋製作所","He said ""hello""",03-1111-2222',
      '"Acme, Inc.","line one\r\nline two\r\nline three",06-0000-0000',
      'Next Co.,"",011-000-0000',
      '"Lone ""quote"" co","a\nb",',
      'Last,x,y',
    ].join('\r\n');
    const table = parseDelimited(text, ',');
    expect(lines(table)).toEqual([
      [2, ['㈱髙橋製作所', 'He said "hello"', '03-1111-2222']],
      [3, ['Acme, Inc.', 'line one\r\nline two\r\nline three', '06-0000-0000']],
      [6, ['Next Co.', '', '011-000-0000']],
      [7, ['Lone "quote" co', 'a\nb', '']],
      [9, ['Last', 'x', 'y']],
    ]);
  });

  it('handles mixed line endings in one file', () => {
    const table = parseDelimited('a,b\r\n1,2\n3,4\r5,6', ',');
    expect(lines(table)).toEqual([
      [2, ['1', '2']],
      [3, ['3', '4']],
      [4, ['5', '6']],
    ]);
  });

  it('skips blank lines and blank records without reporting them, and trims the header', () => {
    const table = parseDelimited('\n\n\uFEFF Company , Email \n\n,\nAcme,a@x.jp\n , \nBeta,b@x.jp\n', ',');
    expect(table.headers).toEqual(['Company', 'Email']);
    expect(lines(table)).toEqual([
      [6, ['Acme', 'a@x.jp']],
      [8, ['Beta', 'b@x.jp']],
    ]);
    expect(table.problems).toEqual([]);
  });

  it('reports ragged rows with their line and original cells instead of guessing', () => {
    const text = ['会社名,氏名,電話,メール', 'A社,山田,03,a@x.jp', 'B社,佐藤,東京都港区1-1,06,b@x.jp', 'C社,鈴木', '"D社\n本社",伊藤,04,d@x.jp', 'E社,田中,05,e@x.jp,x'].join('\n');
    const table = parseDelimited(text, ',');
    expect(lines(table)).toEqual([
      [2, ['A社', '山田', '03', 'a@x.jp']],
      [5, ['D社\n本社', '伊藤', '04', 'd@x.jp']],
    ]);
    expect(table.problems).toEqual([
      {
        line: 3,
        code: 'ragged_row',
        message: 'Line 3 has 5 cells but the header has 4. Check for an unquoted comma or a missing column.',
        cells: ['B社', '佐藤', '東京都港区1-1', '06', 'b@x.jp'],
      },
      {
        line: 4,
        code: 'ragged_row',
        message: 'Line 4 has 2 cells but the header has 4. Check for an unquoted comma or a missing column.',
        cells: ['C社', '鈴木'],
      },
      {
        line: 7,
        code: 'ragged_row',
        message: 'Line 7 has 5 cells but the header has 4. Check for an unquoted comma or a missing column.',
        cells: ['E社', '田中', '05', 'e@x.jp', 'x'],
      },
    ]);
  });

  it('drops only empty surplus cells, as Excel pads rows', () => {
    const table = parseDelimited('a,b,,\n1,2,,\n3,4\n5,6,,,\n', ',');
    expect(table.headers).toEqual(['a', 'b']);
    expect(lines(table)).toEqual([
      [2, ['1', '2']],
      [3, ['3', '4']],
      [4, ['5', '6']],
    ]);
  });

  it('names the delimiter in the ragged-row message', () => {
    expect(parseDelimited('a\tb\n1\t2\t3\n', '\t').problems[0]?.message).toBe('Line 2 has 3 cells but the header has 2. Check for an unquoted tab or a missing column.');
  });

  it('reports an unterminated quote at the line where its record starts and keeps the rows before it', () => {
    const table = parseDelimited('a,b\r\n1,2\r\n\r\n"3,4\r\n5,6\r\n', ',');
    expect(lines(table)).toEqual([[2, ['1', '2']]]);
    expect(table.problems).toEqual([
      {
        line: 4,
        code: 'unterminated_quote',
        message: 'Line 4 opens a quoted field (") that is never closed, so the rest of the file from that line could not be read. Add the missing closing quote or remove the stray one.',
        cells: ['"3', '4'],
      },
    ]);
  });

  it('keeps stray quotes inside unquoted fields as text', () => {
    expect(lines(parseDelimited('a,b\n12" monitor,x\n', ','))).toEqual([[2, ['12" monitor', 'x']]]);
  });

  it('parses semicolon and tab files', () => {
    expect(lines(parseDelimited('a;b\n"x;y";2\n', ';'))).toEqual([[2, ['x;y', '2']]]);
    expect(lines(parseDelimited('a\tb\nx,y\t2\n', '\t'))).toEqual([[2, ['x,y', '2']]]);
  });

  it('returns no header for blank text', () => {
    expect(parseDelimited('\r\n , \r\n', ',')).toEqual({ headers: [], rows: [], problems: [], notices: [] });
  });

  const FOOTER = [
    '"Lead Report"',
    '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."',
    '"Confidential Information - Do Not Distribute"',
    '"Generated By:  Makoto Takahashi  2026/04/10 10:15"',
    '"Sample Co., Ltd."',
  ];

  it("leaves out a Salesforce report's footer and says how many lines it had", () => {
    for (const [blank, pad] of [['', ''], ['""', ''], [',,', ',,']]) {
      const text = ['"First Name","Last Name","Email"', '"Ken","Ito","k@x.jp"', '"Aya","Sato","a@x.jp"', blank, ...FOOTER.map((l) => l + pad)].join('\r\n') + '\r\n';
      const table = parseDelimited(text, ',');
      expect(lines(table), blank).toEqual([
        [2, ['Ken', 'Ito', 'k@x.jp']],
        [3, ['Aya', 'Sato', 'a@x.jp']],
      ]);
      expect(table.problems, blank).toEqual([]);
      expect(table.notices, blank).toEqual([{ code: 'salesforce_footer', line: 5, lines: 5 }]);
    }
  });

  it('keeps single-cell lines that are not that footer as the rows or problems they are', () => {
    // No copyright line: the lines are ragged rows, as before.
    const noCopyright = parseDelimited(['a,b', '1,2', '', '"Lead Report"', '"Generated By: x"'].join('\n'), ',');
    expect(noCopyright.notices).toEqual([]);
    expect(noCopyright.problems.map((p) => [p.line, p.code])).toEqual([
      [4, 'ragged_row'],
      [5, 'ragged_row'],
    ]);
    // Not at the end of the file: held lines come back in order, before the rows after them.
    const midFile = parseDelimited(['a', '1', '', '2', FOOTER[1], '3', '4,5'].join('\n'), ',');
    expect(midFile.notices).toEqual([]);
    expect(lines(midFile)).toEqual([
      [2, ['1']],
      [4, ['2']],
      [5, [FOOTER[1]!.slice(1, -1)]],
      [6, ['3']],
    ]);
    expect(midFile.problems.map((p) => p.line)).toEqual([7]);
    // Without the blank line before it, it is not the footer's shape.
    const noBlank = parseDelimited(['a,b', '1,2', ...FOOTER].join('\n'), ',');
    expect(noBlank.notices).toEqual([]);
    expect(noBlank.problems).toHaveLength(5);
  });

  // Its speed is measured by `npm run bench` (the import's read phase).
  it('parses 100,000 rows with their line numbers', () => {
    const row = '株式会社サンプル商事,山田 太郎,ヤマダ タロウ,営業部,部長,03-1234-5678,yamada@sample.example.jp,120,"展示会, ブース"';
    const text = ['会社名,氏名,フリガナ,部署,役職,電話番号,メール,従業員数,備考', ...Array.from({ length: 100_000 }, () => row)].join('\r\n');
    const table = parseDelimited(text, ',');
    expect(table.rows).toHaveLength(100_000);
    expect(table.rows[99_999]?.line).toBe(100_001);
  });
});
