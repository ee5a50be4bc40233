import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/api/settings';
import type { Lead } from '../../shared/domain/lead';
import type { ColumnId, LeadSort } from './columns';
import { LeadRow, PlaceholderRow } from './LeadRow';
import { LeadTableHeader } from './LeadTableHeader';
import type { LeadPages } from './use-lead-pages';
import './lead-list.css';

export const ROW_HEIGHT = 44;

type Props = {
  pages: LeadPages;
  sort: LeadSort;
  // Changes with the search and filters: a new query starts at the top.
  queryKey: string;
  onSort: (column: ColumnId) => void;
  onOpen: (id: string) => void;
  // Ids of the selected leads, and how a row joins or leaves the selection.
  selected: ReadonlySet<string>;
  onToggle: (lead: Lead) => void;
  language: Language;
};

// Arrow keys move the focus between rendered rows (the virtualiser brings the next ones into view); Enter opens one.
const moveFocus = (table: HTMLElement, step: 1 | -1): void => {
  const rows = [...table.querySelectorAll<HTMLElement>('[data-testid="lead-row"]')].sort(
    (a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')),
  );
  const current = rows.findIndex((row) => row === document.activeElement);
  const next = rows[current === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, current + step))];
  next?.focus();
  next?.scrollIntoView?.({ block: 'nearest' });
};

// Only the rows in view (plus overscan) exist in the DOM, so 100,000 leads scroll like 100.
export const LeadList = ({ pages, sort, queryKey, onSort, onOpen, selected, onToggle, language }: Props) => {
  const { t } = useTranslation();
  const howTo = useId();
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
    <>
      {/* Outside the table: a table holds only rows. */}
      <span id={howTo} className="visually-hidden">
        {t('leads.selection.howTo')}
      </span>
      <div
        ref={scrollRef}
        className="lead-table"
        role="table"
        aria-label={t('leads.title')}
        aria-rowcount={count + 1}
        aria-describedby={howTo}
        tabIndex={0}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
          event.preventDefault();
          if (scrollRef.current) moveFocus(scrollRef.current, event.key === 'ArrowDown' ? 1 : -1);
        }}
      >
        <LeadTableHeader sort={sort} onSort={onSort} />
        <div role="rowgroup" className="lead-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const lead = pages.rowAt(item.index);
            return lead ? (
              <LeadRow
                key={lead.id}
                lead={lead}
                index={item.index}
                top={item.start}
                selected={selected.has(lead.id)}
                language={language}
                onOpen={onOpen}
                onToggle={onToggle}
              />
            ) : (
              <PlaceholderRow key={`placeholder-${item.index}`} index={item.index} top={item.start} label={t('leads.loading')} />
            );
          })}
        </div>
      </div>
    </>
  );
};
