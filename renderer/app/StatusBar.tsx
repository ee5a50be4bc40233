import { useTranslation } from 'react-i18next';
import { useApp } from '../state/app-context';

export const StatusBar = () => {
  const { t } = useTranslation();
  const info = useApp((s) => s.storeInfo);
  return (
    <footer className="status-bar">
      {info ? (
        <>
          {info.demo && <span className="badge badge-demo">{t('status.demo')}</span>}
          <span className="status-item status-path" title={info.path}>
            <span className="status-label">{t('status.store')}</span> {info.path}
          </span>
          <span className="status-item" data-testid="status-lead-count">
            {t('status.leads', { count: info.leadCount })}
          </span>
          <span className={info.pendingOps > 0 ? 'status-item status-pending' : 'status-item'}>
            {t('status.pending', { count: info.pendingOps })}
          </span>
        </>
      ) : (
        <span className="status-item">—</span>
      )}
    </footer>
  );
};
