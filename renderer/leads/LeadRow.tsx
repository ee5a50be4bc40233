import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/api/settings';
import { type Lead, personKana, personName } from '../../shared/domain/lead';
import { formatDate, formatDateTime, formatNumber } from './format';

type RowPosition = { index: number; top: number };

const Cell = ({ main, sub, className }: { main: string | null; sub?: string | null; className?: string }) => (
  <div role="cell" className={className ? `lead-cell ${className}` : 'lead-cell'}>
    <span className="cell-main" title={main ?? undefined}>{main || '—'}</span>
    {sub ? <span className="cell-sub">{sub}</span> : null}
  </div>
);

type RowProps = RowPosition & {
  lead: Lead;
  selected: boolean;
  language: Language;
  onOpen: (id: string) => void;
  onToggle: (lead: Lead) => void;
};

const rowClass = (index: number, selected: boolean): string =>
  ['lead-row', index % 2 === 0 ? null : 'lead-row-alt', 'lead-row-open', selected ? 'lead-row-selected' : null].filter(Boolean).join(' ');

// A click or Enter opens the lead's detail; Ctrl/⌘+click or Space selects it (to merge two).
export const LeadRow = memo(({ lead, index, top, selected, language, onOpen, onToggle }: RowProps) => {
  const { t } = useTranslation();
  const phone = lead.phone ?? lead.mobile;
  return (
    <div
      role="row"
      data-testid="lead-row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={-1}
      className={rowClass(index, selected)}
      style={{ transform: `translateY(${top}px)` }}
      onClick={(event) => (event.ctrlKey || event.metaKey ? onToggle(lead) : onOpen(lead.id))}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          onOpen(lead.id);
        } else if (event.key === ' ') {
          event.preventDefault();
          onToggle(lead);
        }
      }}
    >
      <Cell main={lead.companyName} sub={lead.companyKana} className="cell-strong" />
      <Cell main={personName(lead)} sub={personKana(lead)} />
      <Cell main={lead.department} sub={lead.title} />
      <Cell main={phone} className="cell-mono" />
      <Cell main={lead.email} />
      <div role="cell" className="lead-cell">
        <span className={`badge stage stage-${lead.stage}`}>{t(`stage.${lead.stage}`)}</span>
      </div>
      <div role="cell" className="lead-cell">
        <span className={`temp temp-${lead.temperature ?? 'none'}`}>{t(`temperature.${lead.temperature ?? 'none'}`)}</span>
      </div>
      <Cell main={lead.source} />
      <Cell main={lead.owner} />
      <Cell main={lead.score === null ? null : formatNumber(lead.score, language)} className="cell-num" />
      <Cell main={formatNumber(lead.callCount, language)} className="cell-num" />
      <Cell main={formatDateTime(lead.updatedAt, language)} className="cell-mono" />
      <Cell main={formatDate(lead.createdAt, language)} className="cell-mono" />
    </div>
  );
});
LeadRow.displayName = 'LeadRow';

// A row whose window has not arrived yet: same height, no content, announced as loading.
export const PlaceholderRow = ({ index, top, label }: RowPosition & { label: string }) => (
  <div
    role="row"
    data-testid="lead-row-placeholder"
    aria-rowindex={index + 2}
    aria-busy="true"
    className="lead-row lead-row-placeholder"
    style={{ transform: `translateY(${top}px)` }}
  >
    <div role="cell" className="lead-cell lead-cell-span">
      <span className="skeleton" />
      <span className="visually-hidden">{label}</span>
    </div>
  </div>
);
