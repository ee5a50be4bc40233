import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HANDOFF_PARTS, MEETING_MODES, MEETING_STATUSES, missingHandoffParts, type Handoff, type HandoffDraft, type HandoffPart, type Meeting } from '../../shared/api/handoff';
import { type ApiError, toApiError } from '../api/api-error';
import { invoke } from '../api/client';
import { useErrorText } from '../i18n/use-error-text';
import { useApp } from '../state/app-context';
import { formatJstDateTime, jstIso, jstParts } from './handoff-format';
import './handoff.css';

type Props = { leadId: string; onDone: (handoff: Handoff | null) => void };

type Values = { assignee: string; status: Meeting['status'] | ''; date: string; time: string; mode: Meeting['mode'] | ''; place: string; summary: string };

const fromDraft = (draft: HandoffDraft): Values => ({
  assignee: '',
  status: draft.meeting.status ?? '',
  ...jstParts(draft.meeting.at),
  mode: draft.meeting.mode ?? '',
  place: '',
  summary: draft.summary,
});

// The rep's handoff of a TQL lead: who in field sales, the meeting, and the summary Bantam drafted.
// What is typed stays when the backend refuses; each missing part is marked by name.
export const HandoffForm = ({ leadId, onDone }: Props) => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const language = useApp((s) => s.language);
  const ids = useId();
  const [draft, setDraft] = useState<HandoffDraft | null>(null);
  const [values, setValues] = useState<Values | null>(null);
  const [missing, setMissing] = useState<HandoffPart[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    invoke('handoff.draft', { leadId })
      .then((loaded) => {
        if (!live) return;
        setDraft(loaded);
        setValues(fromDraft(loaded));
      })
      .catch((caught: unknown) => live && setError(toApiError(caught)));
    return () => {
      live = false;
    };
  }, [leadId]);

  if (!draft || !values) {
    return error ? <p className="form-error" role="alert">{errorText(error)}</p> : <p className="view-loading">{t('handoff.form.loading')}</p>;
  }
  if (draft.pendingId) return <p className="field-help" role="status">{t('handoff.form.alreadyPending')}</p>;
  if (draft.stage !== 'tql') return <p className="field-help" role="status">{t('handoff.form.notTql')}</p>;

  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues({ ...values, [key]: value });
  const at = jstIso(values.date, values.time);
  const meeting: Partial<Meeting> = {
    ...(values.status ? { status: values.status } : {}),
    ...(at ? { at } : {}),
    ...(values.mode ? { mode: values.mode } : {}),
    ...(values.place.trim() ? { place: values.place } : {}),
  };

  const submit = async () => {
    const input = { leadId, leadVersion: draft.leadVersion, assignee: values.assignee, meeting, summary: values.summary };
    const gaps = missingHandoffParts(input);
    setMissing(gaps);
    setError(null);
    if (gaps.length > 0) return;
    setBusy(true);
    try {
      onDone(await invoke('handoff.submit', input));
    } catch (caught) {
      const failed = toApiError(caught);
      setMissing(failed.issues.map((i) => i.path).filter((p): p is HandoffPart => (HANDOFF_PARTS as readonly string[]).includes(p)));
      setError(failed);
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.nativeEvent.stopPropagation();
      onDone(null);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.nativeEvent.stopPropagation();
      if (!busy) void submit();
    }
  };
  const invalid = (part: HandoffPart) => (missing.includes(part) ? { 'aria-invalid': true as const } : {});

  return (
    <form
      className="handoff-form"
      aria-labelledby={`${ids}-title`}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      noValidate
    >
      <h3 id={`${ids}-title`} className="call-card-title">{t('handoff.form.title')}</h3>
      <div className="field">
        <label htmlFor={`${ids}-assignee`} className="field-label">{t('handoff.field.assignee')}</label>
        <input id={`${ids}-assignee`} className="input" list={`${ids}-assignees`} autoFocus value={values.assignee} onChange={(e) => set('assignee', e.target.value)} {...invalid('assignee')} />
        <datalist id={`${ids}-assignees`}>
          {draft.knownAssignees.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <p className="field-help">{t('handoff.field.assigneeHint')}</p>
      </div>
      <fieldset className="field handoff-choices" {...invalid('meetingStatus')}>
        <legend className="field-label">{t('handoff.field.meetingStatus')}</legend>
        {MEETING_STATUSES.map((status) => (
          <label key={status} className="rules-check">
            <input type="radio" name={`${ids}-status`} checked={values.status === status} onChange={() => set('status', status)} />
            {t(`handoff.meetingStatus.${status}`)}
          </label>
        ))}
      </fieldset>
      <div className="handoff-row">
        <div className="field">
          <label htmlFor={`${ids}-date`} className="field-label">{t('handoff.field.meetingDate')}</label>
          <input id={`${ids}-date`} type="date" className="input" value={values.date} onChange={(e) => set('date', e.target.value)} {...invalid('meetingAt')} />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-time`} className="field-label">{t('handoff.field.meetingTime')}</label>
          <input id={`${ids}-time`} type="time" className="input" step={300} value={values.time} onChange={(e) => set('time', e.target.value)} {...invalid('meetingAt')} />
        </div>
      </div>
      <fieldset className="field handoff-choices" {...invalid('meetingMode')}>
        <legend className="field-label">{t('handoff.field.meetingMode')}</legend>
        {MEETING_MODES.map((mode) => (
          <label key={mode} className="rules-check">
            <input type="radio" name={`${ids}-mode`} checked={values.mode === mode} onChange={() => set('mode', mode)} />
            {t(`handoff.meetingMode.${mode}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${ids}-place`} className="field-label">{t('handoff.field.place')}</label>
        <input id={`${ids}-place`} className="input" value={values.place} onChange={(e) => set('place', e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-summary`} className="field-label">{t('handoff.field.summary')}</label>
        <textarea id={`${ids}-summary`} className="input handoff-summary" rows={10} value={values.summary} onChange={(e) => set('summary', e.target.value)} {...invalid('summary')} />
        <p className="field-help">{t('handoff.field.summaryHint')}</p>
      </div>
      {missing.length > 0 && (
        <p className="form-error" role="alert">
          {t('handoff.form.missing', { parts: missing.map((p) => t(`handoff.part.${p}`)).join('、') })}
        </p>
      )}
      {error && missing.length === 0 && (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      )}
      {at && <p className="field-help">{formatJstDateTime(at, language)}</p>}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('handoff.form.submitting') : t('handoff.form.submit')} <kbd className="kbd">Ctrl+Enter</kbd>
        </button>
        <button type="button" className="button button-quiet" onClick={() => onDone(null)}>
          {t('handoff.form.cancel')} <kbd className="kbd">Esc</kbd>
        </button>
      </div>
    </form>
  );
};
