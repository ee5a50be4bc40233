import { useTranslation } from 'react-i18next';
import { type ImportCounts, ON_DUPLICATE, type OnDuplicate } from '../../shared/api/imports';

type Props = { counts: ImportCounts; onDuplicate: OnDuplicate; disabled: boolean; onChange: (policy: OnDuplicate) => void };

const COUNT_KEYS = ['totalRows', 'toCreate', 'toUpdate', 'mergedInFile', 'skipped', 'rejected', 'duplicatesInStore', 'duplicatesInFile'] as const;

// The duplicate policy and what the import would do under it.
export const PlanSection = ({ counts, onDuplicate, disabled, onChange }: Props) => {
  const { t } = useTranslation();
  return (
    <section className="import-section" aria-labelledby="import-plan-title">
      <fieldset className="import-fieldset" disabled={disabled}>
        <legend id="import-plan-title" className="import-section-title">{t('imports.duplicates.title')}</legend>
        {ON_DUPLICATE.map((policy) => (
          <label key={policy} className="import-radio">
            <input type="radio" name="import-on-duplicate" value={policy} checked={onDuplicate === policy} onChange={() => onChange(policy)} />
            {t(`imports.duplicates.${policy}`)}
          </label>
        ))}
      </fieldset>
      <h3 className="import-section-title">{t('imports.counts.title')}</h3>
      <dl className="import-counts" data-testid="import-counts">
        {COUNT_KEYS.map((key) => (
          <div key={key} className="import-count">
            <dt>{t(`imports.counts.${key}`)}</dt>
            <dd data-testid={`import-count-${key}`}>{counts[key]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
};
