import { useTranslation } from 'react-i18next';
import { HEARING_ITEMS, ITEM_CHOICES, type HearingItem } from '../../shared/domain/bant';
import { type Condition, type ConditionGroup, type ConditionOp, isGroup, JOINS, type Join, type Rule, ruleSchema, type RuleTerm } from '../../shared/domain/qualification';
import { useRuleText } from '../hearing/use-rule-text';

const COMMON_OPS = ['is', 'is_not', 'is_one_of', 'is_known'] as const;
const opsFor = (item: HearingItem): ConditionOp[] => [
  ...COMMON_OPS,
  ...(item === 'timeline' ? (['within_months'] as const) : []),
  ...(item === 'budget' ? (['amount_at_least'] as const) : []),
];
const knownChoices = (item: HearingItem): string[] => ITEM_CHOICES[item].filter((c) => c !== 'unknown');

// A condition made whole again after its item or operator changed, with a sensible first value.
// The rule language's schema checks the result when the definitions are saved.
export const conditionFor = (item: HearingItem, op: ConditionOp): Condition => {
  const ops = opsFor(item);
  const chosen = ops.includes(op) ? op : 'is_known';
  const first = knownChoices(item)[0];
  switch (chosen) {
    case 'is':
    case 'is_not':
      return { item, op: chosen, value: first } as Condition;
    case 'is_one_of':
      return { item, op: chosen, values: [first] } as Condition;
    case 'within_months':
      return { item: 'timeline', op: chosen, months: 6 };
    case 'amount_at_least':
      return { item: 'budget', op: chosen, yen: 1_000_000 };
    default:
      return { item, op: 'is_known' };
  }
};

const NEW_CONDITION: Condition = { item: 'need', op: 'is_known' };

type ConditionProps = { condition: Condition; label: string; onChange: (next: Condition) => void; onRemove: () => void };

const ConditionRow = ({ condition, label, onChange, onRemove }: ConditionProps) => {
  const { t } = useTranslation();
  const item = condition.item;
  const values = condition.op === 'is_one_of' ? (condition.values as string[]) : [];
  const toggle = (value: string) =>
    onChange({ ...condition, values: values.includes(value) ? values.filter((v) => v !== value) : [...values, value] } as Condition);
  return (
    <div className="rule-condition" role="group" aria-label={label}>
      <select className="input" aria-label={t('hearing.editor.item')} value={item} onChange={(e) => onChange(conditionFor(e.target.value as HearingItem, condition.op))}>
        {HEARING_ITEMS.map((i) => (
          <option key={i} value={i}>{t(`qualification.subject.${i}`)}</option>
        ))}
      </select>
      <select className="input" aria-label={t('hearing.editor.op')} value={condition.op} onChange={(e) => onChange(conditionFor(item, e.target.value as ConditionOp))}>
        {opsFor(item).map((op) => (
          <option key={op} value={op}>{t(`hearing.editor.ops.${op}`)}</option>
        ))}
      </select>
      {(condition.op === 'is' || condition.op === 'is_not') && (
        <select className="input" aria-label={t('hearing.editor.value')} value={condition.value} onChange={(e) => onChange({ ...condition, value: e.target.value } as Condition)}>
          {knownChoices(item).map((c) => (
            <option key={c} value={c}>{t(`qualification.choice.${item}.${c}`)}</option>
          ))}
        </select>
      )}
      {condition.op === 'is_one_of' && (
        <span className="rule-values" role="group" aria-label={t('hearing.editor.value')}>
          {knownChoices(item).map((c) => (
            <label key={c} className="rules-check">
              <input type="checkbox" checked={values.includes(c)} onChange={() => toggle(c)} />
              {t(`qualification.choice.${item}.${c}`)}
            </label>
          ))}
        </span>
      )}
      {condition.op === 'within_months' && (
        <input type="number" className="input rule-number" aria-label={t('hearing.editor.months')} min={1} max={60} value={Number.isFinite(condition.months) ? condition.months : ''} onChange={(e) => onChange({ ...condition, months: e.target.valueAsNumber })} />
      )}
      {condition.op === 'amount_at_least' && (
        <input type="number" className="input rule-number" aria-label={t('hearing.editor.yen')} min={1} value={Number.isFinite(condition.yen) ? condition.yen : ''} onChange={(e) => onChange({ ...condition, yen: e.target.valueAsNumber })} />
      )}
      <button type="button" className="button button-quiet" onClick={onRemove}>{t('hearing.editor.remove')}</button>
    </div>
  );
};

