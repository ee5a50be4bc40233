import iconv from 'iconv-lite';
import type { Cp932Problem } from '../../../shared/api/exports';

// CP932 (Windows Shift_JIS). iconv-lite writes '?' for a character it cannot map, and maps a few
// others to bytes that read back as something else (¥ → \): both show up as a failed round trip.
export const encodeCp932 = (text: string): Buffer => iconv.encode(text, 'cp932');

export const roundTrips = (text: string, bytes: Buffer): boolean => iconv.decode(bytes, 'cp932') === text;

const holds = (ch: string): boolean => ch.charCodeAt(0) < 0x80 || iconv.decode(iconv.encode(ch, 'cp932'), 'cp932') === ch;

const codePoint = (ch: string): string => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

// Every character of the cells CP932 cannot hold, with its data row and column header.
export const findCp932Problems = (cells: readonly string[], row: number, headers: readonly string[]): Cp932Problem[] => {
  const problems: Cp932Problem[] = [];
  cells.forEach((cell, i) => {
    for (const ch of cell) {
      if (!holds(ch)) problems.push({ row, column: headers[i] ?? '', character: ch, codePoint: codePoint(ch) });
    }
  });
  return problems;
};
