import { useTranslation } from 'react-i18next';
import { COLUMN_IDS, type ColumnId, type LeadSort, SORTABLE } from './columns';

type Props = { sort: LeadSort; onSort: (column: ColumnId) => void };

export const LeadTableHeader = ({ sort, onSort }: Props) => {
  const { t } = useTranslation();
  return (
    <div role="rowgroup" className="lead-head">
      <div role="row" aria-rowindex={1} className="lead-row lead-head-row">
        {COLUMN_IDS.map((column) => {
          const label = t(`leads.column.${column}`);
          const sortable = SORTABLE[column];
          if (!sortable) {
            return (
              <div key={column} role="columnheader" className="lead-cell lead-head-cell">
                {label}
              </div>
            );
          }
          const active = sortable.field === sort.field;
          const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
          return (
            <div key={column} role="columnheader" aria-sort={ariaSort} className="lead-cell lead-head-cell">
              <button
                type="button"
                className={active ? 'sort-button sort-active' : 'sort-button'}
                title={t('leads.sort.by', { column: label })}
                onClick={() => onSort(column)}
              >
                {label}
                <span className="sort-mark" aria-hidden="true">
                  {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                </span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
};
