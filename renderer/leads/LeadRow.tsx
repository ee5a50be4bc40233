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

type RowProps = RowPosition & { lead: Lead; language: Language; onOpen: (id: string) => void };

// A click or Enter opens the lead's detail.
export const LeadRow = memo(({ lead, index, top, language, onOpen }: RowProps) => {
  const { t } = useTranslation();
  const phone = lead.phone ?? lead.mobile;
  return (
    <div
      role="row"
      data-testid="lead-row"
      aria-rowindex={index + 2}
      tabIndex={-1}
      className={index % 2 === 0 ? 'lead-row lead-row-open' : 'lead-row lead-row-alt lead-row-open'}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onOpen(lead.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          onOpen(lead.id);
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
