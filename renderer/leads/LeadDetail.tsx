import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../shared/api/lead-edits';
import { type Lead, personKana, personName } from '../../shared/domain/lead';
import { invoke } from '../api/client';
import { useApp } from '../state/app-context';
import { fieldText } from './field-text';
import { formatDateTime, formatNumber } from './format';
import { FIELD_SECTIONS } from './lead-form';
import { HandoffLauncher } from '../handoff/HandoffLauncher';
import { LeadForm } from './LeadForm';
import { LeadTimeline } from './LeadTimeline';
import { MergePicker } from './MergePicker';
import './lead-detail.css';

// A message above the detail after a merge or its undo; `mergeId` offers the undo.
export type DetailNotice = { text: string; mergeId?: string };

type Props = {
  id: string;
  notice: DetailNotice | null;
  onBack: () => void;
  onMerge: (lead: Lead, other: Lead) => void;
  onUndoMerge: (mergeId: string) => void;
};

type Mode = 'view' | 'edit' | 'pick';

// Everything about one lead: its fields, custom fields, tags and history, with edit and merge.
export const LeadDetail = ({ id, notice, onBack, onMerge, onUndoMerge }: Props) => {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const version = useApp((s) => s.leadsVersion);
  const showError = useApp((s) => s.showError);
  const [lead, setLead] = useState<Lead | null>(null);
  const [entries, setEntries] = useState<TimelineEntry[] | null>(null);
  const [mode, setMode] = useState<Mode>('view');
  const [saved, setSaved] = useState(false);
  const [timelineVersion, setTimelineVersion] = useState(0);

  // Reloaded when the backend says leads changed (a save here, an import, another window).
  useEffect(() => {
    let live = true;
    Promise.all([invoke('leads.get', { id }), invoke('leads.timeline', { id })])
      .then(([loaded, timeline]) => {
        if (!live) return;
        setLead(loaded);
        setEntries(timeline.entries);
      })
      .catch((error: unknown) => {
        if (live) showError(error);
      });
    return () => {
      live = false;
    };
  }, [id, version, timelineVersion, showError]);

  const onSaved = useCallback((next: Lead) => {
    setLead(next);
    setMode('view');
    setSaved(true);
  }, []);

  if (!lead) {
    return (
      <section className="view" aria-labelledby="view-title">
        <header className="view-header">
          <button type="button" className="button button-quiet" onClick={onBack}>
            {t('leadDetail.back')}
          </button>
          <h1 id="view-title" className="view-title">{t('leadDetail.title')}</h1>
        </header>
        <p className="view-loading">{t('leadDetail.loading')}</p>
      </section>
    );
  }

  const person = personName(lead);
  return (
    <section className="view lead-detail" aria-labelledby="view-title">
      <header className="view-header lead-detail-header">
        <button type="button" className="button button-quiet" onClick={onBack}>
          {t('leadDetail.back')}
        </button>
        <div className="lead-detail-heading">
          <h1 id="view-title" className="view-title">{lead.companyName}</h1>
          <span className="lead-detail-sub">{[person, personKana(lead)].filter(Boolean).join(' · ')}</span>
        </div>
        <span className={`badge stage stage-${lead.stage}`}>{t(`stage.${lead.stage}`)}</span>
        {lead.temperature && <span className={`temp temp-${lead.temperature}`}>{t(`temperature.${lead.temperature}`)}</span>}
        {lead.doNotCall && <span className="badge lead-dnc">{t('leadDetail.doNotCallYes')}</span>}
        {mode === 'view' && (
          <div className="view-header-action lead-detail-actions">
            <button type="button" className="button" onClick={() => setMode('pick')}>
              {t('leadDetail.merge.open')}
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                setSaved(false);
                setMode('edit');
              }}
            >
              {t('leadDetail.edit')}
            </button>
          </div>
        )}
      </header>
      {notice && (
        <div className="banner lead-notice" role="status">
          <span className="banner-text">{notice.text}</span>
          {notice.mergeId && (
            <button type="button" className="button" onClick={() => onUndoMerge(notice.mergeId as string)}>
              {t('leadDetail.merge.undo')}
            </button>
          )}
        </div>
      )}
      {saved && mode === 'view' && (
        <p className="form-saved" role="status">
          {t('leadDetail.saved')}
        </p>
      )}
      <div className="lead-detail-body">
        <div className="lead-detail-main">
          {mode === 'pick' && <MergePicker lead={lead} onPick={(other) => onMerge(lead, other)} onCancel={() => setMode('view')} onError={showError} />}
          {mode === 'edit' ? (
            <LeadForm key={lead.id} lead={lead} onSaved={onSaved} onCancel={() => setMode('view')} />
          ) : (
            <>
              {FIELD_SECTIONS.map(({ section, fields }) => (
                <section key={section} className="lead-section">
                  <h2 className="lead-section-title">{t(`leadDetail.section.${section}`)}</h2>
                  <dl className="lead-fields">
                    {fields.map((field) => (
                      <div key={field} className="lead-field">
                        <dt>{t(`leadDetail.field.${field}`)}</dt>
                        <dd data-testid={`lead-field-${field}`}>{fieldText(lead, field, t, language) || '—'}</dd>
                      </div>
                    ))}
                  </dl>
                </section>
              ))}
              <section className="lead-section">
                <h2 className="lead-section-title">{t('leadDetail.section.custom')}</h2>
                {Object.keys(lead.customFields).length === 0 ? (
                  <p className="field-help">{t('leadDetail.custom.empty')}</p>
                ) : (
                  <dl className="lead-fields">
                    {Object.entries(lead.customFields).map(([name, value]) => (
                      <div key={name} className="lead-field">
                        <dt>{name}</dt>
                        <dd>{value || '—'}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </section>
              <section className="lead-section">
                <h2 className="lead-section-title">{t('leadDetail.section.status')}</h2>
                <dl className="lead-fields">
                  <div className="lead-field">
                    <dt>{t('leadDetail.field.callCount')}</dt>
                    <dd>{formatNumber(lead.callCount, language)}</dd>
                  </div>
                  <div className="lead-field">
                    <dt>{t('leadDetail.field.lastCalledAt')}</dt>
                    <dd>{formatDateTime(lead.lastCalledAt, language)}</dd>
                  </div>
                  <div className="lead-field">
                    <dt>{t('leadDetail.field.createdAt')}</dt>
                    <dd>{formatDateTime(lead.createdAt, language)}</dd>
                  </div>
                  <div className="lead-field">
                    <dt>{t('leadDetail.field.updatedAt')}</dt>
                    <dd>{formatDateTime(lead.updatedAt, language)}</dd>
                  </div>
                </dl>
              </section>
            </>
          )}
        </div>
        {lead.stage === 'tql' && <HandoffLauncher leadId={lead.id} />}
        <LeadTimeline
          leadId={lead.id}
          entries={entries}
          language={language}
          onNoteAdded={() => setTimelineVersion((n) => n + 1)}
          onUndoMerge={onUndoMerge}
        />
      </div>
    </section>
  );
};
