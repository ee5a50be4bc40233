import type { TFunction } from 'i18next';
import type { QueueHold, QueueReason } from '../domain/calling';

// How a host writes an instant (the app: "14:05" or "11/25(水) 09:00"; the CLI: "2026-11-24 10:00").
export type TimeText = (iso: string) => string;

const HOURS_AS_DAYS_FROM = 48;

// An elapsed time in the unit a rep thinks in: minutes within the hour, hours within two days, then days.
const elapsedText = (exactMinutes: number, t: TFunction): string => {
  const minutes = Math.floor(exactMinutes);
  if (minutes < 60) return t('call.why.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  return hours < HOURS_AS_DAYS_FROM ? t('call.why.hours', { hours }) : t('call.why.days', { days: Math.floor(hours / 24) });
};

// Why a lead is where it is in the queue, in the catalog's words; shared by the app and the CLI.
export const queueReasonText = (reason: QueueReason, t: TFunction, time: TimeText): string => {
  const at = (iso: string | null): string => (iso === null ? t('call.why.never') : time(iso));
  switch (reason.bucket) {
    case 'callback_due':
      return t(reason.missed ? 'call.why.callbackMissed' : 'call.why.callbackDue', { time: at(reason.dueAt), elapsed: elapsedText(reason.overdueMinutes, t) });
    case 'hot_new':
      return t(reason.overTarget ? 'call.why.hotNewOver' : 'call.why.hotNew', {
        elapsed: elapsedText(reason.hoursSinceArrival * 60, t),
        target: reason.targetHours,
      });
    case 'cadence_due':
      return t('call.why.cadence', { attempts: reason.attempts, last: at(reason.lastCalledAt) });
    case 'rest':
      return t('call.why.rest', { attempts: reason.attempts, last: at(reason.lastCalledAt) });
  }
};

// Why one of the rep's leads is held back now.
export const queueHoldText = (hold: QueueHold, t: TFunction, time: TimeText): string => {
  switch (hold.kind) {
    case 'callback_later':
      return t('call.why.held.callback_later', { time: time(hold.dueAt) });
    case 'daily_cap':
      return t('call.why.held.daily_cap', { max: hold.max, next: time(hold.nextAt) });
    case 'attempt_gap':
      return t('call.why.held.attempt_gap', { last: time(hold.lastCalledAt), next: time(hold.nextAt) });
    case 'outside_hours':
      return t('call.why.held.outside_hours', { next: time(hold.nextAt) });
    case 'nurture_proposed':
      return t('call.why.held.nurture_proposed', { attempts: hold.attempts, max: hold.max });
    case 'in_call':
      return t('call.why.held.in_call');
  }
};
