import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/api/settings';
import type { ColumnId, LeadSort } from './columns';
import { LeadRow, PlaceholderRow } from './LeadRow';
import { LeadTableHeader } from './LeadTableHeader';
import type { LeadPages } from './use-lead-pages';

export const ROW_HEIGHT = 44;

type Props = {
  pages: LeadPages;
  sort: LeadSort;
  // Changes with the search and filters: a new query starts at the top.
  queryKey: string;
  onSort: (column: ColumnId) => void;
  language: Language;
};

// Only the rows in view (plus overscan) exist in the DOM, so 100,000 leads scroll like 100.
export const LeadList = ({ pages, sort, queryKey, onSort, language }: Props) => {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = pages.total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // A first guess before the element is measured; avoids an empty first frame.
    initialRect: { width: 1200, height: 720 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { ensureRange } = pages;

  useEffect(() => {
    ensureRange(first, last);
  }, [ensureRange, first, last]);

  // A new order or a new query starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [sort.field, sort.direction, queryKey]);

  return (
    <div
      ref={scrollRef}
      className="lead-table"
      role="table"
      aria-label={t('leads.title')}
      aria-rowcount={count + 1}
      tabIndex={0}
    >
      <LeadTableHeader sort={sort} onSort={onSort} />
      <div role="rowgroup" className="lead-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const lead = pages.rowAt(item.index);
          return lead ? (
            <LeadRow key={lead.id} lead={lead} index={item.index} top={item.start} language={language} />
          ) : (
            <PlaceholderRow key={`placeholder-${item.index}`} index={item.index} top={item.start} label={t('leads.loading')} />
          );
        })}
      </div>
    </div>
  );
};
