import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state/app-context';
import { type ColumnId, DEFAULT_SORT, type LeadSort, nextSort } from './columns';
import { LeadList } from './LeadList';
import { useLeadPages } from './use-lead-pages';

export const LeadsView = () => {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const version = useApp((s) => s.leadsVersion);
  const showError = useApp((s) => s.showError);
  const [sort, setSort] = useState<LeadSort>(DEFAULT_SORT);
  // Both only ever grow, so their sum is a valid, increasing reload version.
  const [attempt, setAttempt] = useState(0);
  const pages = useLeadPages(sort, version + attempt, showError);
  const onSort = useCallback((column: ColumnId) => setSort((current) => nextSort(current, column)), []);

  return (
    <section className="view view-fill" aria-labelledby="view-title">
      <header className="view-header">
        <h1 id="view-title" className="view-title">{t('leads.title')}</h1>
        {pages.total !== null && (
          <span className="view-count" data-testid="lead-count">
            {t('leads.count', { count: pages.total })}
          </span>
        )}
      </header>
      {pages.total === null ? (
        pages.failed ? (
          <div className="empty-state">
            <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
              {t('common.retry')}
            </button>
          </div>
        ) : (
          <p className="view-loading">{t('leads.loading')}</p>
        )
      ) : pages.total === 0 ? (
        <div className="empty-state">
          <p className="empty-title">{t('leads.empty')}</p>
          <p className="empty-hint">{t('leads.emptyHint')}</p>
        </div>
      ) : (
        <LeadList pages={pages} sort={sort} onSort={onSort} language={language} />
      )}
    </section>
  );
};
