import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const clock = (ms: number): string => {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  return `${String(minutes).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

// Runs from the moment the call started until the outcome is logged (the view then moves on).
export const CallTimer = ({ startedAt }: { startedAt: number | null }) => {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (startedAt === null) return;
    setNow(Date.now());
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, [startedAt]);
  return (
    <div className="call-timer" role="timer" aria-label={t('call.timer.label')}>
      <span className="call-timer-state">{startedAt === null ? t('call.timer.idle') : t('call.timer.started')}</span>
      <span className="call-timer-clock">{startedAt === null ? '00:00' : clock(now - startedAt)}</span>
    </div>
  );
};
