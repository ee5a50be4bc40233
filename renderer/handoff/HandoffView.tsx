import { useTranslation } from 'react-i18next';
import { UpcomingView } from '../app/UpcomingView';

export const HandoffView = () => {
  const { t } = useTranslation();
  return <UpcomingView title={t('nav.handoff')} message={t('upcoming.handoff')} />;
};
