import { useTranslation } from 'react-i18next';
import type { Lead } from '../../shared/domain/lead';

type Props = {
  selected: Lead[];
  // False while the two leads are fetched fresh, so a double click opens one merge.
  canMerge: boolean;
  onMerge: () => void;
  onClear: () => void;
};

// What is selected in the list, and the merge it allows. Selected leads stay listed here even when
// a filter hides them, so two duplicates can be found by two different searches.
export const LeadSelectionBar = ({ selected, canMerge, onMerge, onClear }: Props) => {
  const { t } = useTranslation();
  const hint = selected.length === 1 ? t('leads.selection.pickAnother') : selected.length > 2 ? t('leads.selection.tooMany') : null;
  return (
    <div className="lead-selection" role="region" aria-label={t('leads.selection.count', { count: selected.length })}>
      <span className="lead-selection-count" aria-live="polite">
        {t('leads.selection.count', { count: selected.length })}
      </span>
      <ul className="lead-selection-names">
        {selected.map((lead) => (
          <li key={lead.id}>{lead.companyName}</li>
        ))}
      </ul>
      {hint && <span className="field-help">{hint}</span>}
      <div className="lead-selection-actions">
        <button type="button" className="button button-primary" disabled={selected.length !== 2 || !canMerge} onClick={onMerge}>
          {t('leads.selection.merge')}
        </button>
        <button type="button" className="button button-quiet" onClick={onClear}>
          {t('leads.selection.clear')}
        </button>
      </div>
    </div>
  );
};
