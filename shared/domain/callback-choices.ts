import { addDays, isCallingDay, jstDay, jstInstant, jstMinuteOfDay, nextCallingDay, nextCallingTime, weekdayOf, type CallingHoursRules } from './business-time';

// The quick choices offered when a lead asks to be called back; labels come from the catalog.
export const CALLBACK_CHOICES = ['in_1_hour', 'this_afternoon', 'tomorrow_morning', 'next_week'] as const;
export type CallbackChoice = (typeof CALLBACK_CHOICES)[number];

const HOUR_MS = 60 * 60 * 1000;
const HALF_HOUR_MS = HOUR_MS / 2;
const AFTERNOON = '13:00';

const toMinutes = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const ceilToHalfHour = (at: Date): Date => new Date(Math.ceil(at.getTime() / HALF_HOUR_MS) * HALF_HOUR_MS);

// The instant a quick choice means at `now`, always inside calling hours on a calling day; null
// when the choice makes no sense now (this afternoon, when the afternoon's calling hours are over).
export const callbackChoiceAt = (choice: CallbackChoice, now: Date, rules: CallingHoursRules): Date | null => {
  const today = jstDay(now);
  switch (choice) {
    case 'in_1_hour':
      return nextCallingTime(new Date(now.getTime() + HOUR_MS), rules);
    case 'this_afternoon': {
      if (!isCallingDay(today, rules)) return null;
      const afternoon = jstInstant(today, AFTERNOON);
      const soonest = ceilToHalfHour(new Date(now.getTime() + HOUR_MS));
      const at = soonest > afternoon ? soonest : afternoon;
      const fitsToday = jstDay(at) === today && jstMinuteOfDay(at) < toMinutes(rules.callingHours.end);
      return fitsToday ? at : null;
    }
    case 'tomorrow_morning': {
      const day = nextCallingDay(today, rules);
      return day === null ? null : jstInstant(day, rules.callingHours.start);
    }
    case 'next_week': {
      // Monday of next week, or the first calling day after it.
      const monday = addDays(today, 7 - ((weekdayOf(today) + 6) % 7));
      const day = isCallingDay(monday, rules) ? monday : nextCallingDay(monday, rules);
      return day === null ? null : jstInstant(day, rules.callingHours.start);
    }
  }
};

// Every choice that makes sense now, with its instant (ISO, UTC).
export const callbackChoices = (now: Date, rules: CallingHoursRules): { choice: CallbackChoice; at: string }[] =>
  CALLBACK_CHOICES.flatMap((choice) => {
    const at = callbackChoiceAt(choice, now, rules);
    return at ? [{ choice, at: at.toISOString() }] : [];
  });
