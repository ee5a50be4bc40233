import { useTranslation } from 'react-i18next';
import { UpcomingView } from '../app/UpcomingView';
import { useApp } from '../state/app-context';

export const QueueView = () => {
  const { t } = useTranslation();
  const setView = useApp((s) => s.setView);
  return (
    <UpcomingView title={t('nav.queue')} message={t('upcoming.queue')}>
      <button type="button" className="button" onClick={() => setView('leads')}>
        {t('upcoming.openLeads')}
      </button>
    </UpcomingView>
  );
};
