import { useTranslation } from 'react-i18next';
import type { CallOutcome } from '../../shared/domain/calling';
import { useApp } from '../state/app-context';
import { outcomeLabel } from './outcome-label';

// The configured outcomes, switched-on ones only, each on its number key (1-9).
export const OutcomePicker = ({ outcomes, value, onChange }: { outcomes: CallOutcome[]; value: string | null; onChange: (code: string) => void }) => {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  return (
    <fieldset className="call-card outcomes">
      <legend className="call-card-title">{t('call.outcome.title')}</legend>
      <div className="outcome-grid" role="radiogroup" aria-label={t('call.outcome.label')}>
        {outcomes.map((outcome, i) => (
          <label key={outcome.code} className={value === outcome.code ? 'outcome outcome-chosen' : 'outcome'} title={t(`call.outcome.effect.${outcome.effect}`)}>
            <input type="radio" name="call-outcome" value={outcome.code} checked={value === outcome.code} onChange={() => onChange(outcome.code)} />
            <kbd className="kbd">{i + 1}</kbd>
            <span>{outcomeLabel(outcome, language, t)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
};
