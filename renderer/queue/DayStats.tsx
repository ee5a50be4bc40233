import { useTranslation } from 'react-i18next';
import type { DayStats as Stats } from '../../shared/api/calls';

// The rep's day at a glance: calls, connects, connect rate, callbacks due, TQLs.
export const DayStats = ({ day }: { day: Stats | null }) => {
  const { t } = useTranslation();
  const rate = day?.connectRate;
  const items: { key: string; label: string; value: string; alert?: boolean }[] = [
    { key: 'calls', label: t('call.day.callsMade'), value: day ? String(day.callsMade) : t('call.day.none') },
    { key: 'connects', label: t('call.day.connects'), value: day ? String(day.connects) : t('call.day.none') },
    {
      key: 'rate',
      label: t('call.day.connectRate'),
      value: rate === null || rate === undefined ? t('call.day.none') : t('call.day.rate', { rate: Math.round(rate * 100) }),
    },
    { key: 'callbacks', label: t('call.day.callbacksDue'), value: day ? String(day.callbacksDue) : t('call.day.none'), alert: (day?.callbacksMissed ?? 0) > 0 },
    { key: 'tqls', label: t('call.day.tqlsToday'), value: day ? String(day.tqlsToday) : t('call.day.none') },
  ];
  return (
    <dl className="day-stats" aria-label={t('call.day.label')}>
      {items.map((item) => (
        <div key={item.key} className={item.alert ? 'day-stat day-stat-alert' : 'day-stat'}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
};
