import { useTranslation } from 'react-i18next';
import { CallbackAlerts } from '../queue/CallbackAlerts';
import { useApp } from '../state/app-context';
import { ErrorBanner } from './ErrorBanner';
import { NavBar } from './NavBar';
import { StatusBar } from './StatusBar';
import { ViewErrorBoundary } from './ViewErrorBoundary';
import { ViewOutlet } from './ViewOutlet';

export const Shell = () => {
  const { t } = useTranslation();
  const ready = useApp((s) => s.ready);
  const view = useApp((s) => s.view);
  return (
    <div className="shell">
      <NavBar />
      <main className="shell-main" aria-busy={!ready}>
        <ErrorBanner />
        <CallbackAlerts />
        {/* A fresh boundary per view: moving away from a crashed view recovers it. */}
        <ViewErrorBoundary key={view}>
          {ready ? <ViewOutlet view={view} /> : <p className="shell-loading">{t('app.loading')}</p>}
        </ViewErrorBoundary>
      </main>
      <StatusBar />
    </div>
  );
};
