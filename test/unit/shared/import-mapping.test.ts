import { describe, expect, it } from 'vitest';
import { IMPORT_TARGETS, LEAD_IMPORT_FIELDS, isImportTarget } from '../../../shared/domain/import-fields';
import { HEADER_TARGETS, headerKey } from '../../../shared/domain/import-headers';
import { suggestMapping, validateMapping, type ColumnMapping } from '../../../shared/domain/import-mapping';

const targets = (headers: string[]) => suggestMapping(headers).map((m) => m.target);

describe('import targets', () => {
  it('lists every importable lead field, the composite name targets, custom and ignore', () => {
    expect(IMPORT_TARGETS).toEqual([...LEAD_IMPORT_FIELDS, 'fullName', 'fullNameKana', 'custom', 'ignore']);
    expect(LEAD_IMPORT_FIELDS).toHaveLength(23);
    expect(isImportTarget('fullNameKana')).toBe(true);
    expect(isImportTarget('doNotCall')).toBe(false);
    expect(isImportTarget('customFields')).toBe(false);
  });

  it('maps every dictionary key to a real target', () => {
    for (const target of HEADER_TARGETS.values()) expect(isImportTarget(target)).toBe(true);
  });
});

describe('headerKey', () => {
  it.each([
    ['Company Name', 'companyname'],
    ['ＣＯＭＰＡＮＹ　ＮＡＭＥ', 'companyname'],
    ['E-mail', 'email'],
    ['State/Province', 'stateprovince'],
    ['No. of Employees', 'noofemployees'],
    ['会社名（カナ）', '会社名カナ'],
    ['会社名 [カナ]', '会社名カナ'],
    ['ﾌﾘｶﾞﾅ', 'フリガナ'],
    ['ふりがな', 'フリガナ'],
    ['メールアドレス（必須）', 'メールアドレス'],
    ['〒', '〒'],
    ['  ', ''],
  ])('%s → %s', (header, key) => expect(headerKey(header)).toBe(key));
});

