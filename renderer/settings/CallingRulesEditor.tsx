import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { type FieldError, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { moved } from '../app/list-order';
import type { RulesRecord } from '../../shared/api/calls';
import type { CallingRules } from '../../shared/domain/calling';
import { type ApiError, toApiError } from '../api/api-error';
import { invoke } from '../api/client';
import { useErrorText } from '../i18n/use-error-text';
import { formatJst } from '../queue/jst-time';
import { useApp } from '../state/app-context';
import { OutcomesEditor } from './OutcomesEditor';
import { NUMBER_FIELDS, type NumberField, numberBounds, type RulesFormValues, rulesFormSchema, toFormValues } from './rules-form';

// The team lead's calling rules: cadence, hours, hot sources, queue order and outcomes, saved
// against the version being edited so two leads cannot overwrite each other unknowingly.
export const CallingRulesEditor = () => {
  const { t } = useTranslation();
  const [record, setRecord] = useState<RulesRecord | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  useEffect(() => {
    invoke('queue.rules', {}).then(setRecord, (error: unknown) => setLoadError(toApiError(error)));
  }, []);
  return (
    <section className="rules-editor" aria-labelledby="rules-title">
      <h2 id="rules-title" className="view-title">{t('call.rules.title')}</h2>
      <p className="field-help">{t('call.rules.help')}</p>
      {loadError && <LoadError error={loadError} />}
      {!record && !loadError && <p className="view-loading">{t('call.rules.loading')}</p>}
      {record && <RulesForm record={record} />}
    </section>
  );
};

const LoadError = ({ error }: { error: ApiError }) => {
  const errorText = useErrorText();
  return <p className="form-error" role="alert">{errorText(error)}</p>;
};

const RulesForm = ({ record: initial }: { record: RulesRecord }) => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const language = useApp((s) => s.language);
  const [record, setRecord] = useState(initial);
  const [saved, setSaved] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [latest, setLatest] = useState<RulesRecord | null>(null);
  const {
    register,
    control,
    handleSubmit,
    reset,
    watch,
    setValue,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<RulesFormValues, unknown, CallingRules>({ resolver: zodResolver(rulesFormSchema), defaultValues: toFormValues(initial.rules) });
  const savedCodes = new Set(record.rules.outcomes.map((o) => o.code));
  const bucketOrder = watch('bucketOrder');
  const outcomes = watch('outcomes');

  const onSubmit = handleSubmit(async (rules) => {
    setSaved(false);
    setSaveError(null);
    setLatest(null);
    try {
      const next = await invoke('queue.updateRules', { rules, version: record.version });
      setRecord(next);
      reset(toFormValues(next.rules));
      setSaved(true);
    } catch (caught) {
      // The form keeps every edit; on a conflict the newer version is fetched so the message can name it.
      const error = toApiError(caught);
      setSaveError(error);
      if (error.code === 'conflict') setLatest(await invoke('queue.rules', {}).catch(() => null));
    }
  });

  const numberError = (field: NumberField): string | null => {
    const error = errors[field];
    if (!error) return null;
    return error.type === 'too_small' || error.type === 'too_big' ? t('call.rules.errors.range', numberBounds(field)) : t('call.rules.errors.integer');
  };
  const clockError = (error: FieldError | undefined): string | null =>
    !error ? null : error.type === 'custom' ? t('call.rules.errors.endAfterStart') : t('call.rules.errors.clock');
  const outcomesError = (): string | null => {
    const error = errors.outcomes?.root ?? (errors.outcomes && 'message' in errors.outcomes ? (errors.outcomes as FieldError) : undefined);
    if (!error) return null;
    if (error.type === 'too_big') return t('call.rules.errors.tooManyOutcomes');
    const codes = outcomes.map((o) => o.code);
    return new Set(codes).size !== codes.length ? t('call.rules.errors.codeUnique') : t('call.rules.errors.oneEnabled');
  };
  const moveBucket = (from: number, to: number) => setValue('bucketOrder', moved(bucketOrder, from, to), { shouldDirty: true });

  const numberField = (field: NumberField) => {
    const message = numberError(field);
    return (
      <div className="field" key={field}>
        <label htmlFor={`rules-${field}`} className="field-label">{t(`call.rules.${field}`)}</label>
        <input
          id={`rules-${field}`}
          className="input"
          type="number"
          inputMode="numeric"
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `rules-${field}-error` : undefined}
          {...register(field, { valueAsNumber: true })}
        />
        {message && <p id={`rules-${field}-error`} className="field-error" role="alert">{message}</p>}
      </div>
    );
  };

  const startError = clockError(errors.callingHours?.start);
  const endError = clockError(errors.callingHours?.end);
  return (
    <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="rules-title">
      <p className="field-help">{t('call.rules.updatedBy', { by: record.updatedBy, at: formatJst(record.updatedAt, language) })}</p>
      <fieldset className="rules-fieldset">
        <legend>{t('call.rules.cadence')}</legend>
        <div className="rules-grid">{NUMBER_FIELDS.map(numberField)}</div>
      </fieldset>
      <fieldset className="rules-fieldset">
        <legend>{t('call.rules.hours')}</legend>
        <div className="rules-grid">
          <div className="field">
            <label htmlFor="rules-start" className="field-label">{t('call.rules.start')}</label>
            <input id="rules-start" className="input" type="time" aria-invalid={startError ? true : undefined} {...register('callingHours.start')} />
            {startError && <p className="field-error" role="alert">{startError}</p>}
          </div>
          <div className="field">
            <label htmlFor="rules-end" className="field-label">{t('call.rules.end')}</label>
            <input id="rules-end" className="input" type="time" aria-invalid={endError ? true : undefined} {...register('callingHours.end')} />
            {endError && <p className="field-error" role="alert">{endError}</p>}
          </div>
        </div>
        <label className="rules-check"><input type="checkbox" {...register('weekdaysOnly')} /> {t('call.rules.weekdaysOnly')}</label>
        <label className="rules-check"><input type="checkbox" {...register('skipHolidays')} /> {t('call.rules.skipHolidays')}</label>
      </fieldset>
      <div className="field">
        <label htmlFor="rules-hot-sources" className="field-label">{t('call.rules.hotSources')}</label>
        <textarea id="rules-hot-sources" className="input" rows={5} aria-invalid={errors.hotSources ? true : undefined} {...register('hotSources')} />
        {errors.hotSources && <p className="field-error" role="alert">{t('call.rules.errors.source')}</p>}
      </div>
      <fieldset className="rules-fieldset">
        <legend>{t('call.rules.bucketOrder')}</legend>
        <ol className="rules-order">
          {bucketOrder.map((bucket, i) => (
            <li key={bucket}>
              <span>{i + 1}. {t(`call.bucket.${bucket}`)}</span>
              <button type="button" className="button button-quiet" disabled={i === 0} onClick={() => moveBucket(i, i - 1)} aria-label={t('call.rules.moveUpItem', { name: t(`call.bucket.${bucket}`) })}>↑</button>
              <button type="button" className="button button-quiet" disabled={i === bucketOrder.length - 1} onClick={() => moveBucket(i, i + 1)} aria-label={t('call.rules.moveDownItem', { name: t(`call.bucket.${bucket}`) })}>↓</button>
            </li>
          ))}
        </ol>
      </fieldset>
      <OutcomesEditor control={control} register={register} errors={errors} savedCodes={savedCodes} rootError={outcomesError()} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? t('call.rules.saving') : t('call.rules.save')}
        </button>
        {saved && !isDirty && <span className="form-saved" role="status">{t('call.rules.saved', { version: record.version })}</span>}
      </div>
      {saveError && (
        <div className="form-error" role="alert">
          {saveError.code === 'conflict' ? t('call.rules.conflict', { version: latest?.version ?? '?' }) : errorText(saveError)}
          {latest && (
            <button
              type="button"
              className="button"
              onClick={() => {
                setRecord(latest);
                reset(toFormValues(latest.rules));
                setSaveError(null);
                setLatest(null);
              }}
            >
              {t('call.rules.reload')}
            </button>
          )}
        </div>
      )}
    </form>
  );
};
