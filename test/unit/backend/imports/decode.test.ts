import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding, looksBinary } from '../../../../electron/backend/imports/decode';

const JAPANESE = '会社名,備考\r\n㈱髙橋製作所,①優先～ｶﾌﾞｼｷｶﾞｲｼｬ\r\n';
const utf16leWithBom = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

describe('detectEncoding', () => {
  it('tells the encodings Japanese Excel saves apart', () => {
    expect(detectEncoding(iconv.encode(JAPANESE, 'cp932'))).toBe('cp932');
    expect(detectEncoding(Buffer.from(JAPANESE, 'utf8'))).toBe('utf8');
    expect(detectEncoding(Buffer.from('\uFEFF' + JAPANESE, 'utf8'))).toBe('utf8-bom');
    expect(detectEncoding(utf16leWithBom(JAPANESE))).toBe('utf16le');
    expect(detectEncoding(Buffer.from('Company,Email\n', 'ascii'))).toBe('utf8');
  });

  it('takes half-width katakana alone (single CP932 bytes) as CP932', () => {
    expect(detectEncoding(iconv.encode('ｱｲｳ', 'cp932'))).toBe('cp932');
  });
});

describe('decodeText', () => {
  it('decodes CP932-only characters exactly', () => {
    expect(decodeText(iconv.encode(JAPANESE, 'cp932'), 'cp932')).toBe(JAPANESE);
    expect(decodeText(iconv.encode('～－＼∥￢', 'cp932'), 'cp932')).toBe('～－＼∥￢');
  });

  it('drops the BOM of UTF-8 and UTF-16LE', () => {
    expect(decodeText(Buffer.from('\uFEFF' + JAPANESE, 'utf8'), 'utf8-bom')).toBe(JAPANESE);
    expect(decodeText(Buffer.from('\uFEFF' + JAPANESE, 'utf8'), 'utf8')).toBe(JAPANESE);
    expect(decodeText(utf16leWithBom(JAPANESE), 'utf16le')).toBe(JAPANESE);
    expect(decodeText(Buffer.from(JAPANESE, 'utf8'), 'utf8')).toBe(JAPANESE);
  });

  it('decodes CP932 forced as UTF-8 with replacement characters instead of failing', () => {
    const text = decodeText(iconv.encode('A,髙', 'cp932'), 'utf8');
    expect(text.startsWith('A,')).toBe(true);
    expect(text).toContain('\uFFFD');
  });
});

describe('looksBinary', () => {
  it('flags NUL bytes and control characters, but not text or UTF-16 with a BOM', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(looksBinary(png)).toBe(true);
    expect(looksBinary(Buffer.from([0x01, 0x02, 0x03, 0x41, 0x42, 0x05, 0x06]))).toBe(true);
    expect(looksBinary(iconv.encode(JAPANESE, 'cp932'))).toBe(false);
    expect(looksBinary(Buffer.from('a\tb\r\nc\td\f\x1a', 'utf8'))).toBe(false);
    expect(looksBinary(utf16leWithBom('a\tb\r\n'))).toBe(false);
  });
});
