import type { Language } from '../../shared/api/settings';
import { jstDay } from '../../shared/domain/business-time';

const LOCALES: Record<Language, string> = { ja: 'ja-JP', en: 'en-US' };
const formats = new Map<string, Intl.DateTimeFormat>();

const format = (language: Language, withDay: boolean): Intl.DateTimeFormat => {
  const key = `${language}:${withDay}`;
  let f = formats.get(key);
  if (!f) {
    // Calling hours and callbacks are Japanese business time, whatever the machine's zone.
    f = new Intl.DateTimeFormat(LOCALES[language], {
      timeZone: 'Asia/Tokyo',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(withDay ? { month: 'numeric', day: 'numeric', weekday: 'short' } : {}),
    });
    formats.set(key, f);
  }
  return f;
};

// A time the rep reads at a glance: "14:05" today, "11/25(水) 09:00" on another day (JST).
export const formatJst = (iso: string | null, language: Language, now: Date = new Date()): string => {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '—';
  return format(language, jstDay(at) !== jstDay(now)).format(at);
};

// The value of a <input type="datetime-local"> for an instant, in JST.
export const toJstLocalInput = (iso: string): string => new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 16);

// The instant a <input type="datetime-local"> value means in JST; null when incomplete.
export const fromJstLocalInput = (value: string): string | null => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const at = Date.parse(`${value}:00+09:00`);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
};
