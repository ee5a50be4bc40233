import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import type { ImportPreview, ImportResult } from '../../../shared/api/imports';
import type { LeadFacets, LeadPage } from '../../../shared/api/leads';
import { emptyLeadInput, type Lead } from '../../../shared/domain/lead';
import { leadInput } from '../../helpers/lead-input';
import { useTempDir } from '../../helpers/temp-dir';
import { openTempBackend } from '../../helpers/temp-store';

// Exports from the two CRMs Japanese inside-sales teams most often migrate from, as those tools
// (and Japanese Excel) write them, through the real preview and commit into a real store.

const ok = async <T>(backend: Backend, method: string, input: unknown): Promise<T> => {
  const answer = await backend.call(method, input);
  if (!answer.ok) throw new Error(`${method} failed: ${answer.error.message}`);
  return answer.value as T;
};

type Keys = { email_key: string | null; phone_key: string | null; mobile_key: string | null; company_key: string | null; person_key: string | null };

// Every live lead in insertion order, with the normalised keys duplicates are found by.
const storedLeads = (backend: Backend): { lead: Lead; keys: Keys }[] =>
  (
    backend.ctx.store.db
      .prepare('SELECT id, email_key, phone_key, mobile_key, company_key, person_key FROM leads WHERE deleted_at IS NULL ORDER BY rowid')
      .all() as (Keys & { id: string })[]
  ).map(({ id, ...keys }) => ({ lead: backend.leads.get(id), keys }));

// What an import stores for a row: everything not in the file is empty, the stage defaults to lead.
const imported = (importId: string, fields: Partial<Lead>): Partial<Lead> => ({
  ...emptyLeadInput(),
  callCount: 0,
  lastCalledAt: null,
  importId,
  version: 1,
  ...fields,
});

