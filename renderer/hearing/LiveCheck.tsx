import { useTranslation } from 'react-i18next';
import type { HearingItem } from '../../shared/domain/bant';
import type { ConditionResult, Evaluation } from '../../shared/domain/qualification';
import { useRuleText } from './use-rule-text';

const ConditionList = ({ label, results }: { label: string; results: ConditionResult[] }) => {
  const words = useRuleText();
  if (results.length === 0) return null;
  return (
    <div className="live-check-list">
      <p className="live-check-label">{label}</p>
      <ul>
        {results.map((result) => (
          <li key={result.path.join('.')}>{words.condition(result.condition)}</li>
        ))}
      </ul>
    </div>
  );
};

// The TQL definition against the answers as typed, this instant: met, or exactly what stands in
// the way; and whether the nurture rule proposes nurture, and which required items are open.
export const LiveCheck = ({ check, nurture, missingRequired, version }: { check: Evaluation; nurture: Evaluation; missingRequired: HearingItem[]; version: number }) => {
  const { t } = useTranslation();
  return (
    <section className={check.met ? 'live-check live-check-met' : 'live-check'} aria-labelledby="live-check-title">
      <h3 id="live-check-title" className="call-card-title">{t('hearing.check.title', { version })}</h3>
      <p className="live-check-verdict" role="status" aria-live="polite">
        {check.met ? t('hearing.check.met') : t('hearing.check.notMet')}
      </p>
      <ConditionList label={t('hearing.check.failed')} results={check.failed} />
      <ConditionList label={t('hearing.check.missing')} results={check.missing} />
      {nurture.met && <ConditionList label={t('hearing.check.nurtureProposed')} results={nurture.conditions.filter((c) => c.verdict === 'met')} />}
      {missingRequired.length > 0 && (
        <p className="field-help">
          {t('hearing.check.requiredOpen', { items: missingRequired.map((item) => t(`qualification.item.${item}`)).join(t('qualification.rule.listJoin')) })}
        </p>
      )}
    </section>
  );
};
