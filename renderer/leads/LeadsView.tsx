import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../shared/api/imports';
import type { Language } from '../../shared/api/settings';
import { ImportReport } from '../imports/ImportReport';
import { ImportView } from '../imports/ImportView';
import { useApp } from '../state/app-context';
import { LeadCreateView } from './LeadCreateView';
import { LeadDetail } from './LeadDetail';
import { type ColumnId, DEFAULT_SORT, type LeadSort, nextSort } from './columns';
import { EMPTY_FILTERS, filterKey, isFiltered, type LeadFilters, SEARCH_DEBOUNCE_MS } from './filters';
import { LeadList } from './LeadList';
import { LeadToolbar } from './LeadToolbar';
import { MergeView } from './MergeView';
import { type LeadScreen, type LeadScreens, useLeadScreens } from './use-lead-screens';
import { useLeadFacets } from './use-lead-facets';
import { useLeadPages } from './use-lead-pages';

type LastImport = { result: ImportResult; sourcePath: string };

export const LeadsView = () => {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const version = useApp((s) => s.leadsVersion);
  const showError = useApp((s) => s.showError);
  const storeTotal = useApp((s) => s.storeInfo?.leadCount ?? null);
  const [sort, setSort] = useState<LeadSort>(DEFAULT_SORT);
  const [filters, setFilters] = useState<LeadFilters>(EMPTY_FILTERS);
  // What the search box shows; the query follows it after a pause in typing (at once when emptied).
  const [searchText, setSearchText] = useState('');
  useEffect(() => {
    if (searchText === filters.search) return;
    if (searchText === '') {
      setFilters((f) => ({ ...f, search: '' }));
      return;
    }
    const timer = setTimeout(() => setFilters((f) => ({ ...f, search: searchText })), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [searchText, filters.search]);
  const facets = useLeadFacets(version);
  const filtered = isFiltered(filters);
  // Both only ever grow, so their sum is a valid, increasing reload version.
  const [attempt, setAttempt] = useState(0);
  const [importing, setImporting] = useState(false);
  // The report stays above the list, so the imported leads and the undo are seen together.
  const [lastImport, setLastImport] = useState<LastImport | null>(null);
  const pages = useLeadPages(sort, filters, version + attempt, showError);
  const onSort = useCallback((column: ColumnId) => setSort((current) => nextSort(current, column)), []);
  const onCommitted = useCallback((result: ImportResult, sourcePath: string) => {
    setLastImport({ result, sourcePath });
    setImporting(false);
  }, []);
  // Detail, create and merge replace the list; its search, filters and sort stay as they were.
  const screens = useLeadScreens(showError);
  const { screen, open } = screens;

  if (importing) return <ImportView onClose={() => setImporting(false)} onCommitted={onCommitted} />;
  if (screen.kind !== 'list') return <LeadScreenView screen={screen} screens={screens} language={language} />;

  return (
    <section className="view view-fill" aria-labelledby="view-title">
      <header className="view-header">
        <h1 id="view-title" className="view-title">{t('leads.title')}</h1>
        {pages.total !== null && (
          <span className="view-count" data-testid="lead-count" aria-live="polite" aria-busy={pages.pending}>
            {filtered && storeTotal !== null
              ? t('leads.countFiltered', { count: pages.total, total: storeTotal })
              : t('leads.count', { count: pages.total })}
          </span>
        )}
        <div className="view-header-action lead-header-actions">
          <button type="button" className="button" onClick={() => setImporting(true)}>
            {t('imports.open')}
          </button>
          <button type="button" className="button button-primary" onClick={() => screens.setScreen({ kind: 'create' })}>
            {t('leadDetail.newLead')}
          </button>
        </div>
      </header>
      {lastImport && (
        <ImportReport key={lastImport.result.id} result={lastImport.result} sourcePath={lastImport.sourcePath} onDismiss={() => setLastImport(null)} />
      )}
      <LeadToolbar
        searchText={searchText}
        onSearchText={setSearchText}
        filters={filters}
        onFilters={setFilters}
        facets={facets}
        language={language}
      />
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
      ) : pages.total === 0 && filtered ? (
        <div className="empty-state">
          <p className="empty-title">{t('leads.noMatches')}</p>
          <p className="empty-hint">{t('leads.noMatchesHint')}</p>
        </div>
      ) : pages.total === 0 ? (
        <div className="empty-state">
          <p className="empty-title">{t('leads.empty')}</p>
          <p className="empty-hint">{t('leads.emptyHint')}</p>
        </div>
      ) : (
        <LeadList pages={pages} sort={sort} queryKey={filterKey(filters)} onSort={onSort} onOpen={open} language={language} />
      )}
    </section>
  );
};

type ScreenProps = { screen: Exclude<LeadScreen, { kind: 'list' }>; screens: LeadScreens; language: Language };

const LeadScreenView = ({ screen, screens, language }: ScreenProps) => {
  switch (screen.kind) {
    case 'create':
      return <LeadCreateView onCreated={(lead) => screens.open(lead.id)} onCancel={screens.back} />;
    case 'merge':
      return <MergeView first={screen.first} second={screen.second} language={language} onMerged={screens.merged} onCancel={() => screens.open(screen.first.id)} />;
    case 'detail':
      return (
        <LeadDetail
          key={screen.id}
          id={screen.id}
          notice={screen.notice}
          onBack={screens.back}
          onMerge={(first, second) => screens.setScreen({ kind: 'merge', first, second })}
          onUndoMerge={screens.undoMerge}
        />
      );
  }
};
