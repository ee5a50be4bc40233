import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Lead, personName } from '../../shared/domain/lead';
import { invoke } from '../api/client';
import { SEARCH_DEBOUNCE_MS } from './filters';

type Props = {
  // The lead the picked one will be merged with; it is left out of the results.
  lead: Lead;
  onPick: (other: Lead) => void;
  onCancel: () => void;
  onError: (error: unknown) => void;
};

const RESULTS = 8;

// Finds the duplicate to merge with by the same search as the lead list.
export const MergePicker = ({ lead, onPick, onCancel, onError }: Props) => {
  const { t } = useTranslation();
  const [search, setSearch] = useState(lead.companyName);
  const [results, setResults] = useState<Lead[] | null>(null);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      invoke('leads.list', { search, limit: RESULTS + 1, withTotal: false })
        .then((page) => {
          if (live) setResults(page.rows.filter((row) => row.id !== lead.id).slice(0, RESULTS));
        })
        .catch((error: unknown) => {
          if (live) onError(error);
        });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search, lead.id, onError]);

  return (
    <section className="merge-picker" aria-labelledby="merge-picker-title">
      <h2 id="merge-picker-title" className="lead-section-title">
        {t('leadDetail.merge.pickTitle')}
      </h2>
      <input
        className="input merge-picker-search"
        type="search"
        aria-label={t('leadDetail.merge.search')}
        placeholder={t('leadDetail.merge.search')}
        value={search}
        // Opened on purpose: typing can start at once.
        autoFocus
        onChange={(event) => setSearch(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      {results !== null && results.length === 0 && <p className="field-help">{t('leadDetail.merge.noResults')}</p>}
      {results !== null && results.length > 0 && (
        <ul className="merge-picker-results">
          {results.map((row) => (
            <li key={row.id}>
              <button type="button" className="merge-picker-item" onClick={() => onPick(row)}>
                <span className="cell-main">{row.companyName}</span>
                <span className="cell-sub">{[personName(row), row.phone ?? row.mobile, row.email].filter(Boolean).join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button-quiet" onClick={onCancel}>
        {t('leadDetail.cancel')}
      </button>
    </section>
  );
};
