import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { callbackChoices } from '../../shared/domain/callback-choices';
import type { CallingRules } from '../../shared/domain/calling';
import { useApp } from '../state/app-context';
import { formatJst, fromJstLocalInput, toJstLocalInput } from '../queue/jst-time';

export type CallbackValue = { at: string | null; note: string };

// When to call back: the quick choices inside calling hours, or an exact JST date-time.
export const CallbackPicker = ({
  rules,
  value,
  onChange,
  error,
}: {
  rules: CallingRules;
  value: CallbackValue;
  onChange: (value: CallbackValue) => void;
  error: string | null;
}) => {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const firstRef = useRef<HTMLButtonElement>(null);
  const choices = useMemo(() => callbackChoices(new Date(), rules), [rules]);
  // Picking the callback outcome puts the keyboard on the first quick choice.
  useEffect(() => firstRef.current?.focus(), []);
  return (
    <fieldset className="call-card callback-picker">
      <legend className="call-card-title">{t('call.callback.title')}</legend>
      <div className="callback-choices">
        {choices.map(({ choice, at }, i) => (
          <button
            key={choice}
            ref={i === 0 ? firstRef : undefined}
            type="button"
            className={value.at === at ? 'button button-primary' : 'button'}
            aria-pressed={value.at === at}
            onClick={() => onChange({ ...value, at })}
          >
            {t(`call.callback.choice.${choice}`)}
            <span className="cell-sub"> {formatJst(at, language)}</span>
          </button>
        ))}
      </div>
      <label className="field">
        <span className="field-label">{t('call.callback.exact')}</span>
        <input
          className="input"
          type="datetime-local"
          value={value.at ? toJstLocalInput(value.at) : ''}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange({ ...value, at: fromJstLocalInput(e.target.value) })}
        />
      </label>
      <label className="field">
        <span className="field-label">{t('call.callback.note')}</span>
        <input className="input" type="text" maxLength={500} value={value.note} onChange={(e) => onChange({ ...value, note: e.target.value })} />
      </label>
      {value.at && <p className="form-saved">{t('call.callback.chosen', { time: formatJst(value.at, language) })}</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
};
