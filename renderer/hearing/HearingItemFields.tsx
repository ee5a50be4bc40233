import type { KeyboardEvent } from 'react';
import { type FieldErrors, type UseFormRegister, type UseFormSetValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CHOICE_FIELD, CONFIDENCES, ITEM_CHOICES, type HearingItem } from '../../shared/domain/bant';
import { scriptText, type ScriptItem } from '../../shared/domain/hearing-script';
import { digitOf, isTextEntry } from '../queue/keys';
import { useApp } from '../state/app-context';
import { EXTRA_FIELDS, type ExtraField, fieldErrorKey, type HearingFormValues } from './hearing-form';

type Props = {
  script: ScriptItem;
  missing: boolean;
  register: UseFormRegister<HearingFormValues>;
  setValue: UseFormSetValue<HearingFormValues>;
  errors: FieldErrors<HearingFormValues>;
  readOnly: boolean;
};

const INPUT_TYPES = { text: 'text', yen: 'text', month: 'number', date: 'date', datetime: 'datetime-local' } as const;

// One hearing item: its choice (number keys pick while focus is in the item but not in a text
// field), confidence, the customer's own words and the item's own fields, with the talk track beside.
export const HearingItemFields = ({ script, missing, register, setValue, errors, readOnly }: Props) => {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const item: HearingItem = script.item;
  const choiceField = CHOICE_FIELD[item];
  const choices = ITEM_CHOICES[item];
  const id = (field: string) => `hearing-${item}-${field}`;
  const itemErrors = (errors[item] ?? {}) as Record<string, { message?: string; type?: string } | undefined>;

  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (readOnly || event.altKey || event.ctrlKey || event.metaKey || isTextEntry(event.target)) return;
    const digit = digitOf(event);
    const choice = digit === null ? undefined : choices[digit - 1];
    if (!choice) return;
    event.preventDefault();
    setValue(`${item}.${choiceField}`, choice, { shouldDirty: true });
    document.getElementById(id(`${choiceField}-${choice}`))?.focus();
  };

  const errorOf = (field: string) => {
    const error = itemErrors[field];
    return error ? t(fieldErrorKey(item, field, error.type ?? '')) : null;
  };

  const extra = ({ name, kind }: ExtraField) => {
    const error = errorOf(name);
    const label = t(`hearing.field.${item}.${name}`);
    const common = {
      id: id(name),
      className: 'input',
      readOnly,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? id(`${name}-error`) : undefined,
      ...register(`${item}.${name}`),
    };
    return (
      <div key={name} className={`field hearing-field hearing-field-${kind}`}>
        <label htmlFor={id(name)} className="field-label">{label}</label>
        {kind === 'textarea' ? (
          <textarea rows={2} {...common} />
        ) : (
          <input type={INPUT_TYPES[kind]} inputMode={kind === 'yen' ? 'numeric' : undefined} placeholder={kind === 'yen' ? t('hearing.form.yenPlaceholder') : undefined} {...(kind === 'month' ? { min: 1, max: 12 } : {})} {...common} />
        )}
        {error && <p id={id(`${name}-error`)} className="field-error" role="alert">{error}</p>}
      </div>
    );
  };

  return (
    <fieldset className={missing ? 'hearing-item hearing-item-missing' : 'hearing-item'} data-item={item} onKeyDown={onKeyDown} aria-describedby={id('track')}>
      <legend className="hearing-item-title">
        {t(`qualification.item.${item}`)}
        {script.required && <span className="chip hearing-required">{t('hearing.form.required')}</span>}
      </legend>
      <div className="hearing-item-body">
        <div className="hearing-item-fields">
          <div className="hearing-choices" role="radiogroup" aria-label={t('hearing.form.choiceLabel', { item: t(`qualification.item.${item}`) })}>
            {choices.map((choice, i) => (
              <label key={choice} className="hearing-choice">
                <input id={id(`${choiceField}-${choice}`)} type="radio" value={choice} disabled={readOnly} {...register(`${item}.${choiceField}`)} />
                <kbd className="kbd">{i + 1}</kbd>
                <span>{t(`qualification.choice.${item}.${choice}`)}</span>
              </label>
            ))}
          </div>
          <div className="hearing-confidence" role="radiogroup" aria-label={t('hearing.form.confidence')}>
            {CONFIDENCES.map((confidence) => (
              <label key={confidence} className="hearing-choice hearing-choice-small">
                <input type="radio" value={confidence} disabled={readOnly} {...register(`${item}.confidence`)} />
                <span>{t(`qualification.confidence.${confidence}`)}</span>
              </label>
            ))}
          </div>
          <div className="hearing-extras">{EXTRA_FIELDS[item].map(extra)}</div>
          <div className="field">
            <label htmlFor={id('verbatim')} className="field-label">{t('hearing.form.verbatim')}</label>
            <textarea id={id('verbatim')} className="input" rows={2} readOnly={readOnly} {...register(`${item}.verbatim`)} />
            {errorOf('verbatim') && <p className="field-error" role="alert">{errorOf('verbatim')}</p>}
          </div>
        </div>
        <aside id={id('track')} className="hearing-track" aria-label={t('hearing.form.talkTrack')}>
          <ul className="hearing-questions">
            {script.questions.map((question, i) => (
              <li key={i}>{scriptText(question, language)}</li>
            ))}
          </ul>
          {script.help && <p className="field-help">{scriptText(script.help, language)}</p>}
        </aside>
      </div>
    </fieldset>
  );
};
