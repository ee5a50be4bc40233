import { describe, expect, it } from 'vitest';
import { normalizeCompany, normalizeEmail, normalizePerson, normalizePhone, normalizeText } from '../../../shared/domain/normalize';

describe('normalisation for matching', () => {
  it('folds full-width digits and letters and collapses spaces', () => {
    expect(normalizeText('  ０３　ＡＢＣ  ｶﾀｶﾅ ')).toBe('03 ABC カタカナ');
  });

  it.each(['03-1234-5678', '0312345678', '+81 3 1234 5678', '０３（１２３４）５６７８', '03(1234)5678', '+81-3-1234-5678', '0081312345678'])(
    'maps %s to the same phone key',
    (raw) => expect(normalizePhone(raw)).toBe('0312345678'),
  );

  it('keeps mobile numbers and refuses strings that are not phone numbers', () => {
    expect(normalizePhone('090-1234-5678')).toBe('09012345678');
    expect(normalizePhone('+81 90 1234 5678')).toBe('09012345678');
    expect(normalizePhone('なし')).toBeNull();
    expect(normalizePhone('12')).toBeNull();
  });

  it('lower-cases e-mail addresses and folds full-width ones', () => {
    expect(normalizeEmail(' Taro.Yamada@Example.CO.JP ')).toBe('taro.yamada@example.co.jp');
    expect(normalizeEmail('ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ')).toBe('taro@example.jp');
    expect(normalizeEmail('  ')).toBeNull();
  });

  it.each(['株式会社サンプル', 'サンプル株式会社', '(株)サンプル', 'サンプル（株）', '㈱サンプル', 'サンプル ㈱', ' サンプル　株式会社 '])(
    'compares %s without its legal form',
    (raw) => expect(normalizeCompany(raw)).toBe('サンプル'),
  );

  it('strips Latin legal forms too', () => {
    expect(normalizeCompany('Sample Co., Ltd.')).toBe('sample');
    expect(normalizeCompany('SAMPLE Inc.')).toBe('sample');
    expect(normalizeCompany('株式会社')).toBeNull();
  });

  it('joins person names without spaces', () => {
    expect(normalizePerson('山田', '太郎')).toBe('山田太郎');
    expect(normalizePerson('山田 太郎', null)).toBe('山田太郎');
    expect(normalizePerson(null, undefined)).toBeNull();
  });
});
