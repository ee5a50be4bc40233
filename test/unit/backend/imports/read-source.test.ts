import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { BantamError } from '../../../../electron/backend/errors';
import { readImportSource } from '../../../../electron/backend/imports/read-source';

const SHOW_LIST = [
  '会社名,氏名,フリガナ,電話番号,備考',
  '㈱髙橋製作所,髙橋 一郎,ﾀｶﾊｼ ｲﾁﾛｳ,０６（１２３４）５６７８,①優先～至急',
  '"サンプル商事, 本社",山田 太郎,ヤマダ タロウ,03-1234-5678,"展示会で""名刺""交換"',
].join('\r\n');
const SHOW_ROWS = [
  { line: 2, cells: ['㈱髙橋製作所', '髙橋 一郎', 'ﾀｶﾊｼ ｲﾁﾛｳ', '０６（１２３４）５６７８', '①優先～至急'] },
  { line: 3, cells: ['サンプル商事, 本社', '山田 太郎', 'ヤマダ タロウ', '03-1234-5678', '展示会で"名刺"交換'] },
];

const rejection = async (bytes: Buffer, fileName: string): Promise<BantamError> => {
  const error = await readImportSource(bytes, fileName).catch((e: unknown) => e);
  if (!(error instanceof BantamError)) throw new Error(`expected a BantamError, got ${String(error)}`);
  return error;
};

