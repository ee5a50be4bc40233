import { useState } from 'react';
import { type Control, type FieldErrors, type UseFormRegister, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { OUTCOME_EFFECTS, type OutcomeEffect } from '../../shared/domain/calling';
import type { RulesFormValues } from './rules-form';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

// Rename (ja/en), reorder, switch off, or add an outcome with an effect. Saved outcomes keep their
// code and effect: logged calls refer to them, so their consequences must not change afterwards.
export const OutcomesEditor = ({
  control,
  register,
  errors,
  savedCodes,
  rootError,
}: {
  control: Control<RulesFormValues, unknown, unknown>;
  register: UseFormRegister<RulesFormValues>;
  errors: FieldErrors<RulesFormValues>;
  savedCodes: ReadonlySet<string>;
  rootError: string | null;
}) => {
  const { t } = useTranslation();
  const { fields, move, append } = useFieldArray({ control, name: 'outcomes' });
  const [newCode, setNewCode] = useState('');
  const [newEffect, setNewEffect] = useState<OutcomeEffect>('no_contact');
  return (
    <fieldset className="rules-fieldset">
      <legend>{t('call.rules.outcomes')}</legend>
      <table className="rules-outcomes">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('call.rules.outcomeCode')}</th>
            <th>{t('call.rules.outcomeJa')}</th>
            <th>{t('call.rules.outcomeEn')}</th>
            <th>{t('call.rules.outcomeEffect')}</th>
            <th>{t('call.rules.outcomeEnabled')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {fields.map((field, i) => {
            const rowErrors = errors.outcomes?.[i];
            const saved = savedCodes.has(field.code);
            return (
              <tr key={field.id}>
                <td>{i + 1}</td>
                <td>
                  <input className="input" aria-label={`${t('call.rules.outcomeCode')} ${i + 1}`} readOnly={saved} aria-invalid={rowErrors?.code ? true : undefined} {...register(`outcomes.${i}.code`)} />
                  {rowErrors?.code && <p className="field-error" role="alert">{t('call.rules.errors.code')}</p>}
                </td>
                <td>
                  <input className="input" aria-label={`${t('call.rules.outcomeJa')} ${i + 1}`} placeholder={t(`call.outcome.${field.code}`, { defaultValue: '' })} {...register(`outcomes.${i}.label.ja`, { setValueAs: blankToUndefined })} />
                </td>
                <td>
                  <input className="input" aria-label={`${t('call.rules.outcomeEn')} ${i + 1}`} {...register(`outcomes.${i}.label.en`, { setValueAs: blankToUndefined })} />
                  {rowErrors?.label && <p className="field-error" role="alert">{t('call.rules.errors.label')}</p>}
                </td>
                <td>
                  {saved ? (
                    <span>{t(`call.outcome.effect.${field.effect}`)}</span>
                  ) : (
                    <select className="input" aria-label={`${t('call.rules.outcomeEffect')} ${i + 1}`} {...register(`outcomes.${i}.effect`)}>
                      {OUTCOME_EFFECTS.map((effect) => (
                        <option key={effect} value={effect}>{t(`call.outcome.effect.${effect}`)}</option>
                      ))}
                    </select>
                  )}
                </td>
                <td>
                  <input type="checkbox" aria-label={`${t('call.rules.outcomeEnabled')} ${i + 1}`} {...register(`outcomes.${i}.enabled`)} />
                </td>
                <td>
                  <button type="button" className="button button-quiet" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('call.rules.moveUpItem', { name: field.code })}>↑</button>
                  <button type="button" className="button button-quiet" disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label={t('call.rules.moveDownItem', { name: field.code })}>↓</button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rootError && <p className="field-error" role="alert">{rootError}</p>}
      <div className="import-row">
        <input className="input" aria-label={t('call.rules.newCode')} placeholder="follow_up" value={newCode} onChange={(e) => setNewCode(e.target.value)} />
        <select className="input" aria-label={t('call.rules.outcomeEffect')} value={newEffect} onChange={(e) => setNewEffect(e.target.value as OutcomeEffect)}>
          {OUTCOME_EFFECTS.map((effect) => (
            <option key={effect} value={effect}>{t(`call.outcome.effect.${effect}`)}</option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          disabled={newCode.trim() === ''}
          onClick={() => {
            append({ code: newCode.trim(), effect: newEffect, enabled: true });
            setNewCode('');
          }}
        >
          {t('call.rules.addOutcome')}
        </button>
      </div>
    </fieldset>
  );
};
