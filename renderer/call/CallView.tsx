import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../i18n/use-error-text';
import { useCockpit } from '../queue/cockpit-context';
import type { OpenLead } from '../queue/cockpit-store';
import { digitOf, isActivatable, isTextEntry } from '../queue/keys';
import { ShortcutsButton } from '../queue/ShortcutsOverlay';
import { useReasonText } from '../queue/use-reason-text';
import { AbandonDialog } from './AbandonDialog';
import { CallbackPicker } from './CallbackPicker';
import { CallHistory } from './CallHistory';
import { CallTimer } from './CallTimer';
import { DECISION_KEYS, DECISIONS, type DecisionKind } from '../hearing/DecisionPanel';
import { type HearingControl, HearingSection } from './HearingSection';
import { LeadPanel } from './LeadPanel';
import { NotesField } from './NotesField';
import { OutcomePicker } from './OutcomePicker';
import { type CallData, useCallData } from './use-call-data';
import { useCallSession } from './use-call-session';
import { nextLead } from './next-lead';
import { useDraft } from './use-draft';

// The decision a letter key opens (T, N, D, K), whatever the case.
const decisionOf = (key: string): DecisionKind | null => DECISIONS.find((k) => DECISION_KEYS[k] === key.toUpperCase()) ?? null;

const inHearing = (target: EventTarget | null): boolean => target instanceof Element && target.closest('[data-hearing]') !== null;

// One lead on one screen, worked from the keyboard: S starts, 1-9 picks the outcome, H goes to the
// hearing (where 1-9 pick the focused item's answer), T/N/D/K decide, Ctrl+Enter logs and moves on.
const CallWorkspace = ({ open, data }: { open: OpenLead; data: CallData }) => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { reasonText } = useReasonText();
  const closeLead = useCockpit((s) => s.closeLead);
  const openLead = useCockpit((s) => s.openLead);
  const filters = useCockpit((s) => s.filters);
  const hearing = useRef<HearingControl>(null);
  const outcomes = data.rules.rules.outcomes.filter((o) => o.enabled);
  const draft = useDraft(data.lead.id);
  const session = useCallSession(data, outcomes, draft);
  const [asking, setAsking] = useState(false);
  const notesRef = useRef<HTMLTextAreaElement>(null);

  // The listener is installed once, as the view commits (so a key pressed the moment it shows
  // counts); it always calls the latest handlers.
  // The hearing's answers are saved onto the lead with the call (the draft keeps them if that fails).
  const logAndNext = async () => {
    await hearing.current?.saveIfChanged();
    await session.logAndNext();
  };
  // Decided with no call in progress: move on as after a log; during a call the rep still logs it.
  const onDecided = () => {
    if (session.active) return;
    void nextLead(filters, data.lead.id).then((next) => (next ? openLead(next) : closeLead()));
  };
  const latest = useRef({ session, outcomes, logAndNext, back: () => {} });
  latest.current = { session, outcomes, logAndNext, back: () => (session.active ? setAsking(true) : closeLead()) };
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { session: s, outcomes: list, back, logAndNext: log } = latest.current;
      const typing = isTextEntry(event.target);
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void log();
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
      // In the hearing form a plain digit answers the focused item (the form handles it).
      if (digit !== null && (event.altKey || (!typing && !inHearing(event.target)))) {
        const outcome = list[digit - 1];
        if (outcome) {
          event.preventDefault();
          s.choose(outcome.code);
        }
        return;
      }
      if (typing || event.altKey) return;
      if (event.key === 's' || event.key === 'S' || (event.key === ' ' && !isActivatable(event.target) && !inHearing(event.target))) {
        event.preventDefault();
        void s.start();
      } else if (event.key === 'm' || event.key === 'M') {
        event.preventDefault();
        notesRef.current?.focus();
      } else if (event.key === 'h' || event.key === 'H') {
        event.preventDefault();
        hearing.current?.focus();
      } else if (decisionOf(event.key)) {
        event.preventDefault();
        hearing.current?.open(decisionOf(event.key)!);
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
          <HearingSection leadId={data.lead.id} callActive={session.active !== null} onDecided={onDecided} control={hearing} />
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
            <button type="button" className="button button-primary" disabled={session.busy} onClick={() => void logAndNext()}>
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
