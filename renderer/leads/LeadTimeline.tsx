import { type KeyboardEvent, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { NOTE_MAX, type TimelineEntry } from '../../shared/api/lead-edits';
import type { Language } from '../../shared/api/settings';
import type { Reason, ReasonList, ReasonLists } from '../../shared/domain/reasons';
import { type ApiError, toApiError } from '../api/api-error';
import { invoke } from '../api/client';
import { reasonLabel } from '../hearing/reason-label';
import { useDefinitions } from '../hearing/use-definitions';
import { useErrorText } from '../i18n/use-error-text';
import { formatDateTime } from './format';

type Props = {
  leadId: string;
  entries: TimelineEntry[] | null;
  language: Language;
  onNoteAdded: () => void;
  onUndoMerge: (mergeId: string) => void;
};

// A decision's reason is a code from the team's lists (in the team's own words when it renamed or
// added the reason); older stage changes carry words.
const REASON_LISTS: Partial<Record<string, ReasonList>> = { disqualify: 'disqualify', nurture: 'nurture', reject: 'reject' };
const reasonText = (entry: Extract<TimelineEntry, { kind: 'stage' }>, reasons: ReasonLists | null, language: Language, t: TFunction): string => {
  const list = entry.decision && REASON_LISTS[entry.decision.action];
  if (!list || entry.reason === null) return entry.reason ?? '';
  const listed: Reason | undefined = reasons?.[list].find((r) => r.code === entry.reason);
  return reasonLabel(listed ?? { code: entry.reason, enabled: true }, list, language, t);
};

const EntryText = ({ entry, language, reasons }: { entry: TimelineEntry; language: Language; reasons: ReasonLists | null }) => {
  const { t } = useTranslation();
  switch (entry.kind) {
    case 'call': {
      const parts = [t(`call.outcome.${entry.outcome}`, { defaultValue: entry.outcome })];
      if (entry.durationSeconds !== null && entry.durationSeconds > 0) {
        parts.push(t('leadDetail.timeline.duration', { minutes: Math.floor(entry.durationSeconds / 60), seconds: entry.durationSeconds % 60 }));
      }
      if (entry.callbackAt) parts.push(t('leadDetail.timeline.callback', { at: formatDateTime(entry.callbackAt, language) }));
      return (
        <>
          <span>{parts.join(' · ')}</span>
          {entry.note && <p className="timeline-body">{entry.note}</p>}
        </>
      );
    }
    case 'stage':
      return (
        <>
          <span>
            {entry.from === null
              ? t('leadDetail.timeline.stageCreated', { to: t(`stage.${entry.to}`) })
              : t('leadDetail.timeline.stageChanged', { from: t(`stage.${entry.from}`), to: t(`stage.${entry.to}`) })}
            {entry.reason && entry.reason !== 'created' ? ` — ${reasonText(entry, reasons, language, t)}` : ''}
            {entry.decision && ` · ${t('qualification.timeline.definitionVersion', { version: entry.decision.definitionVersion })}`}
            {entry.decision?.recontactOn && ` · ${t('qualification.timeline.recontactOn', { date: entry.decision.recontactOn })}`}
          </span>
          {entry.decision?.override ? (
            <p className="timeline-body">{t('qualification.timeline.override', { comment: entry.decision.comment ?? '' })}</p>
          ) : (
            entry.decision?.comment && <p className="timeline-body">{entry.decision.comment}</p>
          )}
        </>
      );
    case 'hearing':
      return (
        <span>
          {t('qualification.timeline.hearingChanged', {
            items: entry.items.map((item) => t(`qualification.item.${item}`)).join(t('qualification.timeline.itemJoin')),
            version: entry.scriptVersion,
          })}
        </span>
      );
    case 'note':
      return <p className="timeline-body">{entry.body}</p>;
    case 'import':
      return (
        <span>
          {entry.action === 'created'
            ? t('leadDetail.timeline.importCreated', { fileName: entry.fileName })
            : t('leadDetail.timeline.importUpdated', { fileName: entry.fileName, fields: entry.fields.map((f) => t(`leadDetail.field.${f}`)).join(', ') })}
        </span>
      );
    case 'merge':
      return (
        <span>
          {t(entry.role === 'survivor' ? 'leadDetail.timeline.mergeSurvivor' : 'leadDetail.timeline.mergeMerged', { company: entry.otherCompany })}
        </span>
      );
  }
};

const TITLE_KEYS: Record<TimelineEntry['kind'], string> = {
  call: 'leadDetail.timeline.callTitle',
  stage: 'leadDetail.timeline.stageTitle',
  hearing: 'qualification.timeline.hearingTitle',
  note: 'leadDetail.timeline.noteTitle',
  import: 'leadDetail.timeline.importTitle',
  merge: 'leadDetail.timeline.mergeTitle',
};

// The lead's history, newest first, with a box to add a note on top.
export const LeadTimeline = ({ leadId, entries, language, onNoteAdded, onUndoMerge }: Props) => {
  const { t } = useTranslation();
  const reasons = useDefinitions()?.reasons ?? null;
  const errorText = useErrorText();
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const addNote = async () => {
    if (note.trim() === '') return;
    setSaving(true);
    setError(null);
    try {
      await invoke('leads.addNote', { leadId, body: note });
      setNote('');
      onNoteAdded();
    } catch (caught) {
      // The note stays in the box to try again.
      setError(toApiError(caught));
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void addNote();
    }
  };

  return (
    <section className="lead-timeline" aria-labelledby="lead-timeline-title">
      <h2 id="lead-timeline-title" className="lead-section-title">
        {t('leadDetail.timeline.title')}
      </h2>
      <div className="lead-note-form">
        <label htmlFor="lead-note" className="visually-hidden">
          {t('leadDetail.note.label')}
        </label>
        <textarea
          id="lead-note"
          className="input lead-note-input"
          rows={3}
          maxLength={NOTE_MAX}
          value={note}
          placeholder={t('leadDetail.note.placeholder')}
          onChange={(event) => setNote(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button" disabled={saving || note.trim() === ''} onClick={() => void addNote()}>
          {t('leadDetail.note.add')}
        </button>
        {error && (
          <p className="field-error" role="alert">
            {errorText(error)}
          </p>
        )}
      </div>
      {entries === null ? (
        <p className="view-loading">{t('leadDetail.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="field-help">{t('leadDetail.timeline.empty')}</p>
      ) : (
        <ol className="timeline" data-testid="lead-timeline">
          {entries.map((entry) => (
            <li key={`${entry.kind}:${entry.id}`} className={`timeline-entry timeline-${entry.kind}`} data-testid="timeline-entry">
              <div className="timeline-meta">
                <span className="timeline-kind">{t(TITLE_KEYS[entry.kind])}</span>
                <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
                <span className="timeline-actor">{entry.actor}</span>
                {entry.leadId !== leadId && entry.kind !== 'merge' && <span className="badge">{t('leadDetail.timeline.fromMerged')}</span>}
                {(entry.kind === 'merge' || entry.kind === 'import') && entry.undoneAt && (
                  <span className="badge">{t('leadDetail.timeline.undone')}</span>
                )}
              </div>
              <div className="timeline-text">
                <EntryText entry={entry} language={language} reasons={reasons} />
              </div>
              {entry.kind === 'merge' && entry.role === 'survivor' && !entry.undoneAt && (
                <button type="button" className="button button-quiet timeline-undo" onClick={() => onUndoMerge(entry.id)}>
                  {t('leadDetail.merge.undo')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
};
