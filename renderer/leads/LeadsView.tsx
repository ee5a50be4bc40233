import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../shared/api/imports';
import type { LeadMergeResult } from '../../shared/api/lead-edits';
import type { Language } from '../../shared/api/settings';
import type { Lead } from '../../shared/domain/lead';
import { invoke } from '../api/client';
import { ImportReport } from '../imports/ImportReport';
import { ImportView } from '../imports/ImportView';
import { useApp } from '../state/app-context';
import { LeadCreateView } from './LeadCreateView';
import { LeadDetail } from './LeadDetail';
import { type ColumnId, DEFAULT_SORT, type LeadSort, nextSort } from './columns';
import { EMPTY_FILTERS, filterKey, isFiltered, type LeadFilters, SEARCH_DEBOUNCE_MS } from './filters';
import { LeadList } from './LeadList';
import { LeadSelectionBar } from './LeadSelectionBar';
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
  const { screen, open, setScreen, merged } = screens;
  // Leads picked in the list (Ctrl/⌘+click or Space), in the order picked: two of them can be merged.
  const [selected, setSelected] = useState<ReadonlyMap<string, Lead>>(new Map());
  const [fetchingMerge, setFetchingMerge] = useState(false);
  const selectedIds = useMemo(() => new Set(selected.keys()), [selected]);
  const onToggle = useCallback(
    (lead: Lead) =>
      setSelected((current) => {
        const next = new Map(current);
        if (!next.delete(lead.id)) next.set(lead.id, lead);
        return next;
      }),
    [],
  );
  // The rows may be older than the store: the merge starts from both leads as they are now.
  const mergeSelected = useCallback(() => {
    setFetchingMerge(true);
    Promise.all([...selected.keys()].map((id) => invoke('leads.get', { id })))
      .then(([first, second]) => {
        if (first && second) setScreen({ kind: 'merge', first, second, from: 'list' });
      })
      .catch(showError)
      .finally(() => setFetchingMerge(false));
  }, [selected, setScreen, showError]);
  const onMerged = useCallback(
    (result: LeadMergeResult) => {
      setSelected(new Map());
      merged(result);
    },
    [merged],
  );

  if (importing) return <ImportView onClose={() => setImporting(false)} onCommitted={onCommitted} />;
  if (screen.kind !== 'list') return <LeadScreenView screen={screen} screens={screens} onMerged={onMerged} language={language} />;

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
      {selected.size > 0 && (
        <LeadSelectionBar selected={[...selected.values()]} canMerge={!fetchingMerge} onMerge={mergeSelected} onClear={() => setSelected(new Map())} />
      )}
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
        <LeadList
          pages={pages}
          sort={sort}
          queryKey={filterKey(filters)}
          onSort={onSort}
          onOpen={open}
          selected={selectedIds}
          onToggle={onToggle}
          language={language}
        />
      )}
    </section>
  );
};

type ScreenProps = {
  screen: Exclude<LeadScreen, { kind: 'list' }>;
  screens: LeadScreens;
  onMerged: (result: LeadMergeResult) => void;
  language: Language;
};

const LeadScreenView = ({ screen, screens, onMerged, language }: ScreenProps) => {
  switch (screen.kind) {
    case 'create':
      return <LeadCreateView onCreated={(lead) => screens.open(lead.id)} onCancel={screens.back} />;
    case 'merge':
      return (
        <MergeView
          first={screen.first}
          second={screen.second}
          language={language}
          onMerged={onMerged}
          onCancel={() => (screen.from === 'list' ? screens.back() : screens.open(screen.first.id))}
        />
      );
    case 'detail':
      return (
        <LeadDetail
          key={screen.id}
          id={screen.id}
          notice={screen.notice}
          onBack={screens.back}
          onMerge={(first, second) => screens.setScreen({ kind: 'merge', first, second, from: 'detail' })}
          onUndoMerge={screens.undoMerge}
        />
      );
  }
};
