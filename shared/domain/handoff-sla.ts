import { z } from 'zod';
import { addBusinessMinutes, addDays, isCallingDay, jstDay, jstInstant, type CallingHoursRules } from './business-time';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Write the time as HH:MM (24-hour), e.g. 09:00.');

// The time field sales have to accept or reject a handoff, counted in business hours: the team's
// business day in JST, Monday to Friday, without Japanese public holidays. Kept apart from the
// reps' calling hours: a team may call until 20:00 while field sales keep office hours.
export const slaSettingsSchema = z
  .object({
    hours: z.number().int('Write the SLA as whole hours.').min(1, 'The SLA must be at least 1 business hour.').max(720, 'Keep the SLA at 720 business hours at most.'),
    businessHours: z.object({ start: clockTime, end: clockTime }).strict(),
  })
  .strict()
  .refine((s) => s.businessHours.start < s.businessHours.end, { message: 'Business hours must end after they start.', path: ['businessHours', 'end'] });
export type SlaSettings = z.infer<typeof slaSettingsSchema>;

export const DEFAULT_SLA_SETTINGS: SlaSettings = { hours: 24, businessHours: { start: '09:00', end: '18:00' } };

export const slaCalendar = (settings: SlaSettings): CallingHoursRules => ({ callingHours: settings.businessHours, weekdaysOnly: true, skipHolidays: true });

// When a handoff submitted at `submittedAt` must be decided. Weekdays always exist, so the
// business calendar never runs out.
export const slaDueAt = (submittedAt: Date, settings: SlaSettings): Date => {
  const due = addBusinessMinutes(submittedAt, settings.hours * 60, slaCalendar(settings));
  if (!due) throw new Error('The SLA business calendar has no business day ahead.');
  return due;
};

// Business minutes in [from, to): only time inside business hours on business days counts.
export const businessMinutesBetween = (from: Date, to: Date, settings: SlaSettings): number => {
  if (to <= from) return 0;
  const calendar = slaCalendar(settings);
  const last = jstDay(to);
  let total = 0;
  for (let day = jstDay(from); day <= last; day = addDays(day, 1)) {
    if (!isCallingDay(day, calendar)) continue;
    const start = Math.max(from.getTime(), jstInstant(day, settings.businessHours.start).getTime());
    const end = Math.min(to.getTime(), jstInstant(day, settings.businessHours.end).getTime());
    if (end > start) total += end - start;
  }
  return Math.floor(total / 60_000);
};

export type SlaClock = {
  dueAt: string;
  // Business minutes left until the deadline; negative once overdue (business minutes past it).
  // Null once the handoff is decided.
  minutesLeft: number | null;
  overdue: boolean;
  // Whether the decision came in time; null while pending.
  met: boolean | null;
};

export const slaClock = (dueAt: string, decidedAt: string | null, now: Date, settings: SlaSettings): SlaClock => {
  const due = new Date(dueAt);
  if (decidedAt !== null) {
    const met = new Date(decidedAt) <= due;
    return { dueAt, minutesLeft: null, overdue: !met, met };
  }
  if (now < due) return { dueAt, minutesLeft: businessMinutesBetween(now, due, settings), overdue: false, met: null };
  return { dueAt, minutesLeft: -businessMinutesBetween(due, now, settings), overdue: true, met: null };
};
