import { describe, expect, it } from 'vitest';
import type { ImportTarget } from '../../../shared/domain/import-fields';
import { suggestMapping, type ColumnMapping } from '../../../shared/domain/import-mapping';
import { createRowMapper, mapRow, type RowResult } from '../../../shared/domain/import-row';
import { emptyLeadInput, type LeadInput } from '../../../shared/domain/lead';

const EMPTY_LEAD: LeadInput = emptyLeadInput();

const lead = (fields: Partial<LeadInput>): RowResult => ({ ok: true, lead: { ...EMPTY_LEAD, ...fields } });

const mapping = (...pairs: [string, ImportTarget][]): ColumnMapping => pairs.map(([header, target]) => ({ header, target }));

// Company and phone are required for a row to pass; the cell under test is the third.
const withBase = (header: string, target: ImportTarget) => mapping(['会社名', 'companyName'], ['TEL', 'phone'], [header, target]);
const one = (header: string, target: ImportTarget, value: string) => mapRow(['ABC', '03-1234-5678', value], withBase(header, target), { stage: 'lead' });
const base = { companyName: 'ABC', phone: '03-1234-5678' };

const errorsOf = (result: RowResult) => (result.ok ? [] : result.errors);

describe('mapRow on realistic rows', () => {
  it('maps a Japanese trade-show list row, keeping originals trimmed', () => {
    const headers = ['会社名', '会社名（カナ）', '氏名', 'フリガナ', '部署', '役職', 'メールアドレス', '電話番号', '携帯電話', '〒', '都道府県', '住所', '業種', '従業員数', '流入元', '施策', 'スコア', 'ステージ', '温度感', '担当者', 'タグ', '備考'];
    const cells = [
      ' 株式会社サンプル ',
      'ｻﾝﾌﾟﾙ',
      '山田　太郎',
      'やまだ たろう',
      '営業部',
      '部長',
      'Taro.Yamada@Example.co.jp',
      '０３－１２３４－５６７８',
      '',
      '100-0001',
      '東京都',
      '千代田区千代田1-1',
      '製造業',
      '１，２００名',
      '展示会',
      '2024春展示会',
      '72',
      'MQL',
      'ホット',
      '佐藤',
      '展示会、資料DL',
      '名刺交換済み',
    ];
    expect(mapRow(cells, suggestMapping(headers), { stage: 'lead' })).toEqual(
      lead({
        companyName: '株式会社サンプル',
        companyKana: 'サンプル',
        familyName: '山田',
        givenName: '太郎',
        familyNameKana: 'ヤマダ',
        givenNameKana: 'タロウ',
        department: '営業部',
        title: '部長',
        email: 'Taro.Yamada@Example.co.jp',
        phone: '０３－１２３４－５６７８',
        postalCode: '100-0001',
        prefecture: '東京都',
        address: '千代田区千代田1-1',
        industry: '製造業',
        employeeCount: 1200,
        source: '展示会',
        campaign: '2024春展示会',
        score: 72,
        stage: 'mql',
        temperature: 'hot',
        owner: '佐藤',
        tags: ['展示会', '資料DL'],
        customFields: { 備考: '名刺交換済み' },
      }),
    );
  });

  it('maps a HubSpot export row', () => {
    const headers = ['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Company Name', 'Lifecycle Stage', 'HubSpot Score', 'City', 'Number of Employees'];
    const cells = ['5012', 'Taro', 'Yamada', 'taro@example.jp', '+81 3-1234-5678', 'Example KK', 'marketingqualifiedlead', '130', 'Chiyoda', '1200'];
    expect(mapRow(cells, suggestMapping(headers), { stage: 'lead' })).toEqual(
      lead({
        companyName: 'Example KK',
        givenName: 'Taro',
        familyName: 'Yamada',
        email: 'taro@example.jp',
        phone: '+81 3-1234-5678',
        stage: 'mql',
        score: 130,
        employeeCount: 1200,
        customFields: { 'Record ID': '5012', City: 'Chiyoda' },
      }),
    );
  });

  it('maps a Salesforce export row', () => {
    const headers = ['Lead ID', 'First Name', 'Last Name', 'Company', 'Mobile', 'Lead Source', 'Lead Status', 'Rating', 'Lead Owner'];
    const cells = ['00Q5g000001', '花子', '佐藤', 'サンプル商事', '090-1234-5678', 'Web', 'Working - Contacted', 'Warm', 'Suzuki'];
    expect(mapRow(cells, suggestMapping(headers), { stage: 'mql' })).toEqual(
      lead({
        companyName: 'サンプル商事',
        givenName: '花子',
        familyName: '佐藤',
        mobile: '090-1234-5678',
        source: 'Web',
        stage: 'lead',
        temperature: 'warm',
        owner: 'Suzuki',
        customFields: { 'Lead ID': '00Q5g000001' },
      }),
    );
  });

  it('turns empty cells into null and fills stage, source and owner from the defaults', () => {
    const m = mapping(['会社名', 'companyName'], ['メール', 'email'], ['ステージ', 'stage'], ['流入元', 'source'], ['担当', 'owner'], ['氏名', 'fullName'], ['部署', 'department']);
    const defaults = { stage: 'nurture' as const, source: '名刺', owner: ' 佐藤 ' };
    expect(mapRow(['ABC', 'a@b.jp', '', ' ', '　', '', ''], m, defaults)).toEqual(
      lead({ companyName: 'ABC', email: 'a@b.jp', stage: 'nurture', source: '名刺', owner: '佐藤' }),
    );
    expect(mapRow(['ABC', 'a@b.jp', 'SQL', 'Web', '田中', '', ''], m, defaults)).toEqual(
      lead({ companyName: 'ABC', email: 'a@b.jp', stage: 'sql', source: 'Web', owner: '田中' }),
    );
    expect(mapRow(['ABC', 'a@b.jp'], mapping(['会社名', 'companyName'], ['メール', 'email']), { stage: 'lead', source: '', owner: null })).toEqual(
      lead({ companyName: 'ABC', email: 'a@b.jp' }),
    );
  });

  it('reads rows shorter than the header as empty cells', () => {
    expect(mapRow(['ABC', '03-1234-5678'], withBase('部署', 'department'), { stage: 'lead' })).toEqual(lead(base));
  });

  it('skips ignored columns', () => {
    expect(one('内部ID', 'ignore', '123')).toEqual(lead(base));
  });

  it('lets createRowMapper and mapRow agree, and reuses one compiled mapper', () => {
    const m = withBase('役職', 'title');
    const mapper = createRowMapper(m, { stage: 'lead' });
    expect(mapper(['ABC', '03-1234-5678', '課長'])).toEqual(mapRow(['ABC', '03-1234-5678', '課長'], m, { stage: 'lead' }));
    expect(mapper(['DEF', '03-1234-5678', ''])).toEqual(lead({ companyName: 'DEF', phone: '03-1234-5678' }));
  });
});

