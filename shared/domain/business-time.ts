import type { CallingRules } from './calling';
import { isJapaneseHoliday } from './jp-holidays';

// Business time in Japan: JST is UTC+9 all year (no daylight saving), so calendar arithmetic is
// done on instants shifted by nine hours and read with the UTC getters.
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
// Enough to cross any run of holidays and weekends; a rule set with no calling day at all stops here.
const MAX_DAYS_AHEAD = 400;

export type CallingHoursRules = Pick<CallingRules, 'callingHours' | 'weekdaysOnly' | 'skipHolidays'>;
export type CallWindow = { start: string; end: string };

const shifted = (at: Date): Date => new Date(at.getTime() + JST_OFFSET_MS);

// The JST calendar day of an instant, YYYY-MM-DD.
export const jstDay = (at: Date): string => shifted(at).toISOString().slice(0, 10);

// Minutes since JST midnight.
export const jstMinuteOfDay = (at: Date): number => {
  const s = shifted(at);
  return s.getUTCHours() * 60 + s.getUTCMinutes();
};

// 0 = Sunday ... 6 = Saturday, for a YYYY-MM-DD day.
export const weekdayOf = (day: string): number => new Date(`${day}T00:00:00Z`).getUTCDay();

export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

// The instant of HH:MM on a JST calendar day. Arithmetic, not Date.parse: the queue calls this
// for every lead it considers.
export const jstInstant = (day: string, clock: string): Date =>
  new Date(
    Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), Number(clock.slice(0, 2)), Number(clock.slice(3, 5))) -
      JST_OFFSET_MS,
  );

// The instant the JST calendar day of `at` began.
export const startOfJstDay = (at: Date): Date => jstInstant(jstDay(at), '00:00');

export const isCallingDay = (day: string, rules: CallingHoursRules): boolean => {
  const weekday = weekdayOf(day);
  if (rules.weekdaysOnly && (weekday === 0 || weekday === 6)) return false;
  return !(rules.skipHolidays && isJapaneseHoliday(day));
};

// The hours a lead may be called on a calling day: the lead's own hours when known (they told us
// when they can be reached), otherwise the team's calling hours.
const hoursFor = (rules: CallingHoursRules, window: CallWindow | null): CallWindow => window ?? rules.callingHours;

export const isCallingTime = (at: Date, rules: CallingHoursRules, window: CallWindow | null = null): boolean => {
  const day = jstDay(at);
  if (!isCallingDay(day, rules)) return false;
  const hours = hoursFor(rules, window);
  return at >= jstInstant(day, hours.start) && at < jstInstant(day, hours.end);
};

// `at` itself when it is calling time, else the start of the next calling window; null when the
// rules leave no calling day in the next year.
export const nextCallingTime = (at: Date, rules: CallingHoursRules, window: CallWindow | null = null): Date | null => {
  const hours = hoursFor(rules, window);
  let day = jstDay(at);
  for (let i = 0; i < MAX_DAYS_AHEAD; i += 1, day = addDays(day, 1)) {
    if (!isCallingDay(day, rules)) continue;
    const start = jstInstant(day, hours.start);
    const end = jstInstant(day, hours.end);
    if (end <= start) continue;
    if (at < start) return start;
    if (at < end) return at;
  }
  return null;
};

// The first calling day strictly after `day`.
export const nextCallingDay = (day: string, rules: CallingHoursRules): string | null => {
  let next = addDays(day, 1);
  for (let i = 0; i < MAX_DAYS_AHEAD; i += 1, next = addDays(next, 1)) {
    if (isCallingDay(next, rules)) return next;
  }
  return null;
};

// `minutes` of calling time after `at`: time outside calling hours, on weekends and on holidays
// does not count (an SLA of "8 business hours" given on Friday 17:00 ends on Monday 16:00).
export const addBusinessMinutes = (at: Date, minutes: number, rules: CallingHoursRules): Date | null => {
  let cursor = nextCallingTime(at, rules);
  let remaining = minutes * MINUTE_MS;
  while (cursor) {
    const end = jstInstant(jstDay(cursor), rules.callingHours.end);
    const available = end.getTime() - cursor.getTime();
    if (remaining <= available) return new Date(cursor.getTime() + remaining);
    remaining -= available;
    cursor = nextCallingTime(end, rules);
  }
  return null;
};