const csvLine = (cells: string[], quoteAll: boolean): string =>
  cells.map((cell) => (quoteAll || /[",\r\n]/u.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',');

// HubSpot "Export contacts": UTF-8 with a BOM, its English property labels, Japanese content.
const HUBSPOT_HEADERS = ['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Mobile Phone Number', 'Company Name', 'Job Title', 'Lifecycle Stage', 'Lead Status', 'Contact owner', 'Original Source', 'Create Date', 'City'];
const HUBSPOT_ROWS = [
  ['101', '太郎', '山田', 'taro.yamada@sakura-tech.example.jp', '03-1234-5678', '090-1111-2222', '株式会社さくらテック', '営業部長', 'Marketing Qualified Lead', 'In progress', '佐藤 花子', 'Organic Search', '2025-04-01 10:15', '渋谷区'],
  ['102', '花子', '鈴木', 'hanako.suzuki@minato.example.co.jp', '+81 6-1234-5678', '', '港商事㈱', '総務課長', 'Lead', 'New', '佐藤 花子', 'Offline Sources', '2025-04-02 09:00', '大阪市'],
  // Full-width digits with a minus sign (U+2212) as the separator.
  ['103', '一郎', '田中', '', '０４５−１２３−４５６７', '', '田中工業株式会社', '', 'Sales Qualified Lead', 'Connected', '', 'Paid Search', '2025-04-03 14:30', '横浜市'],
  // Line 5: the same person as line 2 under the English company name: a duplicate inside the file by email.
  ['104', 'Taro', 'Yamada', 'TARO.YAMADA@SAKURA-TECH.EXAMPLE.JP', '', '', 'Sakura Tech Co., Ltd.', '', 'Opportunity', 'Open deal', '', 'Direct Traffic', '2025-04-05 11:00', ''],
  // Line 6: already in the store (same email in another case).
  ['105', '健', '小林', 'ken.kobayashi@nagoya-denki.example.jp', '052-111-2222', '', '名古屋電機株式会社', '主任', 'Lead', 'Attempted to contact', '', 'Referrals', '2025-04-06 16:45', '名古屋市'],
  // Line 7: a broken email; line 8: no company.
  ['106', '次郎', '高田', 'jiro@@takada.example.jp', '', '', '高田建設株式会社', '', 'Lead', 'New', '', 'Organic Search', '2025-04-07 08:30', ''],
  ['107', '三郎', '木村', 'saburo@kimura.example.jp', '03-9999-0000', '', '', '', 'Lead', 'New', '', 'Organic Search', '2025-04-08 13:00', ''],
];
const hubspotFile = (): Buffer =>
  Buffer.from(`\uFEFF${[HUBSPOT_HEADERS, ...HUBSPOT_ROWS].map((cells) => csvLine(cells, false)).join('\n')}\n`, 'utf8');

// A Salesforce lead report ("Export details" as CSV), opened and saved again in Japanese Excel:
// Shift_JIS (CP932), CRLF, every cell quoted.
const SALESFORCE_HEADERS = ['Lead Owner', 'First Name', 'Last Name', 'Title', 'Company / Account', 'Email', 'Phone', 'Mobile', 'Lead Source', 'Lead Status', 'Rating', 'Street', 'City', 'State/Province', 'Zip/Postal Code', 'No. of Employees', 'Created Date'];
const SALESFORCE_ROWS = [
  ['高橋 誠', '健一', '伊藤', '部長', '株式会社東京ソリューションズ', 'k.ito@tokyo-sol.example.jp', '03-5555-1234', '080-1234-5678', 'Web', 'Working - Contacted', 'Hot', '丸の内１－１－１', '千代田区', '東京都', '100-0005', '250', '2025/04/01'],
  // CP932-only characters (㈱, 髙) and full-width digits in the phone and the head count.
  ['高橋 誠', '美咲', '髙木', '課長代理', '㈱大阪精機', '', '０６－６１２３－４５６７', '', '展示会', 'Open - Not Contacted', 'Warm', '梅田２丁目４番９号', '大阪市北区', '大阪府', '530-0001', '１，２００', '2025/04/02'],
  // Line 4: the same number as line 3 written another way: a duplicate inside the file.
  ['高橋 誠', '美咲', '髙木', '', '大阪精機株式会社', 'm.takagi@osaka-seiki.example.jp', '06(6123)4567', '', 'Web', 'Working - Contacted', 'Hot', '', '', '大阪府', '', '', '2025/04/03'],
  // Line 5: the mobile number of a lead already in the store.
  ['', '翔', '中村', '', '株式会社ナカムラ物流', 's.nakamura@nakamura-logi.example.jp', '', '090 2222 3333', 'Partner', 'Open - Not Contacted', 'Cold', '', '', '埼玉県', '', '80', '2025/04/04'],
  // Line 6: Excel dropped the leading 0 of the only number.
  ['高橋 誠', '大輔', '森', '', '有限会社ミドリ商会', '', '312345678', '', 'Web', 'Open - Not Contacted', '', '', '', '東京都', '', '', '2025/04/05'],
  // Half-width katakana, as old core systems wrote it.
  ['', 'ﾕｲ', 'ｱｵｷ', '', 'ｱｵｿﾞﾗ合同会社', 'yui@aozora.example.jp', '', '', 'Web', 'Working - Contacted', 'Cold', '', '', '', '', '', '2025/04/06'],
  // Line 8: a rating that is not a temperature.
  ['', '誠', '橋本', '', '橋本印刷株式会社', 'hashimoto@hashimoto-p.example.jp', '', '', 'Web', 'Open - Not Contacted', '★★★', '', '', '', '', '', '2025/04/07'],
];
// A Classic report export ends with a blank line and a footer of single cells (Excel pads them).
const SALESFORCE_FOOTER = [
  '',
  'リードレポート',
  'Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.',
  'Confidential Information - Do Not Distribute',
  'Generated By:  高橋 誠  2026/04/10 10:15',
  '株式会社サンプル',
].map((cell) => [cell, ...SALESFORCE_HEADERS.slice(1).map(() => '')]);
const salesforceFile = (): Buffer =>
  iconv.encode(`${[SALESFORCE_HEADERS, ...SALESFORCE_ROWS, ...SALESFORCE_FOOTER].map((cells) => csvLine(cells, true)).join('\r\n')}\r\n`, 'cp932');

describe('importing CRM exports', () => {
  const tempDir = useTempDir();
  const setup = (name: string, content: Buffer) => {
    const dir = tempDir();
    const backend = openTempBackend(dir);
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return { backend, file };
  };

  it('imports a HubSpot contacts export exactly: fields, keys, custom fields and the report', async () => {
    const { backend, file } = setup('hubspot-crm-exports-all-contacts-2025-04-10.csv', hubspotFile());
    const [existing] = backend.leads.createMany([leadInput({ companyName: '名古屋電機株式会社', email: 'Ken.Kobayashi@nagoya-denki.example.jp', phone: null })]);

    const preview = await ok<ImportPreview>(backend, 'imports.preview', { path: file });
    expect(preview).toMatchObject({ format: 'csv', encoding: 'utf8-bom', delimiter: ',', headers: HUBSPOT_HEADERS, mappingWarnings: [] });
    expect(preview.mapping.map((m) => m.target)).toEqual([
      'custom',
      'givenName',
      'familyName',
      'email',
      'phone',
      'mobile',
      'companyName',
      'title',
      'stage',
      'custom', // Lead Status: the stage is taken by Lifecycle Stage
      'owner',
      'source',
      'custom',
      'custom',
    ]);
    expect(preview.counts).toEqual({ totalRows: 7, toCreate: 3, toUpdate: 0, skipped: 2, rejected: 2, duplicatesInStore: 1, duplicatesInFile: 1, mergedInFile: 0 });

    const result = await ok<ImportResult>(backend, 'imports.commit', { path: file });
    expect(result).toMatchObject({
      fileName: 'hubspot-crm-exports-all-contacts-2025-04-10.csv',
      format: 'csv',
      encoding: 'utf8-bom',
      onDuplicate: 'skip',
      totalRows: 7,
      created: 3,
      updated: 0,
      unchanged: 0,
      skipped: 2,
      rejected: 2,
      undoneAt: null,
    });
    expect(result.rejectedRows).toEqual([
      {
        line: 7,
        cells: HUBSPOT_ROWS[5],
        reasons: [
          {
            field: 'email',
            code: 'invalid_email',
            message: 'Column "Email": "jiro@@takada.example.jp" is not an email address. It must look like name@example.co.jp.',
            messageKey: 'errors.importRow.invalid_email',
            params: { column: 'Email', value: 'jiro@@takada.example.jp' },
          },
        ],
      },
      {
        line: 8,
        cells: HUBSPOT_ROWS[6],
        reasons: [
          {
            field: 'companyName',
            code: 'missing_company',
            message: 'Company name is empty. Fill it in or map another column to the company name.',
            messageKey: 'errors.importRow.missing_company',
            params: { column: 'Company Name' },
          },
        ],
      },
    ]);

    const stored = storedLeads(backend);
    expect(stored.map((s) => s.lead.id)[0]).toBe(existing);
    // The lead already in the store is untouched.
    expect(stored[0]?.lead).toMatchObject({ email: 'Ken.Kobayashi@nagoya-denki.example.jp', importId: null, version: 1 });
    expect(stored.slice(1).map((s) => s.lead)).toEqual([
      expect.objectContaining(
        imported(result.id, {
          companyName: '株式会社さくらテック',
          title: '営業部長',
          familyName: '山田',
          givenName: '太郎',
          email: 'taro.yamada@sakura-tech.example.jp',
          phone: '03-1234-5678',
          mobile: '090-1111-2222',
          source: 'Organic Search',
          stage: 'mql',
          owner: '佐藤 花子',
          customFields: { 'Record ID': '101', 'Lead Status': 'In progress', 'Create Date': '2025-04-01 10:15', City: '渋谷区' },
        }),
      ),
      expect.objectContaining(
        imported(result.id, {
          companyName: '港商事㈱',
          title: '総務課長',
          familyName: '鈴木',
          givenName: '花子',
          email: 'hanako.suzuki@minato.example.co.jp',
          phone: '+81 6-1234-5678',
          source: 'Offline Sources',
          owner: '佐藤 花子',
          customFields: { 'Record ID': '102', 'Lead Status': 'New', 'Create Date': '2025-04-02 09:00', City: '大阪市' },
        }),
      ),
      expect.objectContaining(
        imported(result.id, {
          companyName: '田中工業株式会社',
          familyName: '田中',
          givenName: '一郎',
          phone: '０４５−１２３−４５６７',
          source: 'Paid Search',
          stage: 'sql',
          customFields: { 'Record ID': '103', 'Lead Status': 'Connected', 'Create Date': '2025-04-03 14:30', City: '横浜市' },
        }),
      ),
    ]);
    // Originals are kept as written; matching and search use these.
    expect(stored.slice(1).map((s) => s.keys)).toEqual([
      { email_key: 'taro.yamada@sakura-tech.example.jp', phone_key: '0312345678', mobile_key: '09011112222', company_key: 'さくらテック', person_key: '山田太郎' },
      { email_key: 'hanako.suzuki@minato.example.co.jp', phone_key: '0612345678', mobile_key: null, company_key: '港商事', person_key: '鈴木花子' },
      { email_key: null, phone_key: '0451234567', mobile_key: null, company_key: '田中工業', person_key: '田中一郎' },
    ]);

    // The import is a filter of the lead list.
    const facets = await ok<LeadFacets>(backend, 'leads.facets', {});
    expect(facets.imports).toEqual([expect.objectContaining({ id: result.id, fileName: 'hubspot-crm-exports-all-contacts-2025-04-10.csv' })]);
    const page = await ok<LeadPage>(backend, 'leads.list', { importId: result.id, sort: 'companyKana', direction: 'asc' });
    expect(page.total).toBe(3);
    expect(new Set(page.rows.map((l) => l.companyName))).toEqual(new Set(['株式会社さくらテック', '港商事㈱', '田中工業株式会社']));
    backend.close();
  });

  it('imports a Shift_JIS Salesforce lead report exactly, filling the lead already in the store', async () => {
    const { backend, file } = setup('リードレポート.csv', salesforceFile());
    const [existing] = backend.leads.createMany([
      leadInput({ companyName: 'ナカムラ物流株式会社', familyName: '中村', givenName: '翔', email: null, phone: null, mobile: '09022223333', prefecture: null, employeeCount: null, source: null, temperature: null }),
    ]);

    const preview = await ok<ImportPreview>(backend, 'imports.preview', { path: file, onDuplicate: 'fill' });
    expect(preview).toMatchObject({ encoding: 'cp932', delimiter: ',', headers: SALESFORCE_HEADERS, mappingWarnings: [] });
    expect(preview.mapping.map((m) => m.target)).toEqual([
      'owner',
      'givenName',
      'familyName',
      'title',
      'companyName',
      'email',
      'phone',
      'mobile',
      'source',
      'stage',
      'temperature',
      'address',
      'custom',
      'prefecture',
      'postalCode',
      'employeeCount',
      'custom',
    ]);
    // The footer (lines 10-14 after the blank line 9) is left out, and the preview says so.
    expect(preview.notices).toEqual([expect.objectContaining({ code: 'salesforce_footer', line: 10, lines: 5, messageKey: 'imports.notice.salesforceFooter', params: { line: 10, lines: 5 } })]);
    // With `fill` nothing is skipped: line 4 is folded into the lead line 3 creates.
    expect(preview.counts).toEqual({ totalRows: 7, toCreate: 3, toUpdate: 1, skipped: 0, rejected: 2, duplicatesInStore: 1, duplicatesInFile: 1, mergedInFile: 1 });

    const result = await ok<ImportResult>(backend, 'imports.commit', { path: file, onDuplicate: 'fill' });
    expect(result).toMatchObject({ fileName: 'リードレポート.csv', encoding: 'cp932', onDuplicate: 'fill', totalRows: 7, created: 3, updated: 1, unchanged: 0, mergedInFile: 1, skipped: 0, rejected: 2 });
    expect(result.notices).toEqual(preview.notices);
    expect(result.rejectedRows.map((r) => ({ line: r.line, cells: r.cells, reasons: r.reasons.map(({ field, code, params }) => ({ field, code, params })) }))).toEqual([
      { line: 6, cells: SALESFORCE_ROWS[4], reasons: [{ field: 'phone', code: 'phone_leading_zero', params: { column: 'Phone', value: '312345678' } }] },
      {
        line: 8,
        cells: SALESFORCE_ROWS[6],
        reasons: [{ field: 'temperature', code: 'unknown_temperature', params: { column: 'Rating', value: '★★★', accepted: 'hot, warm, cold (or ホット, ウォーム, コールド, 高, 中, 低)' } }],
      },
    ]);

    const stored = storedLeads(backend);
    expect(stored).toHaveLength(4);
    // Filled: only what the existing lead had empty; its own values stay.
    expect(stored[0]?.lead).toMatchObject({
      id: existing,
      companyName: 'ナカムラ物流株式会社',
      email: 's.nakamura@nakamura-logi.example.jp',
      mobile: '09022223333',
      prefecture: '埼玉県',
      employeeCount: 80,
      source: 'Partner',
      temperature: 'cold',
      title: '課長',
      importId: null,
      customFields: { 'Created Date': '2025/04/04' },
    });
    expect(stored.slice(1).map((s) => s.lead)).toEqual([
      expect.objectContaining(
        imported(result.id, {
          companyName: '株式会社東京ソリューションズ',
          title: '部長',
          familyName: '伊藤',
          givenName: '健一',
          email: 'k.ito@tokyo-sol.example.jp',
          phone: '03-5555-1234',
          mobile: '080-1234-5678',
          postalCode: '100-0005',
          prefecture: '東京都',
          address: '丸の内１－１－１',
          employeeCount: 250,
          source: 'Web',
          temperature: 'hot',
          owner: '高橋 誠',
          customFields: { City: '千代田区', 'Created Date': '2025/04/01' },
        }),
      ),
      expect.objectContaining(
        imported(result.id, {
          companyName: '㈱大阪精機',
          title: '課長代理',
          familyName: '髙木',
          givenName: '美咲',
          // From line 4, where line 3 had none; line 3's own values win everywhere else.
          email: 'm.takagi@osaka-seiki.example.jp',
          phone: '０６－６１２３－４５６７',
          postalCode: '530-0001',
          prefecture: '大阪府',
          address: '梅田２丁目４番９号',
          employeeCount: 1200,
          source: '展示会',
          temperature: 'warm',
          owner: '高橋 誠',
          customFields: { City: '大阪市北区', 'Created Date': '2025/04/02' },
        }),
      ),
      expect.objectContaining(
        imported(result.id, {
          companyName: 'ｱｵｿﾞﾗ合同会社',
          familyName: 'ｱｵｷ',
          givenName: 'ﾕｲ',
          email: 'yui@aozora.example.jp',
          source: 'Web',
          temperature: 'cold',
          customFields: { 'Created Date': '2025/04/06' },
        }),
      ),
    ]);
    expect(stored.map((s) => s.keys)).toEqual([
      { email_key: 's.nakamura@nakamura-logi.example.jp', phone_key: null, mobile_key: '09022223333', company_key: 'ナカムラ物流', person_key: '中村翔' },
      { email_key: 'k.ito@tokyo-sol.example.jp', phone_key: '0355551234', mobile_key: '08012345678', company_key: '東京ソリューションズ', person_key: '伊藤健一' },
      { email_key: 'm.takagi@osaka-seiki.example.jp', phone_key: '0661234567', mobile_key: null, company_key: '大阪精機', person_key: '髙木美咲' },
      { email_key: 'yui@aozora.example.jp', phone_key: null, mobile_key: null, company_key: 'アオゾラ', person_key: 'アオキユイ' },
    ]);
    // One batch op for the created leads, one per filled lead, and the import's own (after the existing lead's create).
    const ops = backend.ctx.store.db.prepare('SELECT op, entity_id AS entityId, payload FROM outbox ORDER BY seq').all() as { op: string; entityId: string; payload: string }[];
    expect(ops.map(({ op, entityId }) => ({ op, entityId }))).toEqual([
      { op: 'lead.create', entityId: existing },
      { op: 'lead.createBatch', entityId: result.id },
      { op: 'lead.update', entityId: existing },
      { op: 'import.commit', entityId: result.id },
    ]);
    expect(JSON.parse(ops[1]!.payload)).toMatchObject({ ids: stored.slice(1).map((s) => s.lead.id) });
    backend.close();
  });
});
