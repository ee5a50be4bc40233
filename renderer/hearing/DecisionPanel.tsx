import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../../shared/domain/qualification';
import type { ReasonLists } from '../../shared/domain/reasons';
import type { StageAction } from '../../shared/domain/stage-machine';
import type { ApiError } from '../api/api-error';
import { useErrorText } from '../i18n/use-error-text';
import { useApp } from '../state/app-context';
import { reasonLabel } from './reason-label';

export const DECISIONS = ['qualify', 'nurture', 'disqualify', 'keep'] as const;
export type DecisionKind = (typeof DECISIONS)[number];

// The one key that opens each decision from the call view (outside text fields).
export const DECISION_KEYS: Record<DecisionKind, string> = { qualify: 'T', nurture: 'N', disqualify: 'D', keep: 'K' };

type Props = {
  kind: DecisionKind;
  check: Evaluation;
  reasons: ReasonLists;
  tomorrow: string;
  busy: boolean;
  error: ApiError | null;
  onKind: (kind: DecisionKind | null) => void;
  onDecide: (action: StageAction) => void;
  onKeep: () => void;
};

// The end of a hearing: TQL (an override with a reason when the definition is not met), nurture
// (reason and re-contact date), disqualify (coded reason and comment), or keep working. What is
// typed here stays when the decision is refused.
export const DecisionPanel = ({ kind, check, reasons, tomorrow, busy, error, onKind, onDecide, onKeep }: Props) => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const language = useApp((s) => s.language);
  const [override, setOverride] = useState(false);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [recontactOn, setRecontactOn] = useState('');
  const firstRef = useRef<HTMLElement | null>(null);
  useEffect(() => firstRef.current?.focus(), [kind]);

  const list = kind === 'nurture' ? reasons.nurture : reasons.disqualify;
  const needsOverride = kind === 'qualify' && !check.met;

  const submit = () => {
    if (kind === 'keep') return onKeep();
    const trimmed = comment.trim() ? { comment } : {};
    if (kind === 'qualify') onDecide({ kind: 'qualify', ...(needsOverride ? { override } : {}), ...trimmed });
    else if (kind === 'nurture') onDecide({ kind: 'nurture', ...(reason ? { reason } : {}), ...(recontactOn ? { recontactOn } : {}), ...trimmed });
    else onDecide({ kind: 'disqualify', ...(reason ? { reason } : {}), ...trimmed });
  };

  // Inside the panel, Ctrl+Enter confirms the decision (not "log the call") and Esc closes the
  // panel (not "back to the queue"); neither reaches the call view's keys.
  const onKeyDown = (event: KeyboardEvent) => {
    const confirm = event.key === 'Enter' && (event.ctrlKey || event.metaKey);
    if (!confirm && event.key !== 'Escape') return;
    event.preventDefault();
    event.nativeEvent.stopPropagation();
    if (confirm) {
      if (!busy) submit();
    } else onKind(null);
  };

  return (
    <form
      className={`decision decision-${kind}`}
      aria-labelledby="decision-title"
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      noValidate
    >
      <div className="decision-tabs" role="tablist" aria-label={t('hearing.decision.title')}>
        {DECISIONS.map((k) => (
          <button key={k} type="button" role="tab" aria-selected={k === kind} className="chip" onClick={() => onKind(k)}>
            {t(`hearing.decision.kind.${k}`)} <kbd className="kbd">{DECISION_KEYS[k]}</kbd>
          </button>
        ))}
      </div>
      <h3 id="decision-title" className="call-card-title">{t(`hearing.decision.kind.${kind}`)}</h3>
      {kind === 'qualify' && (
        <>
          <p className={check.met ? 'decision-note' : 'decision-note decision-warning'}>{check.met ? t('hearing.decision.meets') : t('hearing.decision.notMet')}</p>
          {needsOverride && (
            <label className="rules-check">
              <input ref={(el) => void (firstRef.current = el)} type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} />
              {t('hearing.decision.override')}
            </label>
          )}
        </>
      )}
      {(kind === 'nurture' || kind === 'disqualify') && (
        <div className="field">
          <label htmlFor="decision-reason" className="field-label">{t(`hearing.decision.reason.${kind}`)}</label>
          <select id="decision-reason" ref={(el) => void (firstRef.current = el)} className="input" value={reason} onChange={(e) => setReason(e.target.value)}>
            <option value="">{t('hearing.decision.chooseReason')}</option>
            {list
              .filter((r) => r.enabled)
              .map((r) => (
                <option key={r.code} value={r.code}>{reasonLabel(r, kind, language, t)}</option>
              ))}
          </select>
        </div>
      )}
      {kind === 'nurture' && (
        <div className="field">
          <label htmlFor="decision-recontact" className="field-label">{t('hearing.decision.recontactOn')}</label>
          <input id="decision-recontact" type="date" className="input" min={tomorrow} value={recontactOn} onChange={(e) => setRecontactOn(e.target.value)} />
        </div>
      )}
      {kind !== 'keep' ? (
        <div className="field">
          <label htmlFor="decision-comment" className="field-label">
            {needsOverride ? t('hearing.decision.overrideReason') : t('hearing.decision.comment')}
          </label>
          <textarea
            id="decision-comment"
            ref={(el) => void (kind === 'qualify' && !needsOverride && (firstRef.current = el))}
            className="input"
            rows={2}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </div>
      ) : (
        <p className="decision-note">{t('hearing.decision.keepHelp')}</p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className={needsOverride ? 'button button-danger' : 'button button-primary'} disabled={busy}>
          {busy ? t('hearing.decision.saving') : needsOverride ? t('hearing.decision.confirmOverride') : t(`hearing.decision.confirm.${kind}`)}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onKind(null)}>
          {t('hearing.decision.cancel')} <kbd className="kbd">Esc</kbd>
        </button>
      </div>
    </form>
  );
};