describe('readImportSource', () => {
  it('reads a CP932 file from Japanese Excel exactly', async () => {
    const source = await readImportSource(iconv.encode(SHOW_LIST, 'cp932'), '展示会リスト.csv');
    expect(source).toEqual({
      format: 'csv',
      encoding: 'cp932',
      delimiter: ',',
      sheets: [],
      sheet: null,
      headers: ['会社名', '氏名', 'フリガナ', '電話番号', '備考'],
      rows: SHOW_ROWS,
      problems: [],
      notices: [],
    });
  });

  it('reads UTF-8 with and without a BOM', async () => {
    const plain = await readImportSource(Buffer.from(SHOW_LIST, 'utf8'), 'list.csv');
    expect(plain).toMatchObject({ encoding: 'utf8', headers: ['会社名', '氏名', 'フリガナ', '電話番号', '備考'], rows: SHOW_ROWS });
    const bom = await readImportSource(Buffer.from('\uFEFF' + SHOW_LIST, 'utf8'), 'list.csv');
    expect(bom).toMatchObject({ encoding: 'utf8-bom', headers: ['会社名', '氏名', 'フリガナ', '電話番号', '備考'], rows: SHOW_ROWS });
  });

  it('reads Excel "Unicode text" (UTF-16LE with a BOM, tab-separated)', async () => {
    const text = '会社名\t電話番号\r\n㈱髙橋製作所\t06-1234-5678\r\n"改行\r\nあり"\t03\r\nｶﾌﾞｼｷｶﾞｲｼｬ\t04\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const source = await readImportSource(bytes, 'リスト.txt');
    expect(source).toMatchObject({ format: 'tsv', encoding: 'utf16le', delimiter: '\t', headers: ['会社名', '電話番号'] });
    expect(source.rows).toEqual([
      { line: 2, cells: ['㈱髙橋製作所', '06-1234-5678'] },
      { line: 3, cells: ['改行\r\nあり', '03'] },
      { line: 5, cells: ['ｶﾌﾞｼｷｶﾞｲｼｬ', '04'] },
    ]);
  });

  it('detects semicolons, defaults .tsv to tab, and honours a forced delimiter', async () => {
    expect(await readImportSource(Buffer.from('Name;Email\nIto;i@x.jp\n'), 'eu.csv')).toMatchObject({ delimiter: ';', format: 'csv', rows: [{ line: 2, cells: ['Ito', 'i@x.jp'] }] });
    expect(await readImportSource(Buffer.from('Name\nIto, Ken\n'), 'one-column.tsv')).toMatchObject({ delimiter: '\t', format: 'tsv', headers: ['Name'], rows: [{ line: 2, cells: ['Ito, Ken'] }] });
    expect(await readImportSource(Buffer.from('a,b;c\n1,2;3\n'), 'x.csv', { delimiter: ';' })).toMatchObject({ delimiter: ';', headers: ['a,b', 'c'] });
  });

  it('honours a forced encoding, even a wrong one', async () => {
    const bytes = iconv.encode('会社名\n髙橋\n', 'cp932');
    expect(await readImportSource(bytes, 'x.csv', { encoding: 'cp932' })).toMatchObject({ encoding: 'cp932', headers: ['会社名'] });
    const wrong = await readImportSource(bytes, 'x.csv', { encoding: 'utf8' });
    expect(wrong.encoding).toBe('utf8');
    expect(wrong.headers[0]).toContain('\uFFFD');
  });

  it('accepts a file with only a header row', async () => {
    expect(await readImportSource(Buffer.from('会社名,電話番号\r\n'), 'x.csv')).toMatchObject({ headers: ['会社名', '電話番号'], rows: [], problems: [] });
  });

  it('passes ragged rows and an unterminated quote on as problems', async () => {
    const source = await readImportSource(Buffer.from('a,b\n1,2,3\n4,5\n"6,7\n'), 'x.csv');
    expect(source.rows).toEqual([{ line: 3, cells: ['4', '5'] }]);
    expect(source.problems.map((p) => [p.line, p.code, p.cells])).toEqual([
      [2, 'ragged_row', ['1', '2', '3']],
      [4, 'unterminated_quote', ['"6', '7']],
    ]);
  });

  it('reads HubSpot and Salesforce exports to their header strings', async () => {
    const hubspot = await readImportSource(
      Buffer.from('\uFEFFRecord ID,First Name,Last Name,Email,Phone Number,Company Name,Job Title,Lifecycle Stage,Lead Status,Contact owner,Create Date\r\n101,Ken,Ito,ken@acme.example.com,+81 3-5555-0001,"Acme Co., Ltd.",Manager,Lead,New,Sato Aya,2024-04-01 09:30\r\n'),
      'hubspot-crm-exports-all-contacts-2024-04-01.csv',
    );
    expect(hubspot.headers).toEqual(['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Company Name', 'Job Title', 'Lifecycle Stage', 'Lead Status', 'Contact owner', 'Create Date']);
    expect(hubspot.rows[0]?.cells[5]).toBe('Acme Co., Ltd.');
    const salesforce = await readImportSource(
      iconv.encode('"姓","名","会社名 / 取引先","役職","電話","メール","リードソース","リード状況"\r\n"髙橋","一郎","㈱髙橋製作所","部長","06-1234-5678","t@x.jp","Web","未対応"\r\n', 'cp932'),
      'report1712345678901.csv',
    );
    expect(salesforce).toMatchObject({ encoding: 'cp932', headers: ['姓', '名', '会社名 / 取引先', '役職', '電話', 'メール', 'リードソース', 'リード状況'] });
    expect(salesforce.rows).toEqual([{ line: 2, cells: ['髙橋', '一郎', '㈱髙橋製作所', '部長', '06-1234-5678', 't@x.jp', 'Web', '未対応'] }]);
  });

  it('reads an XLSX by its content, whatever its name, and a chosen sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRows([['会社名', '電話番号'], ['㈱髙橋製作所', 612345678]]);
    wb.addWorksheet('Sheet2').addRows([['Company'], ['Acme']]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await readImportSource(bytes, 'leads.csv')).toEqual({
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      sheets: ['Sheet1', 'Sheet2'],
      sheet: 'Sheet1',
      headers: ['会社名', '電話番号'],
      rows: [{ line: 2, cells: ['㈱髙橋製作所', '612345678'] }],
      problems: [],
      notices: [],
    });
    expect(await readImportSource(bytes, 'leads.xlsx', { sheet: 'Sheet2' })).toMatchObject({ sheet: 'Sheet2', headers: ['Company'], rows: [{ line: 2, cells: ['Acme'] }] });
    await expect(readImportSource(bytes, 'leads.xlsx', { sheet: 'Leads' })).rejects.toMatchObject({ messageKey: 'errors.import.unknownSheet' });
  });

  it('explains an empty file, a binary file, an old .xls and a file without a header', async () => {
    expect(await rejection(Buffer.alloc(0), 'empty.csv')).toMatchObject({
      code: 'invalid_input',
      messageKey: 'errors.import.empty',
      message: 'The file is empty (0 bytes): empty.csv. Check that you chose the right file and that it was saved completely.',
    });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]);
    expect(await rejection(png, 'photo.csv')).toMatchObject({
      code: 'invalid_input',
      messageKey: 'errors.import.binary',
      message: 'photo.csv is not a text file (it contains binary data), so it cannot be read as CSV or TSV. Choose the CSV, TSV or XLSX file that holds the leads.',
    });
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(await rejection(xls, 'old.xls')).toMatchObject({ code: 'invalid_input', messageKey: 'errors.import.legacyExcel' });
    expect(await rejection(Buffer.from('\r\n,,\r\n\r\n'), 'blank.csv')).toMatchObject({
      code: 'invalid_input',
      messageKey: 'errors.import.noHeader',
      message: 'blank.csv has no header row: it contains only empty lines. The first line must name the columns (for example 会社名, 氏名, 電話番号).',
    });
    expect(await rejection(Buffer.from('"会社名,電話\n1,2\n'), 'x.csv')).toMatchObject({ code: 'invalid_input', messageKey: 'errors.import.headerUnterminated' });
  });
});
