import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BantamError } from '../../../../electron/backend/errors';
import { cellText, readXlsx } from '../../../../electron/backend/imports/read-xlsx';

// Builds a workbook in memory: the first sheet holds typed cells, the second a plain list.
const workbook = async (): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const leads = wb.addWorksheet('リード');
  leads.addRow(['会社名', '電話番号', '郵便番号', '登録日', '従業員数', '担当', 'URL', '単価']);
  leads.addRow([
    { richText: [{ text: '㈱髙橋', font: { bold: true } }, { text: '製作所' }] },
    312345678,
    '0123456',
    new Date(Date.UTC(2024, 3, 1)),
    { formula: 'SUM(100,20)', result: 120 },
    '①山田',
    { text: 'サイト', hyperlink: 'https://example.jp' },
    0.1 + 0.2,
  ]);
  leads.addRow([]);
  leads.addRow(['サンプル商事', null, null, new Date(Date.UTC(2024, 3, 1, 9, 30, 15)), { formula: 'A1', result: undefined }, true, null, 1.5]);
  leads.addRow(['Extra', '', '', '', '', '', '', '', 'stray']);
  const second = wb.addWorksheet('展示会');
  second.getCell('B3').value = ' Company ';
  second.getCell('C3').value = 'Email';
  second.getCell('B4').value = 'Acme';
  second.getCell('C5').value = 'b@x.jp';
  wb.addWorksheet('空');
  return Buffer.from(await wb.xlsx.writeBuffer());
};

describe('readXlsx', () => {
  it('reads the first sheet with typed cells as text', async () => {
    const table = await readXlsx(await workbook());
    expect(table.sheets).toEqual(['リード', '展示会', '空']);
    expect(table.sheet).toBe('リード');
    expect(table.headers).toEqual(['会社名', '電話番号', '郵便番号', '登録日', '従業員数', '担当', 'URL', '単価']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['㈱髙橋製作所', '312345678', '0123456', '2024-04-01', '120', '①山田', 'サイト', '0.3'] },
      { line: 4, cells: ['サンプル商事', '', '', '2024-04-01T09:30:15', '', 'TRUE', '', '1.5'] },
    ]);
    expect(table.problems).toEqual([
      {
        line: 5,
        code: 'ragged_row',
        message: 'Row 5 has a value in column I but the header ends at column H. Add a header for that column or remove the value.',
        cells: ['Extra', '', '', '', '', '', '', '', 'stray'],
      },
    ]);
  });

  it('reads a chosen sheet, starting at its first non-blank row and column A', async () => {
    const table = await readXlsx(await workbook(), '展示会');
    expect(table.sheet).toBe('展示会');
    expect(table.headers).toEqual(['', 'Company', 'Email']);
    expect(table.rows).toEqual([
      { line: 4, cells: ['', 'Acme', ''] },
      { line: 5, cells: ['', '', 'b@x.jp'] },
    ]);
  });

  it('names the sheets when the chosen one does not exist, and explains an empty sheet', async () => {
    const bytes = await workbook();
    const unknown = await readXlsx(bytes, 'Sheet1').catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(BantamError);
    expect(unknown).toMatchObject({
      code: 'invalid_input',
      messageKey: 'errors.import.unknownSheet',
      message: 'The workbook has no sheet named "Sheet1". Its sheets are: "リード", "展示会", "空". Choose one of them.',
    });
    await expect(readXlsx(bytes, '空')).rejects.toMatchObject({
      code: 'invalid_input',
      messageKey: 'errors.import.emptySheet',
      message: 'The sheet "空" is empty. Choose the sheet that holds the leads (sheets: "リード", "展示会", "空").',
    });
  });

  it('explains a ZIP that is not a workbook', async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
    await expect(readXlsx(zip)).rejects.toMatchObject({ code: 'invalid_input', messageKey: 'errors.import.badXlsx' });
  });
});

describe('cellText', () => {
  it('turns every kind of cell value into text', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(9012345678)).toBe('9012345678');
    expect(cellText(1234.5600000000002)).toBe('1234.56');
    expect(cellText(new Date(Date.UTC(1899, 11, 30, 10, 29, 59, 999)))).toBe('10:30:00');
    expect(cellText({ sharedFormula: 'A1', result: new Date(Date.UTC(2025, 0, 31)) })).toBe('2025-01-31');
    expect(cellText({ formula: '1/0', result: { error: '#DIV/0!' } })).toBe('#DIV/0!');
    expect(cellText({ text: { richText: [{ text: 'a' }, { text: 'b' }] } as unknown as string, hyperlink: 'mailto:a@b.jp' })).toBe('ab');
  });
});
