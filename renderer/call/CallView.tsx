import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../i18n/use-error-text';
import { useCockpit } from '../queue/cockpit-context';
import type { OpenLead } from '../queue/cockpit-store';
import { isActivatable, isTextEntry } from '../queue/keys';
import { ShortcutsButton } from '../queue/ShortcutsOverlay';
import { useReasonText } from '../queue/use-reason-text';
import { AbandonDialog } from './AbandonDialog';
import { CallbackPicker } from './CallbackPicker';
import { CallHistory } from './CallHistory';
import { CallTimer } from './CallTimer';
import { HearingSection } from './HearingSection';
import { LeadPanel } from './LeadPanel';
import { NotesField } from './NotesField';
import { OutcomePicker } from './OutcomePicker';
import { type CallData, useCallData } from './use-call-data';
import { useCallSession } from './use-call-session';
import { useDraft } from './use-draft';

// The digit of a number key (top row or keypad), also under Alt, where some layouts change `key`.
const digitOf = (event: KeyboardEvent): number | null => {
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(event.code) ?? /^([1-9])$/.exec(event.key);
  return match ? Number(match[1]) : null;
};

// One lead on one screen, worked from the keyboard: S starts, 1-9 picks the outcome, Ctrl+Enter logs and moves on.
const CallWorkspace = ({ open, data }: { open: OpenLead; data: CallData }) => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { reasonText } = useReasonText();
  const closeLead = useCockpit((s) => s.closeLead);
  const outcomes = data.rules.rules.outcomes.filter((o) => o.enabled);
  const draft = useDraft(data.lead.id);
  const session = useCallSession(data, outcomes, draft);
  const [asking, setAsking] = useState(false);
  const notesRef = useRef<HTMLTextAreaElement>(null);

  // The listener is installed once; it always calls the latest handlers.
  const latest = useRef({ session, outcomes, back: () => {} });
  latest.current = { session, outcomes, back: () => (session.active ? setAsking(true) : closeLead()) };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { session: s, outcomes: list, back } = latest.current;
      const typing = isTextEntry(event.target);
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void s.logAndNext();
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        // The first Esc leaves the field (its draft is flushed on blur), the next one goes back.
        if (typing && event.target instanceof HTMLElement) event.target.blur();
        else back();
        return;
      }
      if (event.ctrlKey || event.metaKey) return;
      const digit = digitOf(event);
      if (digit !== null && (event.altKey || !typing)) {
        const outcome = list[digit - 1];
        if (outcome) {
          event.preventDefault();
          s.choose(outcome.code);
        }
        return;
      }
      if (typing || event.altKey) return;
      if (event.key === 's' || event.key === 'S' || (event.key === ' ' && !isActivatable(event.target))) {
        event.preventDefault();
        void s.start();
      } else if (event.key === 'm' || event.key === 'M') {
        event.preventDefault();
        notesRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section className="view call-view" aria-labelledby="call-company">
      <header className="call-bar">
        <button type="button" className="button button-quiet" onClick={() => latest.current.back()}>
          {t('call.view.back')} <kbd className="kbd">Esc</kbd>
        </button>
        <CallTimer startedAt={session.startedAt} />
        <button type="button" className="button" disabled={session.active !== null} onClick={() => void session.start()}>
          {t('call.timer.start')} <kbd className="kbd">S</kbd>
        </button>
        <ShortcutsButton />
      </header>
      <div className="call-grid">
        <div className="call-col">
          <LeadPanel lead={data.lead} />
          {open.reason && (
            <section className="call-card call-why" aria-labelledby="call-why-title">
              <h2 id="call-why-title" className="call-card-title">{t('call.view.why')}</h2>
              <p className={open.reason.bucket === 'callback_due' && open.reason.missed ? 'queue-why-urgent' : undefined}>
                <span className="chip">{t(`call.bucket.${open.reason.bucket}`)}</span> {reasonText(open.reason)}
              </p>
            </section>
          )}
          <HearingSection stage={data.lead.stage} />
          <CallHistory calls={data.history} outcomes={data.rules.rules.outcomes} />
        </div>
        <div className="call-col">
          <OutcomePicker outcomes={outcomes} value={session.outcome} onChange={session.choose} />
          {session.chosen?.effect === 'callback' && (
            <CallbackPicker rules={data.rules.rules} value={session.callback} onChange={session.setCallback} error={session.problem} />
          )}
          <NotesField text={draft.text} status={draft.status} onChange={draft.change} onBlur={() => void draft.flush()} readOnly={session.busy} inputRef={notesRef} />
          {session.problem && session.chosen?.effect !== 'callback' && (
            <p className="form-error" role="alert">{session.problem}</p>
          )}
          {session.error && (
            <p className="form-error" role="alert">
              {t('call.log.failed')} {errorText(session.error)}
            </p>
          )}
          <div className="form-actions">
            <button type="button" className="button button-primary" disabled={session.busy} onClick={() => void session.logAndNext()}>
              {session.busy ? t('call.log.saving') : t('call.log.save')} <kbd className="kbd">Ctrl+Enter</kbd>
            </button>
          </div>
        </div>
      </div>
      {asking && (
        <AbandonDialog
          onConfirm={() => {
            setAsking(false);
            void session.abandon();
          }}
          onCancel={() => setAsking(false)}
        />
      )}
    </section>
  );
};

// Reads the lead, then hands it to a fresh workspace (keyed by lead, so nothing leaks between leads).
export const CallView = ({ open }: { open: OpenLead }) => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const closeLead = useCockpit((s) => s.closeLead);
  const { data, error } = useCallData(open.leadId);
  if (error) {
    return (
      <section className="view" aria-labelledby="view-title">
        <h1 id="view-title" className="view-title">{t('call.view.loadFailed')}</h1>
        <p className="form-error" role="alert">{errorText(error)}</p>
        <button type="button" className="button" onClick={closeLead}>{t('call.view.back')}</button>
      </section>
    );
  }
  if (!data) return <p className="view-loading">{t('call.view.loading')}</p>;
  return <CallWorkspace key={open.leadId} open={open} data={data} />;
};
