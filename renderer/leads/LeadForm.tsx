import { zodResolver } from '@hookform/resolvers/zod';
import { type KeyboardEvent, useState } from 'react';
import { type FieldError, type Resolver, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { leadCreateInput } from '../../shared/api/lead-edits';
import type { Lead } from '../../shared/domain/lead';
import { STAGES, TEMPERATURES } from '../../shared/domain/stages';
import { type ApiError, toApiError } from '../api/api-error';
import { invoke } from '../api/client';
import { useErrorText } from '../i18n/use-error-text';
import { FIELD_SECTIONS, formValuesOf, isFormField, type LeadFormOutput, type LeadFormValues, patchOf, seenOf } from './lead-form';

type Props = {
  // The lead being edited; null creates a new one.
  lead: Lead | null;
  onSaved: (lead: Lead) => void;
  onCancel: () => void;
};

const resolver = zodResolver(leadCreateInput) as unknown as Resolver<LeadFormValues, unknown, LeadFormOutput>;

const INPUT_TYPES: Partial<Record<string, string>> = { email: 'email', phone: 'tel', mobile: 'tel' };
const NUMERIC = new Set(['employeeCount', 'score', 'postalCode']);

// One form for editing and creating. Validation runs on the shared schema, so the messages next to
// each field are the ones the backend would give. A failed save keeps everything typed.
export const LeadForm = ({ lead, onSaved, onCancel }: Props) => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  // The version this editor works from; "load latest" moves it forward and keeps what was typed.
  const [base, setBase] = useState<Lead | null>(lead);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<LeadFormValues, unknown, LeadFormOutput>({ resolver, defaultValues: formValuesOf(lead) });
  const custom = useFieldArray({ control, name: 'customFields' });
  const idFor = (name: string) => `lead-form-${name}`;
  const message = (error: FieldError | undefined) => (error?.message ? t(error.message) : null);

  const onSubmit = handleSubmit(async (values) => {
    setSaveError(null);
    try {
      const saved = base
        ? await invoke('leads.update', { id: base.id, version: base.version, patch: patchOf(base, values), seen: seenOf(base) })
        : await invoke('leads.create', values);
      onSaved(saved);
    } catch (caught) {
      const error = toApiError(caught);
      for (const issue of error.issues) if (isFormField(issue.path)) setError(issue.path, { type: 'server', message: issue.message });
      setSaveError(error);
    }
  });

  const loadLatest = async () => {
    if (!base) return;
    try {
      const latest = await invoke('leads.get', { id: base.id });
      setBase(latest);
      reset(formValuesOf(latest), { keepDirtyValues: true });
      setSaveError(null);
    } catch (caught) {
      setSaveError(toApiError(caught));
    }
  };

  // The backend names changed fields by their ids; the user reads their labels.
  const saveErrorText = (error: ApiError) =>
    error.messageKey === 'leadDetail.errors.conflictFields'
      ? t(error.messageKey, { fields: String(error.params.fields ?? '').split(',').map((field) => t(`leadDetail.field.${field}`)).join(', ') })
      : errorText(error);

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void onSubmit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  const fieldInput = (name: (typeof FIELD_SECTIONS)[number]['fields'][number]) => {
    const error = message(errors[name]);
    const describedBy = [error ? `${idFor(name)}-error` : null, name === 'tags' ? `${idFor(name)}-help` : null].filter(Boolean).join(' ');
    return (
      <div key={name} className={`field lead-form-field lead-form-${name}`}>
        <div className="lead-form-label-row">
          <label htmlFor={idFor(name)} className="field-label">
            {t(`leadDetail.field.${name}`)}
          </label>
          {name === 'companyName' && (
            <span className="lead-form-required" aria-hidden="true">
              {t('leadDetail.required')}
            </span>
          )}
        </div>
        {name === 'temperature' ? (
          <select id={idFor(name)} className="input" {...register('temperature')}>
            <option value="">{t('temperature.none')}</option>
            {TEMPERATURES.map((value) => (
              <option key={value} value={value}>
                {t(`temperature.${value}`)}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={idFor(name)}
            className="input"
            type={INPUT_TYPES[name] ?? 'text'}
            inputMode={NUMERIC.has(name) ? 'numeric' : undefined}
            autoComplete="off"
            aria-required={name === 'companyName' ? true : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy || undefined}
            {...register(name)}
          />
        )}
        {name === 'tags' && (
          <p id={`${idFor(name)}-help`} className="field-help">
            {t('leadDetail.tagsHint')}
          </p>
        )}
        {error && (
          <p id={`${idFor(name)}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <form className="lead-form" onSubmit={(event) => void onSubmit(event)} onKeyDown={onKeyDown} noValidate aria-label={t(base ? 'leadDetail.edit' : 'leadDetail.createTitle')}>
      {FIELD_SECTIONS.map(({ section, fields }) => (
        <fieldset key={section} className="lead-form-section">
          <legend className="lead-section-title">{t(`leadDetail.section.${section}`)}</legend>
          <div className="lead-form-grid">{fields.map(fieldInput)}</div>
        </fieldset>
      ))}
      {!base && (
        <fieldset className="lead-form-section">
          <legend className="lead-section-title">{t('leadDetail.section.status')}</legend>
          <div className="field lead-form-field">
            <label htmlFor={idFor('stage')} className="field-label">
              {t('leadDetail.stageOnCreate')}
            </label>
            <select id={idFor('stage')} className="input" {...register('stage')}>
              {STAGES.map((stage) => (
                <option key={stage} value={stage}>
                  {t(`stage.${stage}`)}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
      )}
      <fieldset className="lead-form-section">
        <legend className="lead-section-title">{t('leadDetail.section.custom')}</legend>
        {custom.fields.length === 0 && <p className="field-help">{t('leadDetail.custom.empty')}</p>}
        {custom.fields.map((row, index) => {
          const error = message(errors.customFields?.[index]?.name);
          return (
            <div key={row.id} className="lead-custom-row">
              <input
                className="input"
                aria-label={t('leadDetail.custom.name')}
                placeholder={t('leadDetail.custom.name')}
                aria-invalid={error ? true : undefined}
                {...register(`customFields.${index}.name`)}
              />
              <input className="input" aria-label={t('leadDetail.custom.value')} placeholder={t('leadDetail.custom.value')} {...register(`customFields.${index}.value`)} />
              <button type="button" className="button button-quiet" onClick={() => custom.remove(index)}>
                {t('leadDetail.custom.remove')}
              </button>
              {error && <p className="field-error lead-custom-error">{error}</p>}
            </div>
          );
        })}
        <button type="button" className="button button-quiet lead-custom-add" onClick={() => custom.append({ name: '', value: '' })}>
          {t('leadDetail.custom.add')}
        </button>
      </fieldset>
      {saveError && (
        <div className="form-error" role="alert">
          <p className="lead-form-error-text">{saveErrorText(saveError)}</p>
          {saveError.code === 'conflict' && base && (
            <button type="button" className="button" onClick={() => void loadLatest()}>
              {t('leadDetail.conflict.reload')}
            </button>
          )}
        </div>
      )}
      <div className="form-actions lead-form-actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? t('leadDetail.saving') : t(base ? 'leadDetail.save' : 'leadDetail.create')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('leadDetail.cancel')}
        </button>
        <span className="field-help">{t('leadDetail.keysHint')}</span>
      </div>
    </form>
  );
};
