import { addDays, jstDay, jstInstant, isCallingTime, nextCallingTime, type CallWindow } from './business-time';
import type { CallingRules, QueueHold, QueueLead } from './calling';

const MINUTE_MS = 60 * 1000;

type CadenceLead = Pick<QueueLead, 'callCount' | 'attemptsToday' | 'lastCalledAt' | 'callWindow'>;
type CadenceRules = Pick<CallingRules, 'maxAttemptsPerDay' | 'minGapMinutes' | 'maxAttemptsBeforeNurture' | 'callingHours' | 'weekdaysOnly' | 'skipHolidays'>;

// When a lead held back by cadence can be called again: the first calling time at or after `from`
// within the lead's hours (far future when the rules allow no calling day at all).
const callableFrom = (from: Date, rules: CadenceRules, lead: CadenceLead): string =>
  (nextCallingTime(from, rules, lead.callWindow) ?? from).toISOString();

// Whether the cadence rules allow calling this lead now; null means it may be offered, otherwise
// the first rule that holds it back. Checked in this order: too many attempts in all (propose
// nurture), today's cap, the gap since the last attempt, then calling hours.
// `callingNow` answers whether `now` is calling time within a lead's hours; the queue passes a
// memo so the calendar is worked out once per distinct window, not once per lead.
export const cadenceHold = (
  lead: CadenceLead,
  rules: CadenceRules,
  now: Date,
  callingNow: (window: CallWindow | null) => boolean = (window) => isCallingTime(now, rules, window),
): QueueHold | null => {
  if (lead.callCount >= rules.maxAttemptsBeforeNurture) {
    return { kind: 'nurture_proposed', attempts: lead.callCount, max: rules.maxAttemptsBeforeNurture };
  }
  if (lead.attemptsToday >= rules.maxAttemptsPerDay) {
    const tomorrow = jstInstant(addDays(jstDay(now), 1), '00:00');
    return { kind: 'daily_cap', attemptsToday: lead.attemptsToday, max: rules.maxAttemptsPerDay, nextAt: callableFrom(tomorrow, rules, lead) };
  }
  if (lead.lastCalledAt !== null) {
    const gapEnds = new Date(Date.parse(lead.lastCalledAt) + rules.minGapMinutes * MINUTE_MS);
    if (gapEnds > now) return { kind: 'attempt_gap', lastCalledAt: lead.lastCalledAt, nextAt: callableFrom(gapEnds, rules, lead) };
  }
  if (!callingNow(lead.callWindow)) return { kind: 'outside_hours', nextAt: callableFrom(now, rules, lead) };
  return null;
};