describe('names', () => {
  it.each([
    ['山田 太郎', '山田', '太郎'],
    ['山田　太郎', '山田', '太郎'],
    ['山田太郎', '山田太郎', null],
    ['Taro Yamada', 'Yamada', 'Taro'],
  ])('splits the full name %s', (value, familyName, givenName) => expect(one('氏名', 'fullName', value)).toEqual(lead({ ...base, familyName, givenName })));

  it.each([
    ['ヤマダ タロウ', 'ヤマダ', 'タロウ'],
    ['やまだ　たろう', 'ヤマダ', 'タロウ'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ', 'タロウ'],
    ['ヤマダタロウ', 'ヤマダタロウ', null],
  ])('splits and folds the full kana %s', (value, familyNameKana, givenNameKana) =>
    expect(one('フリガナ', 'fullNameKana', value)).toEqual(lead({ ...base, familyNameKana, givenNameKana })),
  );

  it('folds every kana column to full-width katakana', () => {
    expect(one('会社名カナ', 'companyKana', 'さんぷる')).toEqual(lead({ ...base, companyKana: 'サンプル' }));
    expect(one('セイ', 'familyNameKana', 'ﾔﾏﾀﾞ')).toEqual(lead({ ...base, familyNameKana: 'ヤマダ' }));
    expect(one('メイ', 'givenNameKana', 'たろう')).toEqual(lead({ ...base, givenNameKana: 'タロウ' }));
  });

  it('prefers separate name columns over the full name', () => {
    const m = mapping(['会社名', 'companyName'], ['TEL', 'phone'], ['氏名', 'fullName'], ['姓', 'familyName'], ['名', 'givenName']);
    expect(mapRow(['ABC', '03-1234-5678', '山田 太郎', '山田', '太朗'], m, { stage: 'lead' })).toEqual(lead({ ...base, familyName: '山田', givenName: '太朗' }));
    expect(mapRow(['ABC', '03-1234-5678', '山田 太郎', '', ''], m, { stage: 'lead' })).toEqual(lead({ ...base, familyName: '山田', givenName: '太郎' }));
  });

  it('allows a lead without a person name', () => {
    expect(mapRow(['ABC', '03-1234-5678', ''], withBase('氏名', 'fullName'), { stage: 'lead' })).toEqual(lead(base));
  });
});

describe('numbers, stages, temperatures, tags', () => {
  it.each([
    ['1,200', 1200],
    ['１２００', 1200],
    ['100名', 100],
    ['100人', 100],
    ['0', 0],
  ])('reads the employee count %s', (value, employeeCount) => expect(one('従業員数', 'employeeCount', value)).toEqual(lead({ ...base, employeeCount })));

  it.each([
    ['リード', 'lead'],
    ['MQL', 'mql'],
    ['Marketing Qualified Lead', 'mql'],
    ['marketingqualifiedlead', 'mql'],
    ['SQL', 'sql'],
    ['商談', 'opportunity'],
    ['Customer', 'customer'],
    ['顧客', 'customer'],
    ['Nurture', 'nurture'],
    ['ナーチャリング', 'nurture'],
    ['対象外', 'disqualified'],
    ['Disqualified', 'disqualified'],
    ['Unqualified', 'disqualified'],
  ] as const)('reads the stage %s', (value, stage) => expect(one('ステージ', 'stage', value)).toEqual(lead({ ...base, stage })));

  it.each([
    ['Hot', 'hot'],
    ['ウォーム', 'warm'],
    ['低', 'cold'],
  ] as const)('reads the temperature %s', (value, temperature) => expect(one('温度感', 'temperature', value)).toEqual(lead({ ...base, temperature })));

  it('splits tags and merges several tag columns', () => {
    const m = mapping(['会社名', 'companyName'], ['TEL', 'phone'], ['タグ', 'tags'], ['タグ2', 'tags']);
    expect(mapRow(['ABC', '03-1234-5678', '展示会;資料DL|ウェビナー', 'ウェビナー、紹介'], m, { stage: 'lead' })).toEqual(
      lead({ ...base, tags: ['展示会', '資料DL', 'ウェビナー', '紹介'] }),
    );
  });

  it('keeps custom columns under their header, non-empty ones only, with blank and repeated headers named apart', () => {
    const m = mapping(['会社名', 'companyName'], ['TEL', 'phone'], ['メモ', 'custom'], ['', 'custom'], ['メモ', 'custom'], ['空', 'custom']);
    expect(mapRow(['ABC', '03-1234-5678', '一回目', '無名', '二回目', ' '], m, { stage: 'lead' })).toEqual(
      lead({ ...base, customFields: { メモ: '一回目', 'Column 4': '無名', 'メモ (2)': '二回目' } }),
    );
  });

  it('never loses a column named __proto__', () => {
    const result = one('__proto__', 'custom', 'x');
    expect(result.ok && Object.entries(result.lead.customFields)).toEqual([['__proto__ (2)', 'x']]);
  });

  it('takes the first non-empty value when two columns feed one field', () => {
    const m = mapping(['会社名', 'companyName'], ['TEL', 'phone'], ['代表電話', 'phone'], ['Email', 'email'], ['E-mail', 'email']);
    expect(mapRow(['ABC', '', '03-9999-0000', 'a@b.jp', 'c@d.jp'], m, { stage: 'lead' })).toEqual(
      lead({ companyName: 'ABC', phone: '03-9999-0000', email: 'a@b.jp' }),
    );
  });
});

describe('row errors', () => {
  it('rejects a row without a company name', () => {
    expect(mapRow(['', '03-1234-5678'], mapping(['会社名', 'companyName'], ['TEL', 'phone']), { stage: 'lead' })).toEqual({
      ok: false,
      errors: [
        {
          field: 'companyName',
          code: 'missing_company',
          message: 'Company name is empty. Fill it in or map another column to the company name.',
          messageKey: 'errors.importRow.missing_company',
          params: { column: '会社名' },
        },
      ],
    });
    expect(errorsOf(mapRow(['03-1234-5678'], mapping(['TEL', 'phone']), { stage: 'lead' }))).toEqual([
      {
        field: 'companyName',
        code: 'missing_company',
        message: 'Company name is empty. Fill it in or map another column to the company name.',
        messageKey: 'errors.importRow.missing_company',
      },
    ]);
  });

  it('rejects a row with no email, phone or mobile', () => {
    const m = mapping(['会社名', 'companyName'], ['メール', 'email'], ['TEL', 'phone'], ['携帯', 'mobile'], ['氏名', 'fullName']);
    expect(mapRow(['ABC', '', '', '', '山田 太郎'], m, { stage: 'lead' })).toEqual({
      ok: false,
      errors: [{ field: 'row', code: 'no_contact', message: 'No way to contact: give an email, phone or mobile number.', messageKey: 'errors.importRow.no_contact' }],
    });
    expect(mapRow(['ABC', '', '', '090-1234-5678', ''], m, { stage: 'lead' })).toEqual(lead({ companyName: 'ABC', mobile: '090-1234-5678' }));
    expect(mapRow(['ABC', 'a@b.jp', '', '', ''], m, { stage: 'lead' })).toEqual(lead({ companyName: 'ABC', email: 'a@b.jp' }));
  });

  it('reports every problem of a row at once', () => {
    const m = mapping(['会社名', 'companyName'], ['メール', 'email'], ['従業員数', 'employeeCount'], ['ステージ', 'stage']);
    expect(errorsOf(mapRow(['', '', '約100', '???'], m, { stage: 'lead' })).map((e) => e.code)).toEqual(['not_whole_number', 'unknown_stage', 'missing_company', 'no_contact']);
  });

  it('rejects an invalid email, quoting it, and does not add no_contact on top', () => {
    expect(one('メール', 'email', 'taro@example')).toEqual({
      ok: false,
      errors: [
        {
          field: 'email',
          code: 'invalid_email',
          message: 'Column "メール": "taro@example" is not an email address. It must look like name@example.co.jp.',
          messageKey: 'errors.importRow.invalid_email',
          params: { column: 'メール', value: 'taro@example' },
        },
      ],
    });
    const m = mapping(['会社名', 'companyName'], ['メール', 'email']);
    expect(errorsOf(mapRow(['ABC', 'なし'], m, { stage: 'lead' })).map((e) => e.code)).toEqual(['invalid_email']);
  });

  it('accepts a full-width email and keeps it as written', () => {
    expect(one('メール', 'email', 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ')).toEqual(lead({ ...base, email: 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ' }));
  });

  it('rejects unreadable phone and mobile numbers, quoting them', () => {
    expect(errorsOf(one('携帯', 'mobile', '090-1234'))).toEqual([
      {
        field: 'mobile',
        code: 'invalid_phone',
        message:
          'Column "携帯": "090-1234" is not a phone number. A Japanese number has 10 or 11 digits starting with 0 (03-1234-5678); a foreign one starts with + and the country code.',
        messageKey: 'errors.importRow.invalid_phone',
        params: { column: '携帯', value: '090-1234' },
      },
    ]);
    const m = mapping(['会社名', 'companyName'], ['TEL', 'phone']);
    expect(errorsOf(mapRow(['ABC', '312345678'], m, { stage: 'lead' }))).toEqual([
      {
        field: 'phone',
        code: 'phone_leading_zero',
        message: 'Column "TEL": "312345678" has lost its leading 0 (Excel drops it from numbers). Write it as 0312345678, or format the column as text before saving.',
        messageKey: 'errors.importRow.phone_leading_zero',
        params: { column: 'TEL', value: '312345678' },
      },
    ]);
  });

  it('accepts foreign numbers and Japanese ones with an extension, kept as written', () => {
    expect(one('携帯', 'mobile', '+1 415 555 2671')).toEqual(lead({ ...base, mobile: '+1 415 555 2671' }));
    const m = mapping(['会社名', 'companyName'], ['TEL', 'phone']);
    expect(mapRow(['ABC', '03-1234-5678 内線123'], m, { stage: 'lead' })).toEqual(lead({ companyName: 'ABC', phone: '03-1234-5678 内線123' }));
  });

  it.each(['約100', '1.5', '100〜200', '-1', '多数'])('rejects the employee count %s', (value) =>
    expect(errorsOf(one('従業員数', 'employeeCount', value))).toEqual([
      {
        field: 'employeeCount',
        code: 'not_whole_number',
        message: `Column "従業員数": "${value}" is not a whole number. Write digits only, such as 1200 or 1,200.`,
        messageKey: 'errors.importRow.not_whole_number',
        params: { column: '従業員数', value },
      },
    ]),
  );

  it('rejects a score that is not a whole number and keeps any whole one', () => {
    expect(errorsOf(one('スコア', 'score', '7.5')).map((e) => [e.field, e.code])).toEqual([['score', 'not_whole_number']]);
    expect(one('スコア', 'score', '-10')).toEqual(lead({ ...base, score: -10 }));
  });

  it('rejects an unknown stage, listing the accepted ones', () => {
    expect(errorsOf(one('ステージ', 'stage', '見込み度A'))).toEqual([
      {
        field: 'stage',
        code: 'unknown_stage',
        message:
          'Column "ステージ": "見込み度A" is not a stage. Use one of Lead, MQL, TQL, SAL, SQL, Opportunity, Customer, Nurture, Disqualified (or リード, 商談, 顧客, ナーチャリング, 対象外), or leave it empty.',
        messageKey: 'errors.importRow.unknown_stage',
        params: {
          column: 'ステージ',
          value: '見込み度A',
          accepted: 'Lead, MQL, TQL, SAL, SQL, Opportunity, Customer, Nurture, Disqualified (or リード, 商談, 顧客, ナーチャリング, 対象外)',
        },
      },
    ]);
  });

  it('rejects an ambiguous temperature, listing the accepted ones', () => {
    expect(errorsOf(one('Rating', 'temperature', 'A'))).toEqual([
      {
        field: 'temperature',
        code: 'unknown_temperature',
        message: 'Column "Rating": "A" is not a temperature. Use hot, warm, cold (or ホット, ウォーム, コールド, 高, 中, 低), or leave it empty.',
        messageKey: 'errors.importRow.unknown_temperature',
        params: { column: 'Rating', value: 'A', accepted: 'hot, warm, cold (or ホット, ウォーム, コールド, 高, 中, 低)' },
      },
    ]);
  });
});