describe('suggestMapping', () => {
  it('maps a typical Japanese list', () => {
    const headers = ['会社名', '会社名（カナ）', '氏名', 'フリガナ', '部署', '役職', 'メールアドレス', '電話番号', '携帯電話', '郵便番号', '都道府県', '住所', '業種', '従業員数', '流入元', 'キャンペーン', 'スコア', 'ステージ', '温度感', '担当者', 'タグ'];
    expect(suggestMapping(headers)).toEqual([
      { header: '会社名', target: 'companyName' },
      { header: '会社名（カナ）', target: 'companyKana' },
      { header: '氏名', target: 'fullName' },
      { header: 'フリガナ', target: 'fullNameKana' },
      { header: '部署', target: 'department' },
      { header: '役職', target: 'title' },
      { header: 'メールアドレス', target: 'email' },
      { header: '電話番号', target: 'phone' },
      { header: '携帯電話', target: 'mobile' },
      { header: '郵便番号', target: 'postalCode' },
      { header: '都道府県', target: 'prefecture' },
      { header: '住所', target: 'address' },
      { header: '業種', target: 'industry' },
      { header: '従業員数', target: 'employeeCount' },
      { header: '流入元', target: 'source' },
      { header: 'キャンペーン', target: 'campaign' },
      { header: 'スコア', target: 'score' },
      { header: 'ステージ', target: 'stage' },
      { header: '温度感', target: 'temperature' },
      { header: '担当者', target: 'owner' },
      { header: 'タグ', target: 'tags' },
    ]);
  });

  it('maps split Japanese names and their kana', () => {
    expect(targets(['社名', '姓', '名', 'セイ', 'メイ', 'Eメール', 'TEL'])).toEqual(['companyName', 'familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'email', 'phone']);
    expect(targets(['企業名', '名字', '姓（カナ）', '名（カナ）', '携帯番号', '〒', '所在地'])).toEqual(['companyName', 'familyName', 'familyNameKana', 'givenNameKana', 'mobile', 'postalCode', 'address']);
    expect(targets(['法人名', '企業名カナ', 'お名前', '氏名（カナ）', '所属', '役職名', 'メール', '代表電話', '携帯'])).toEqual([
      'companyName',
      'companyKana',
      'fullName',
      'fullNameKana',
      'department',
      'title',
      'email',
      'phone',
      'mobile',
    ]);
    expect(targets(['会社名フリガナ', '担当者名', 'ふりがな', '部署名', '電話', '業界', '社員数', 'リードソース', '施策', 'リードスコア', 'ライフサイクルステージ', '所有者'])).toEqual([
      'companyKana',
      'fullName',
      'fullNameKana',
      'department',
      'phone',
      'industry',
      'employeeCount',
      'source',
      'campaign',
      'score',
      'stage',
      'owner',
    ]);
    expect(targets(['名前', '獲得経路', '担当'])).toEqual(['fullName', 'source', 'owner']);
    // The contact person's details, as business-card lists label them.
    expect(targets(['取引先名', '担当者氏名', '担当者部署', '担当者役職', '担当者メール', '担当者電話番号', '担当者携帯'])).toEqual([
      'companyName',
      'fullName',
      'department',
      'title',
      'email',
      'phone',
      'mobile',
    ]);
  });

  it('maps English headers', () => {
    expect(
      targets(['Account Name', 'Full Name', 'Department', 'Job Title', 'Email Address', 'Business Phone', 'Mobile Phone', 'Zip', 'State', 'Address', 'Employees', 'Source', 'Campaign', 'Lead Score', 'Status', 'Temperature', 'Owner', 'Tags']),
    ).toEqual(['companyName', 'fullName', 'department', 'title', 'email', 'phone', 'mobile', 'postalCode', 'prefecture', 'address', 'employeeCount', 'source', 'campaign', 'score', 'stage', 'temperature', 'owner', 'tags']);
    expect(targets(['Company', 'Name', 'LastName', 'Prefecture', 'Street', 'Score'])).toEqual(['companyName', 'fullName', 'familyName', 'prefecture', 'address', 'score']);
  });

  it('maps a HubSpot contact export', () => {
    const headers = ['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Company Name', 'Job Title', 'Lifecycle Stage', 'Contact owner', 'Original Source', 'HubSpot Score', 'Mobile Phone Number', 'Street Address', 'City', 'State/Region', 'Postal Code', 'Industry', 'Number of Employees'];
    expect(targets(headers)).toEqual([
      'custom',
      'givenName',
      'familyName',
      'email',
      'phone',
      'companyName',
      'title',
      'stage',
      'owner',
      'source',
      'score',
      'mobile',
      'address',
      'custom',
      'prefecture',
      'postalCode',
      'industry',
      'employeeCount',
    ]);
  });

  it('maps a Salesforce lead export', () => {
    const headers = ['Lead ID', 'First Name', 'Last Name', 'Company', 'Title', 'Email', 'Phone', 'Mobile', 'Street', 'City', 'State/Province', 'Zip/Postal Code', 'Lead Source', 'Lead Status', 'Rating', 'Industry', 'No. of Employees', 'Lead Owner'];
    expect(targets(headers)).toEqual([
      'custom',
      'givenName',
      'familyName',
      'companyName',
      'title',
      'email',
      'phone',
      'mobile',
      'address',
      'custom',
      'prefecture',
      'postalCode',
      'source',
      'stage',
      'temperature',
      'industry',
      'employeeCount',
      'owner',
    ]);
  });

  it('maps a Salesforce lead report, whose company column is "Company / Account"', () => {
    const headers = ['Lead Owner', 'First Name', 'Last Name', 'Title', 'Company / Account', 'Email', 'Phone', 'Mobile', 'Lead Source', 'Lead Status', 'Rating', 'Created Date'];
    expect(targets(headers)).toEqual(['owner', 'givenName', 'familyName', 'title', 'companyName', 'email', 'phone', 'mobile', 'source', 'stage', 'temperature', 'custom']);
    expect(targets(['Account Name', 'Mailing Street', 'Mailing City', 'Mailing State/Province', 'Mailing Zip/Postal Code'])).toEqual([
      'companyName',
      'address',
      'custom',
      'prefecture',
      'postalCode',
    ]);
  });

  it('maps HubSpot and Salesforce exports made in Japanese', () => {
    // HubSpot in Japanese: 名 / 姓 / Eメール / 電話番号 / 会社名 / 役職 / ライフサイクルステージ / リードステータス / コンタクト担当者 / 元のソース.
    expect(targets(['レコードID', '名', '姓', 'Eメール', '電話番号', '会社名', '役職', 'ライフサイクルステージ', 'リードステータス', 'コンタクト担当者', '元のソース'])).toEqual([
      'custom',
      'givenName',
      'familyName',
      'email',
      'phone',
      'companyName',
      'title',
      'stage',
      'custom', // the stage was taken by the lifecycle stage
      'owner',
      'source',
    ]);
    // Salesforce in Japanese: リード所有者 / 会社名 / 町名・番地 / 市区郡 / 都道府県 / リードソース / リード状況 / 評価.
    expect(targets(['リード所有者', '姓', '名', '会社名', '町名・番地', '市区郡', '都道府県', 'リードソース', 'リード状況', '評価'])).toEqual([
      'owner',
      'familyName',
      'givenName',
      'companyName',
      'address',
      'custom',
      'prefecture',
      'source',
      'stage',
      'temperature',
    ]);
  });

  it('recognises full-width, spaced, cased and decorated variants', () => {
    expect(targets(['ＴＥＬ', 'ｅ－ｍａｉｌ', ' 会社名 ', '会社　名', 'COMPANY NAME', 'company_name', 'ﾌﾘｶﾞﾅ', 'メールアドレス（必須）'])).toEqual([
      'phone',
      'email',
      'companyName',
      'custom', // 会社名 was taken by the third column
      'custom', // so was companyName for the next ones
      'custom',
      'fullNameKana',
      'custom', // email taken by ｅ－ｍａｉｌ
    ]);
    expect(targets(['Ｅメールアドレス', '【会社名】', '電話番号:', '携帯・PHS'])).toEqual(['email', 'companyName', 'phone', 'custom']);
  });

  it('keeps unknown headers as custom, in order, never dropped', () => {
    expect(suggestMapping(['備考', '会社名', 'City', '', '展示会ブース'])).toEqual([
      { header: '備考', target: 'custom' },
      { header: '会社名', target: 'companyName' },
      { header: 'City', target: 'custom' },
      { header: '', target: 'custom' },
      { header: '展示会ブース', target: 'custom' },
    ]);
    expect(suggestMapping([])).toEqual([]);
  });

  it('uses each target once: a later duplicate becomes custom', () => {
    expect(targets(['Email', 'E-mail', 'メール', 'Lifecycle Stage', 'Lead Status', '電話番号', '代表電話'])).toEqual(['email', 'custom', 'custom', 'stage', 'custom', 'phone', 'custom']);
  });
});

describe('validateMapping', () => {
  const mapping = (...pairs: [string, ColumnMapping[number]['target']][]): ColumnMapping => pairs.map(([header, target]) => ({ header, target }));

  it('has nothing to say about a complete mapping', () => {
    expect(validateMapping(mapping(['会社名', 'companyName'], ['氏名', 'fullName'], ['TEL', 'phone'], ['メモ', 'custom'], ['x', 'ignore'], ['y', 'ignore']))).toEqual([]);
  });

  it('warns when nothing is mapped to the company, a contact or a person', () => {
    expect(validateMapping(mapping(['備考', 'custom']))).toEqual([
      {
        code: 'no_company',
        message: 'No column is mapped to the company name, so every row would be rejected. Map the column that holds the company name.',
        messageKey: 'warnings.importMapping.no_company',
      },
      {
        code: 'no_contact',
        message: 'No column gives a way to contact the lead, so every row would be rejected. Map a column to the email, phone or mobile number.',
        messageKey: 'warnings.importMapping.no_contact',
      },
      {
        code: 'no_person_name',
        message: 'No column is mapped to the person’s name. The leads will be imported without a contact person.',
        messageKey: 'warnings.importMapping.no_person_name',
      },
    ]);
  });

  it('accepts any one of email, phone or mobile, and any name column', () => {
    expect(validateMapping(mapping(['社名', 'companyName'], ['携帯', 'mobile'], ['姓', 'familyName']))).toEqual([]);
    expect(validateMapping(mapping(['社名', 'companyName'], ['Email', 'email'], ['First', 'givenName']))).toEqual([]);
  });

  it('warns when one field takes two columns, except tags', () => {
    expect(validateMapping(mapping(['社名', 'companyName'], ['TEL', 'phone'], ['代表電話', 'phone'], ['氏名', 'fullName'], ['タグ', 'tags'], ['タグ2', 'tags']))).toEqual([
      {
        code: 'target_mapped_twice',
        message: 'The columns "TEL", "代表電話" are all mapped to phone. Only the first non-empty value of each row is used; map the others to another field or to a custom field.',
        messageKey: 'warnings.importMapping.target_mapped_twice',
        params: { target: 'phone', columns: 'TEL, 代表電話' },
      },
    ]);
  });
});
