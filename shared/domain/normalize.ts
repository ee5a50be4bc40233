// Normalised copies of lead fields, used for matching and search. The originals are always kept.

// NFKC turns full-width digits and Latin letters into ASCII (０３ → 03, ＡＢＣ → ABC) and
// half-width katakana into full-width; then trim and collapse inner whitespace.
export const normalizeText = (value: string): string => value.normalize('NFKC').replace(/\s+/gu, ' ').trim();

export const normalizeEmail = (value: string): string | null => {
  const email = normalizeText(value).toLowerCase();
  return email === '' ? null : email;
};

// Japanese numbers to one canonical form: digits only, with the trunk 0 (+81 3 1234 5678 → 0312345678).
export const normalizePhone = (value: string): string | null => {
  let digits = normalizeText(value).replace(/^\+/u, '00').replace(/\D/gu, '');
  if (digits.startsWith('0081')) digits = `0${digits.slice(4)}`;
  else if (digits.startsWith('81') && digits.length >= 11 && !value.trim().startsWith('0')) digits = `0${digits.slice(2)}`;
  return digits.length >= 6 ? digits : null;
};

const LEGAL_FORMS = [
  '株式会社',
  '有限会社',
  '合同会社',
  '合名会社',
  '合資会社',
  '一般社団法人',
  '一般財団法人',
  '公益社団法人',
  '公益財団法人',
  '特定非営利活動法人',
  '(株)',
  '(有)',
  '(同)',
  '㈱',
  '㈲',
];
const LATIN_FORMS = /[,.\s]*\b(co\.?,?\s*ltd\.?|company\s+limited|inc\.?|corp(oration)?\.?|k\.?k\.?|llc|ltd\.?)\s*$/iu;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
// One pass over the name for all legal forms (NFKC-folded, as the name will be).
const LEGAL_FORM_PATTERN = new RegExp(LEGAL_FORMS.map((f) => escapeRegExp(f.normalize('NFKC'))).join('|'), 'gu');

// Company names compared without their legal form, wherever it stands: 株式会社ABC = ABC(株) = ABC Co., Ltd.
export const normalizeCompany = (value: string): string | null => {
  const name = normalizeText(value).replace(LEGAL_FORM_PATTERN, ' ').replace(LATIN_FORMS, '');
  const key = name.replace(/[\s・,.、。]/gu, '').toLowerCase();
  return key === '' ? null : key;
};

export const normalizePerson = (...parts: (string | null | undefined)[]): string | null => {
  const key = parts
    .filter((p): p is string => Boolean(p))
    .map((p) => normalizeText(p).replace(/\s/gu, ''))
    .join('')
    .toLowerCase();
  return key === '' ? null : key;
};
