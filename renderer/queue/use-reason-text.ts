import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueHold, QueueReason } from '../../shared/domain/calling';
import { queueHoldText, queueReasonText } from '../../shared/i18n/queue-text';
import { useApp } from '../state/app-context';
import { formatJst } from './jst-time';

// The queue's reason and hold data in the rep's language, with JST times.
export const useReasonText = () => {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const time = useCallback((iso: string) => formatJst(iso, language), [language]);
  const reasonText = useCallback((reason: QueueReason) => queueReasonText(reason, t, time), [t, time]);
  const holdText = useCallback((hold: QueueHold) => queueHoldText(hold, t, time), [t, time]);
  return { reasonText, holdText };
};

// Whether the reason deserves the alarm colour: a missed callback or a hot lead past its target.
export const isUrgent = (reason: QueueReason): boolean =>
  (reason.bucket === 'callback_due' && reason.missed) || (reason.bucket === 'hot_new' && reason.overTarget);