const JoinSelect = ({ value, label, onChange }: { value: Join; label: string; onChange: (join: Join) => void }) => {
  const { t } = useTranslation();
  return (
    <select className="input rule-join" aria-label={label} value={value} onChange={(e) => onChange(e.target.value as Join)}>
      {JOINS.map((j) => (
        <option key={j} value={j}>{t(`hearing.editor.join.${j}`)}</option>
      ))}
    </select>
  );
};

const replaceAt = <T,>(list: T[], index: number, next: T): T[] => list.map((x, i) => (i === index ? next : x));
const removeAt = <T,>(list: T[], index: number): T[] => list.filter((_, i) => i !== index);

// One rule as structured conditions: AND/OR over conditions and groups (a group joins conditions),
// with the rule in plain words beneath as it will read on the Definitions page.
export const RuleEditor = ({ title, rule, onChange }: { title: string; rule: Rule; onChange: (rule: Rule) => void }) => {
  const { t } = useTranslation();
  const words = useRuleText();
  const setTerms = (terms: RuleTerm[]) => onChange({ ...rule, terms });
  const parsed = ruleSchema.safeParse(rule);
  const group = (term: ConditionGroup, i: number) => (
    <div key={i} className="rule-group" role="group" aria-label={t('hearing.editor.groupLabel', { n: i + 1 })}>
      <JoinSelect value={term.join} label={t('hearing.editor.groupJoin', { n: i + 1 })} onChange={(join) => setTerms(replaceAt(rule.terms, i, { ...term, join }))} />
      {term.terms.map((c, j) => (
        <ConditionRow
          key={j}
          condition={c}
          label={t('hearing.editor.conditionLabel', { n: `${i + 1}.${j + 1}` })}
          onChange={(next) => setTerms(replaceAt(rule.terms, i, { ...term, terms: replaceAt(term.terms, j, next) }))}
          onRemove={() => setTerms(term.terms.length > 1 ? replaceAt(rule.terms, i, { ...term, terms: removeAt(term.terms, j) }) : removeAt(rule.terms, i))}
        />
      ))}
      <button type="button" className="button button-quiet" onClick={() => setTerms(replaceAt(rule.terms, i, { ...term, terms: [...term.terms, NEW_CONDITION] }))}>
        {t('hearing.editor.addCondition')}
      </button>
    </div>
  );
  return (
    <fieldset className="rules-fieldset rule-editor">
      <legend>{title}</legend>
      <JoinSelect value={rule.join} label={t('hearing.editor.ruleJoin', { rule: title })} onChange={(join) => onChange({ ...rule, join })} />
      {rule.terms.map((term, i) =>
        isGroup(term) ? (
          group(term, i)
        ) : (
          <ConditionRow key={i} condition={term} label={t('hearing.editor.conditionLabel', { n: i + 1 })} onChange={(next) => setTerms(replaceAt(rule.terms, i, next))} onRemove={() => setTerms(removeAt(rule.terms, i))} />
        ),
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => setTerms([...rule.terms, NEW_CONDITION])}>{t('hearing.editor.addCondition')}</button>
        <button type="button" className="button" onClick={() => setTerms([...rule.terms, { join: 'or', terms: [NEW_CONDITION] }])}>{t('hearing.editor.addGroup')}</button>
      </div>
      <p className="rule-preview" aria-live="polite">
        <span className="field-label">{t('hearing.editor.preview')}</span>{' '}
        {parsed.success ? words.rule(parsed.data) : t('hearing.editor.incomplete')}
      </p>
    </fieldset>
  );
};
