import { useTranslation } from 'react-i18next';
import { UpcomingView } from '../app/UpcomingView';

// No per-stage count method exists in the contract yet, so this stays a placeholder.
export const ReportsView = () => {
  const { t } = useTranslation();
  return <UpcomingView title={t('nav.reports')} message={t('upcoming.reports')} />;
};
