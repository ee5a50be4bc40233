import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// An honest placeholder for a feature that ships in a later release.
export const UpcomingView = ({ title, message, children }: { title: string; message: string; children?: ReactNode }) => {
  const { t } = useTranslation();
  return (
    <section className="view" aria-labelledby="view-title">
      <header className="view-header">
        <h1 id="view-title" className="view-title">{title}</h1>
      </header>
      <div className="empty-state">
        <span className="badge badge-upcoming">{t('upcoming.badge')}</span>
        <p className="empty-title">{message}</p>
        {children}
      </div>
    </section>
  );
};
