import type { Stage, Temperature } from './stages';

// Value parsers for import. Pure and allocation-light: they run once per cell on files of 100,000 rows.

const NON_ASCII = /[^\x20-\x7e]/u;

// NFKC only when needed: most cells are plain ASCII and normalize() is comparatively slow.
export const nfkc = (value: string): string => (NON_ASCII.test(value) ? value.normalize('NFKC') : value);

// Half-width katakana (via NFKC) and hiragana to full-width katakana, so kana sorts and matches as one.
const HIRAGANA = /[\u3041-\u3096\u309d\u309e]/u;

export const toKatakana = (value: string): string => {
  const folded = nfkc(value);
  if (!HIRAGANA.test(folded)) return folded;
  let out = '';
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    // ぁ..ゖ and the iteration marks ゝゞ sit exactly 0x60 below their katakana.
    out += (code >= 0x3041 && code <= 0x3096) || code === 0x309d || code === 0x309e ? String.fromCharCode(code + 0x60) : folded[i];
  }
  return out;
};

const LATIN_NAME = /^[\p{Script=Latin}\s.'’-]+$/u;
const UPPER_WORD = /^[\p{Lu}'’-]+$/u;

// 山田 太郎 / 山田　太郎 → family 山田, given 太郎; no space → all in the family name.
// Latin names are written given-first (Taro Yamada) unless the family name is in capitals (YAMADA Taro).
export const splitName = (value: string): { family: string; given: string | null } => {
  if (!/\s/u.test(value)) return { family: value, given: null };
  const parts = value.split(/\s+/u).filter((p) => p !== '');
  if (parts.length < 2) return { family: parts[0] ?? value, given: null };
  const first = parts[0] as string;
  // Latin letters all sit below U+0250; checking the first one skips the regex for Japanese names.
  const latin = first.charCodeAt(0) < 0x250 && LATIN_NAME.test(value);
  if (latin && !(UPPER_WORD.test(first) && !parts.slice(1).every((p) => UPPER_WORD.test(p)))) {
    return { family: parts[parts.length - 1] as string, given: parts.slice(0, -1).join(' ') };
  }
  return { family: first, given: parts.slice(1).join(' ') };
};

const GROUPED = /^\d{1,3}(,\d{3})+$/u;
const PLAIN = /^\d+$/u;
const COUNT_UNIT = /\s*(名|人|社|people|persons|employees)$/iu;

const safeInteger = (digits: string): number | null => {
  const n = Number(digits.includes(',') ? digits.replaceAll(',', '') : digits);
  return Number.isSafeInteger(n) ? n : null;
};

// '1,200', '１２００', '100名', '100人' → number; '約100', '1.5', '-3', '100〜200' → null.
export const parseWholeNumber = (value: string): number | null => {
  if (PLAIN.test(value) || GROUPED.test(value)) return safeInteger(value);
  const text = nfkc(value).trim().replace(COUNT_UNIT, '').replace(/\.0+$/u, '');
  return PLAIN.test(text) || GROUPED.test(text) ? safeInteger(text) : null;
};

// Scores come from MA tools (HubSpot scores can be negative or above 100), so any whole number is kept.
export const parseScore = (value: string): number | null => {
  const text = nfkc(value).trim().replace(/^[−–]/u, '-');
  if (text.startsWith('-')) {
    const n = parseWholeNumber(text.slice(1));
    return n === null ? null : -n;
  }
  return parseWholeNumber(text);
};

// Words compared after NFKC, lower-casing, katakana folding and removing spaces and punctuation.
export const wordKey = (value: string): string =>
  toKatakana(value)
    .toLowerCase()
    .replace(/[\s\p{P}]/gu, '');

// Includes Salesforce's default Lead Status values and HubSpot's lifecycle stages (API names and
// Japanese labels). HubSpot's Other and Subscriber are contacts nobody has qualified yet: lead.
// Salesforce's Closed - Converted means sales qualified the lead and turned it into an account and
// contact; the opportunity is optional at conversion, so sql, not opportunity, is what is known.
const STAGE_WORDS: Record<Stage, string[]> = {
  lead: [
    'lead',
    'リード',
    '見込み客',
    '見込客',
    'subscriber',
    'サブスクライバー',
    'other',
    'その他',
    'new',
    '新規',
    'open',
    'Open - Not Contacted',
    'Working - Contacted',
    'in progress',
    'attempted to contact',
    'connected',
  ],
  mql: ['mql', 'Marketing Qualified Lead', 'marketingqualifiedlead', 'マーケティング対象リード', 'マーケティングクオリファイドリード'],
  tql: ['tql', 'Tele Qualified Lead', 'テレクオリファイドリード'],
  sal: ['sal', 'Sales Accepted Lead', 'セールス受入リード', 'セールス受け入れリード', 'セールスアクセプテッドリード'],
  sql: ['sql', 'Sales Qualified Lead', 'salesqualifiedlead', 'セールス対象リード', 'セールスクオリファイドリード', 'Closed - Converted'],
  opportunity: ['opportunity', '商談', '商談化', '案件', 'open deal'],
  customer: ['customer', '顧客', '既存顧客', '受注', '成約', 'evangelist', 'エバンジェリスト'],
  nurture: ['nurture', 'nurturing', 'ナーチャリング', '育成', '育成中', 'bad timing'],
  disqualified: ['disqualified', 'unqualified', '対象外', 'Closed - Not Converted'],
};

const TEMPERATURE_WORDS: Record<Temperature, string[]> = {
  hot: ['hot', 'ホット', '高'],
  warm: ['warm', 'ウォーム', '中'],
  cold: ['cold', 'コールド', '低'],
};

const invert = <T extends string>(words: Record<T, string[]>): Map<string, T> => {
  const map = new Map<string, T>();
  for (const [target, list] of Object.entries(words) as [T, string[]][]) for (const word of list) map.set(wordKey(word), target);
  return map;
};

const STAGE_BY_WORD = invert(STAGE_WORDS);
const TEMPERATURE_BY_WORD = invert(TEMPERATURE_WORDS);

export const ACCEPTED_STAGES = 'Lead, MQL, TQL, SAL, SQL, Opportunity, Customer, Nurture, Disqualified (or リード, 商談, 顧客, ナーチャリング, 対象外)';
export const ACCEPTED_TEMPERATURES = 'hot, warm, cold (or ホット, ウォーム, コールド, 高, 中, 低)';

// A column holds few distinct words, so results are cached per written form (bounded, in case it does not).
const cached = <T>(words: Map<string, T>): ((value: string) => T | null) => {
  const seen = new Map<string, T | null>();
  return (value) => {
    let hit = seen.get(value);
    if (hit === undefined) {
      hit = words.get(wordKey(value)) ?? null;
      if (seen.size < 10_000) seen.set(value, hit);
    }
    return hit;
  };
};

export const parseStage: (value: string) => Stage | null = cached(STAGE_BY_WORD);
export const parseTemperature: (value: string) => Temperature | null = cached(TEMPERATURE_BY_WORD);

const TAG_SEPARATORS = /[,、;|，；｜､]/u;

export const splitTags = (value: string): string[] => {
  const tags: string[] = [];
  for (const part of value.split(TAG_SEPARATORS)) {
    const tag = part.trim();
    if (tag !== '' && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
};

// local@domain.tld. The local part is lenient on purpose: old Japanese carrier addresses
// (taro..yamada.@docomo.ne.jp) break the RFC but are real and reachable.
const EMAIL = /^[^\s@"<>()[\],;:]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(?:\p{L}{2,}|xn--[a-z\d-]+)$/u;

export const isEmail = (value: string): boolean => EMAIL.test(nfkc(value));

// An extension (03-1234-5678 内線123, ext. 12) is kept as written but not counted as digits.
const EXTENSION = /\s*[(（]?\s*(内線|ext\.?|x)\s*\d+\s*[)）]?\s*$/iu;

export type PhoneCheck = 'ok' | 'invalid' | 'leading_zero';

// Japan: 10 or 11 digits with the trunk 0 (+81 and 0081 forms included). Abroad: + and 8-15 digits.
const PLAIN_JAPANESE = /^0\d{1,4}-?\d{1,4}-?\d{3,4}$/u;

export const checkPhone = (value: string): PhoneCheck => {
  // Fast path for the usual 03-1234-5678 / 09012345678.
  if (PLAIN_JAPANESE.test(value)) {
    const digits = value.length - (value.split('-').length - 1);
    if (digits === 10 || digits === 11) return 'ok';
  }
  const text = nfkc(value).trim().replace(EXTENSION, '');
  if (/[^\d\s()+.\-‐‑‒–—―−ー]/u.test(text)) return 'invalid';
  const digits = text.replace(/\D/gu, '');
  if (text.startsWith('+') && !digits.startsWith('81')) return digits.length >= 8 && digits.length <= 15 ? 'ok' : 'invalid';
  let national = digits;
  // +81 (0)3-1234-5678 writes the trunk 0 in brackets; keep one 0 either way.
  if (text.startsWith('+81')) national = `0${digits.slice(2).replace(/^0/u, '')}`;
  else if (digits.startsWith('0081')) national = `0${digits.slice(4)}`;
  // 81 3 1234 5678: the + lost on the way (Excel), as normalizePhone reads it.
  else if (digits.startsWith('81') && (digits.length === 11 || digits.length === 12)) national = `0${digits.slice(2)}`;
  // A leading 0 dropped by Excel: 9012345678, 312345678.
  if (!national.startsWith('0')) return national.length === 9 || national.length === 10 ? 'leading_zero' : 'invalid';
  return national.length === 10 || national.length === 11 ? 'ok' : 'invalid';
};
