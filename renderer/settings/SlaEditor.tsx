import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaRecord } from '../../shared/api/handoff';
import { slaSettingsSchema } from '../../shared/domain/handoff-sla';
import { type ApiError, toApiError } from '../api/api-error';
import { invoke } from '../api/client';
import { useErrorText } from '../i18n/use-error-text';

type Values = { hours: string; start: string; end: string };

// The team lead's SLA for handoffs: business hours field sales have to decide, and the business day
// they are counted over. Saved as a new version; what was typed stays when a save is refused.
export const SlaEditor = () => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const ids = useId();
  const [record, setRecord] = useState<SlaRecord | null>(null);
  const [values, setValues] = useState<Values | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    invoke('handoff.sla', {})
      .then((loaded) => {
        if (!live) return;
        setRecord(loaded);
        setValues({ hours: String(loaded.settings.hours), start: loaded.settings.businessHours.start, end: loaded.settings.businessHours.end });
      })
      .catch((caught: unknown) => live && setError(toApiError(caught)));
    return () => {
      live = false;
    };
  }, []);

  if (!record || !values) return error ? <p className="form-error" role="alert">{errorText(error)}</p> : null;

  const save = async () => {
    setSaved(false);
    setError(null);
    const parsed = slaSettingsSchema.safeParse({ hours: Number(values.hours), businessHours: { start: values.start, end: values.end } });
    if (!parsed.success) {
      setInvalid(parsed.error.issues[0]?.message ?? null);
      return;
    }
    setInvalid(null);
    try {
      setRecord(await invoke('handoff.updateSla', { settings: parsed.data, version: record.version }));
      setSaved(true);
    } catch (caught) {
      setError(toApiError(caught));
    }
  };

  return (
    <form
      className="rules-editor"
      aria-labelledby={`${ids}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      noValidate
    >
      <h2 id={`${ids}-title`} className="view-title">{t('handoff.settings.title')}</h2>
      <p className="field-help">{t('handoff.settings.intro')}</p>
      <div className="field">
        <label htmlFor={`${ids}-hours`} className="field-label">{t('handoff.settings.hours')}</label>
        <input id={`${ids}-hours`} type="number" min={1} max={720} className="input" value={values.hours} onChange={(e) => setValues({ ...values, hours: e.target.value })} />
      </div>
      <div className="handoff-row">
        <div className="field">
          <label htmlFor={`${ids}-start`} className="field-label">{t('handoff.settings.start')}</label>
          <input id={`${ids}-start`} type="time" className="input" value={values.start} onChange={(e) => setValues({ ...values, start: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-end`} className="field-label">{t('handoff.settings.end')}</label>
          <input id={`${ids}-end`} type="time" className="input" value={values.end} onChange={(e) => setValues({ ...values, end: e.target.value })} />
        </div>
      </div>
      {invalid && <p className="form-error" role="alert">{t('errors.invalidInput', { details: invalid })}</p>}
      {error && <p className="form-error" role="alert">{errorText(error)}</p>}
      {saved && <p className="form-saved" role="status">{t('handoff.settings.saved', { version: record.version })}</p>}
      <p className="field-help">{t('handoff.settings.version', { version: record.version, by: record.updatedBy })}</p>
      <div className="form-actions">
        <button type="submit" className="button button-primary">{t('handoff.settings.save')}</button>
      </div>
    </form>
  );
};
