import type { ExportColumnType } from '../../../shared/api/exports';
import { xlsxCell } from './cell-values';

// The SpreadsheetML parts of a one-sheet workbook. Written by hand because exceljs's streaming
// writer spends most of its time on per-cell style bookkeeping (8 s for 100,000 rows); this writes
// the same file (typed cells, inline strings, a bold frozen header, sized columns) in a fraction.

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const SHEET_PATH = 'xl/worksheets/sheet1.xml';

// Cell formats (cellXfs) by index: the default, the bold header, date-times and days.
const STYLE = { header: 1, datetime: 2, date: 3 } as const;
const STYLE_OF_TYPE: Partial<Record<ExportColumnType, number>> = { datetime: STYLE.datetime, date: STYLE.date };

const STYLES_XML = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">\
<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts>\
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

// Every part but the sheet, in the order Office writes them.
export const staticParts = (sheetName: string): { name: string; xml: string }[] => [
  {
    name: '[Content_Types].xml',
    xml: `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/${SHEET_PATH}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  },
  {
    name: '_rels/.rels',
    xml: `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">\
<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  },
  {
    name: 'xl/workbook.xml',
    xml: `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews>\
<sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    xml: `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">\
<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
  },
  { name: 'xl/styles.xml', xml: STYLES_XML },
];

// XML cannot carry most control characters at all (exceljs drops them too); &, < and > are escaped.
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ESCAPE = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export const escapeXml = (text: string): string => (NEEDS_ESCAPE.test(text) ? text.replace(ESCAPE, (ch) => ENTITY[ch] ?? '') : text);

// A, B, … Z, AA, AB …: the column part of a cell reference.
const columnLetters = (index: number): string => {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
};

const EXCEL_EPOCH_DAYS = 25569; // 1970-01-01 as an Excel (1900 system) serial day
const DAY_MS = 86_400_000;

const inlineString = (attrs: string, text: string): string => {
  // Leading or trailing spaces and line breaks survive only when the text says so.
  const keep = text.length > 0 && (text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32) ? ' xml:space="preserve"' : '';
  return `<c${attrs} t="inlineStr"><is><t${keep}>${escapeXml(text)}</t></is></c>`;
};

export type SheetColumn = { type: ExportColumnType; header: string; width: number };

// Writes the sheet's XML: the head (frozen header view, column widths, header row), then rows.
export const createSheetXml = (columns: readonly SheetColumn[]) => {
  const letters = columns.map((_, i) => columnLetters(i));
  const styles = columns.map((c) => STYLE_OF_TYPE[c.type]);
  const cols = columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${styles[i] === undefined ? '' : ` style="${styles[i]}"`}/>`)
    .join('');
  const headerCells = columns.map((c, i) => inlineString(` r="${letters[i]}1" s="${STYLE.header}"`, c.header)).join('');
  return {
    head: `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">\
<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData><row r="1">${headerCells}</row>`,
    tail: '</sheetData></worksheet>',
    // One data row (sheetRow 2 = the first after the header). Empty cells are left out. Every cell
    // carries its reference: the format would place a cell without one in the next column, but
    // streaming readers (exceljs's among them) need it on each cell.
    row(values: readonly unknown[], sheetRow: number): string {
      let xml = `<row r="${sheetRow}">`;
      for (let i = 0; i < values.length; i += 1) {
        const value = xlsxCell(values[i], columns[i]!.type);
        if (value === null) continue;
        const ref = ` r="${letters[i]}${sheetRow}"`;
        if (typeof value === 'string') {
          xml += inlineString(ref, value);
        } else {
          // Excel dates carry no time zone: the Date's UTC fields are the wall clock to show.
          const number = typeof value === 'number' ? value : value.getTime() / DAY_MS + EXCEL_EPOCH_DAYS;
          const style = value instanceof Date ? ` s="${styles[i] ?? 0}"` : '';
          xml += Number.isFinite(number) ? `<c${ref}${style}><v>${number}</v></c>` : inlineString(ref, String(value));
        }
      }
      return `${xml}</row>`;
    },
  };
};
