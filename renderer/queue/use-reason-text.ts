import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueHold, QueueReason } from '../../shared/domain/calling';
import { useApp } from '../state/app-context';
import { formatJst } from './jst-time';

// Turns the queue's reason and hold data into the rep's language, with JST times.
export const useReasonText = () => {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const time = useCallback((iso: string | null) => (iso ? formatJst(iso, language) : t('call.why.never')), [language, t]);

  const reasonText = useCallback(
    (reason: QueueReason): string => {
      switch (reason.bucket) {
        case 'callback_due':
          return t(reason.missed ? 'call.why.callbackMissed' : 'call.why.callbackDue', { time: time(reason.dueAt), minutes: reason.overdueMinutes });
        case 'hot_new': {
          // Past two days, hours stop meaning much to a rep: say days.
          const elapsed =
            reason.hoursSinceArrival < 48
              ? t('call.why.hours', { hours: reason.hoursSinceArrival })
              : t('call.why.days', { days: Math.floor(reason.hoursSinceArrival / 24) });
          return t(reason.overTarget ? 'call.why.hotNewOver' : 'call.why.hotNew', { elapsed, target: reason.targetHours });
        }
        case 'cadence_due':
          return t('call.why.cadence', { attempts: reason.attempts, last: time(reason.lastCalledAt) });
        case 'rest':
          return t('call.why.rest', { attempts: reason.attempts, last: time(reason.lastCalledAt) });
      }
    },
    [t, time],
  );

  const holdText = useCallback(
    (hold: QueueHold): string => {
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
    },
    [t, time],
  );

  return { reasonText, holdText };
};

// Whether the reason deserves the alarm colour: a missed callback or a hot lead past its target.
export const isUrgent = (reason: QueueReason): boolean =>
  (reason.bucket === 'callback_due' && reason.missed) || (reason.bucket === 'hot_new' && reason.overTarget);
