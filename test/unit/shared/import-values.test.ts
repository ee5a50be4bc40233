import { describe, expect, it } from 'vitest';
import {
  checkPhone,
  isEmail,
  parseScore,
  parseStage,
  parseTemperature,
  parseWholeNumber,
  splitName,
  splitTags,
  toKatakana,
} from '../../../shared/domain/import-values';

describe('toKatakana', () => {
  it.each([
    ['やまだ たろう', 'ヤマダ タロウ'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ タロウ'],
    ['ｶﾌﾞｼｷｶﾞｲｼｬ ﾊﾟﾝ', 'カブシキガイシャ パン'],
    ['ヤマダ', 'ヤマダ'],
    ['すゞき', 'スヾキ'],
    ['ゔぁ', 'ヴァ'],
    ['ＡＢＣ　しょうじ', 'ABC ショウジ'],
  ])('%s → %s', (raw, kana) => expect(toKatakana(raw)).toBe(kana));
});

describe('splitName', () => {
  it.each([
    ['山田 太郎', '山田', '太郎'],
    ['山田　太郎', '山田', '太郎'],
    ['山田 　 太郎', '山田', '太郎'],
    ['山田太郎', '山田太郎', null],
    ['ヤマダ タロウ', 'ヤマダ', 'タロウ'],
    ['Taro Yamada', 'Yamada', 'Taro'],
    ['Mary Ann Smith', 'Smith', 'Mary Ann'],
    ['YAMADA Taro', 'YAMADA', 'Taro'],
    ['JOHN SMITH', 'SMITH', 'JOHN'],
    ['Madonna', 'Madonna', null],
    ['佐藤 花子 ジェーン', '佐藤', '花子 ジェーン'],
  ])('%s → %s / %s', (raw, family, given) => expect(splitName(raw)).toEqual({ family, given }));
});

describe('parseWholeNumber', () => {
  it.each([
    ['1200', 1200],
    ['1,200', 1200],
    ['１２００', 1200],
    ['１，２００', 1200],
    ['100名', 100],
    ['100人', 100],
    ['100 名', 100],
    ['1,200名', 1200],
    ['0', 0],
    ['100.0', 100],
    ['250 employees', 250],
  ])('%s → %d', (raw, n) => expect(parseWholeNumber(raw)).toBe(n));

  it.each(['約100', '100名以上', '1.5', '-3', '100〜200', '12,00', '1,2000', 'abc', '', '99999999999999999999'])('%s is not a whole number', (raw) =>
    expect(parseWholeNumber(raw)).toBeNull(),
  );

  it('reads scores, negative ones included (MA tools can give them)', () => {
    expect(parseScore('75')).toBe(75);
    expect(parseScore('１２０')).toBe(120);
    expect(parseScore('-5')).toBe(-5);
    expect(parseScore('−5')).toBe(-5);
    expect(parseScore('7.5')).toBeNull();
    expect(parseScore('高')).toBeNull();
  });
});

describe('parseStage', () => {
  it.each([
    ['リード', 'lead'],
    ['Lead', 'lead'],
    ['見込み客', 'lead'],
    ['subscriber', 'lead'],
    ['Open - Not Contacted', 'lead'],
    ['Working - Contacted', 'lead'],
    ['IN_PROGRESS', 'lead'],
    ['MQL', 'mql'],
    ['ｍｑｌ', 'mql'],
    ['Marketing Qualified Lead', 'mql'],
    ['marketingqualifiedlead', 'mql'],
    ['マーケティング対象リード', 'mql'],
    ['TQL', 'tql'],
    ['SAL', 'sal'],
    ['Sales Accepted Lead', 'sal'],
    ['SQL', 'sql'],
    ['salesqualifiedlead', 'sql'],
    ['Sales Qualified Lead', 'sql'],
    ['商談', 'opportunity'],
    ['Opportunity', 'opportunity'],
    ['OPEN_DEAL', 'opportunity'],
    ['Customer', 'customer'],
    ['顧客', 'customer'],
    ['evangelist', 'customer'],
    ['Nurture', 'nurture'],
    ['ナーチャリング', 'nurture'],
    ['ﾅｰﾁｬﾘﾝｸﾞ', 'nurture'],
    ['BAD_TIMING', 'nurture'],
    ['対象外', 'disqualified'],
    ['Disqualified', 'disqualified'],
    ['Unqualified', 'disqualified'],
    ['Closed - Not Converted', 'disqualified'],
    // Salesforce's default Lead Status values.
    ['Closed - Converted', 'sql'],
    ['closed-converted', 'sql'],
    // HubSpot's lifecycle stages as exported (API names) and as labelled in English and Japanese.
    ['other', 'lead'],
    ['Other', 'lead'],
    ['その他', 'lead'],
    ['Subscriber', 'lead'],
    ['サブスクライバー', 'lead'],
    ['Evangelist', 'customer'],
    ['エバンジェリスト', 'customer'],
    ['opportunity', 'opportunity'],
    ['customer', 'customer'],
    ['マーケティングクオリファイドリード', 'mql'],
    ['セールスクオリファイドリード', 'sql'],
  ])('%s → %s', (raw, stage) => expect(parseStage(raw)).toBe(stage));

  it.each(['Closed', 'Converted', '失注', 'MQLx', 'Working'])('%s is not a stage', (raw) => expect(parseStage(raw)).toBeNull());
});

describe('parseTemperature', () => {
  it.each([
    ['hot', 'hot'],
    ['Hot', 'hot'],
    ['ＨＯＴ', 'hot'],
    ['ホット', 'hot'],
    ['ﾎｯﾄ', 'hot'],
    ['高', 'hot'],
    ['warm', 'warm'],
    ['ウォーム', 'warm'],
    ['中', 'warm'],
    ['Cold', 'cold'],
    ['コールド', 'cold'],
    ['低', 'cold'],
  ])('%s → %s', (raw, temperature) => expect(parseTemperature(raw)).toBe(temperature));

  it.each(['A', 'B', 'C', '熱い', 'lukewarm'])('%s is ambiguous or unknown', (raw) => expect(parseTemperature(raw)).toBeNull());
});

describe('splitTags', () => {
  it('splits on , 、 ; | (full-width too), trims and drops empties and repeats', () => {
    expect(splitTags('展示会, 資料DL、ウェビナー;セミナー|紹介')).toEqual(['展示会', '資料DL', 'ウェビナー', 'セミナー', '紹介']);
    expect(splitTags('A，B；C｜D､E')).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(splitTags(' a ,, a , b ,')).toEqual(['a', 'b']);
    expect(splitTags('展示会 2024')).toEqual(['展示会 2024']);
  });
});

describe('isEmail', () => {
  it.each(['taro@example.co.jp', 'Taro.Yamada+crm@Example.COM', 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ', 'taro..yamada.@docomo.ne.jp', 'info@例え.jp', 'a@xn--eckwd4c7c.xn--zckzah'])(
    '%s is accepted',
    (raw) => expect(isEmail(raw)).toBe(true),
  );

  it.each(['taro', 'taro@', '@example.jp', 'taro@example', 'taro@example.j', 'taro@@example.jp', 'taro yamada@example.jp', 'a@b.jp; c@d.jp', 'taro@-example.jp', 'taro@example..jp', 'mailto:taro@example.jp <x>'])(
    '%s is refused',
    (raw) => expect(isEmail(raw)).toBe(false),
  );
});

describe('checkPhone', () => {
  it.each([
    '03-1234-5678',
    '0312345678',
    '090-1234-5678',
    '09012345678',
    '０３－１２３４－５６７８',
    '03(1234)5678',
    '（03）1234-5678',
    '03 1234 5678',
    '03ー1234ー5678',
    '0120-123-456',
    '+81 3 1234 5678',
    '+81-90-1234-5678',
    '+81 (0)3-1234-5678',
    '0081312345678',
    '81312345678',
    '03-1234-5678 内線123',
    '03-1234-5678（内線12）',
    '03-1234-5678 ext. 45',
    '+1 415 555 2671',
    '+44 20 7946 0958',
    '+65 6123 4567',
  ])('%s is a phone number', (raw) => expect(checkPhone(raw)).toBe('ok'));

  it.each(['9012345678', '312345678', '90-1234-5678'])('%s has lost its leading 0', (raw) => expect(checkPhone(raw)).toBe('leading_zero'));

  it.each(['なし', '03-1234', '03-1234-56789-0', '012345678901', '+1 234', '+1234567890123456', 'TEL:03-1234-5678', '03-1234-5678 / 03-9999-9999', '-'])(
    '%s is refused',
    (raw) => expect(checkPhone(raw)).toBe('invalid'),
  );
});
