import type { Language } from '../../shared/api/settings';

const LOCALES: Record<Language, string> = { ja: 'ja-JP', en: 'en-US' };

// Intl formatters are costly to build and the list formats thousands of cells: keep one per language.
const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>();
const dateFormats = new Map<Language, Intl.DateTimeFormat>();

const cached = (cache: Map<Language, Intl.DateTimeFormat>, language: Language, options: Intl.DateTimeFormatOptions) => {
  let format = cache.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], options);
    cache.set(language, format);
  }
  return format;
};

const parse = (iso: string | null): Date | null => {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};

export const formatDateTime = (iso: string | null, language: Language): string => {
  const date = parse(iso);
  return date
    ? cached(dateTimeFormats, language, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(date)
    : '—';
};

export const formatDate = (iso: string | null, language: Language): string => {
  const date = parse(iso);
  return date ? cached(dateFormats, language, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(date) : '—';
};

export const formatNumber = (value: number, language: Language): string => value.toLocaleString(LOCALES[language]);
