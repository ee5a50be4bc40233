import type { ExportColumnType } from '../../../shared/api/exports';

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

// Stored times are UTC instants; people read them in Japan time.
const jstWallClock = (iso: string): Date | null => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + JST_OFFSET_MS);
};

// A cell as CSV text: JST date-times as "YYYY-MM-DD HH:MM" (Excel reads them as dates), days as
// "YYYY-MM-DD", numbers as written, nothing as an empty cell.
export const csvCell = (value: unknown, type: ExportColumnType): string | number => {
  if (value === null || value === undefined) return '';
  if (type === 'number' && typeof value === 'number') return value;
  if (type === 'datetime') {
    const wall = jstWallClock(String(value));
    return wall ? wall.toISOString().slice(0, 16).replace('T', ' ') : String(value);
  }
  return String(value);
};

// A cell as XLSX holds it: Excel dates carry no time zone, so a date-time becomes a Date whose
// UTC fields are the JST wall clock (xlsx-sheet.ts writes those fields); a day becomes midnight of it.
export const xlsxCell = (value: unknown, type: ExportColumnType): string | number | Date | null => {
  if (value === null || value === undefined) return null;
  if (type === 'number') return typeof value === 'number' ? value : Number.isFinite(Number(value)) ? Number(value) : String(value);
  if (type === 'datetime') return jstWallClock(String(value)) ?? String(value);
  if (type === 'date') {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? new Date(`${String(value)}T00:00:00Z`) : null;
    return day ?? String(value);
  }
  return String(value);
};

// Column widths in characters: wide enough for the header and the type's usual content.
const TYPE_WIDTH: Record<ExportColumnType, number> = { text: 18, number: 12, date: 12, datetime: 17 };
const WIDE_COLUMNS = new Set(['latestNote', 'painPoints', 'address', 'companyName']);

export const columnWidth = (id: string, type: ExportColumnType, header: string): number => {
  // East Asian characters take two columns in Excel's width unit.
  const headerWidth = [...header].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0) + 2;
  return Math.min(60, Math.max(WIDE_COLUMNS.has(id) ? 36 : TYPE_WIDTH[type], headerWidth));
};
