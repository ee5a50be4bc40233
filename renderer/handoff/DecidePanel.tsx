import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Handoff, HandoffPacket } from '../../shared/api/handoff';
import { addDays, jstDay } from '../../shared/domain/business-time';
import { REJECT_GROUPS, type ReasonLists } from '../../shared/domain/reasons';
import { REJECT_TARGETS } from '../../shared/domain/stage-machine';
import { type ApiError, toApiError } from '../api/api-error';
import { invoke } from '../api/client';
import { reasonLabel } from '../hearing/reason-label';
import { useErrorText } from '../i18n/use-error-text';
import { useApp } from '../state/app-context';

type Props = { packet: HandoffPacket; onDecided: (handoff: Handoff, message: string) => void };
type Mode = 'accept' | 'reject';

// Field sales' decision on a pending handoff: accept (SAL), or send back with a coded reason from
// the team's list, grouped, and a comment; then, once accepted, confirm the deal (SQL).
export const DecidePanel = ({ packet, onDecided }: Props) => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const language = useApp((s) => s.language);
  const ids = useId();
  const [reasons, setReasons] = useState<ReasonLists | null>(null);
  const [mode, setMode] = useState<Mode>('accept');
  const [to, setTo] = useState<(typeof REJECT_TARGETS)[number]>('mql');
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const [recontactOn, setRecontactOn] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    invoke('definitions.get', {})
      .then((definitions) => live && setReasons(definitions.reasons))
      .catch((caught: unknown) => live && setError(toApiError(caught)));
    return () => {
      live = false;
    };
  }, []);

  const run = async (call: () => Promise<Handoff>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      onDecided(await call(), message);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  const trimmed = comment.trim() ? { comment } : {};

  if (packet.status === 'accepted') {
    if (packet.dealConfirmedAt || packet.lead.stage !== 'sal') return null;
    return (
      <div className="handoff-decide">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void run(() => invoke('handoff.confirmDeal', { id: packet.id }), t('handoff.decide.dealConfirmed'))}>
          {t('handoff.decide.confirmDeal')}
        </button>
        {error && <p className="form-error" role="alert">{errorText(error)}</p>}
      </div>
    );
  }
  if (packet.status !== 'pending') return null;

  const enabled = reasons?.reject.filter((r) => r.enabled) ?? [];
  const tomorrow = addDays(jstDay(new Date()), 1);
  return (
    <form
      className="handoff-decide"
      aria-label={t('handoff.decide.reject')}
      onSubmit={(event) => {
        event.preventDefault();
        if (mode === 'accept') void run(() => invoke('handoff.accept', { id: packet.id, ...trimmed }), t('handoff.decide.accepted'));
        else void run(() => invoke('handoff.reject', { id: packet.id, to, ...(reason ? { reason } : {}), ...trimmed, ...(to === 'nurture' && recontactOn ? { recontactOn } : {}) }), t('handoff.decide.rejected'));
      }}
      noValidate
    >
      <div className="decision-tabs" role="tablist">
        {(['accept', 'reject'] as const).map((m) => (
          <button key={m} type="button" role="tab" aria-selected={mode === m} className="chip" onClick={() => setMode(m)}>
            {t(`handoff.decide.${m}`)}
          </button>
        ))}
      </div>
      {mode === 'reject' && (
        <>
          <div className="field">
            <label htmlFor={`${ids}-reason`} className="field-label">{t('handoff.decide.reason')}</label>
            <select id={`${ids}-reason`} className="input" value={reason} onChange={(e) => setReason(e.target.value)}>
              <option value="">{t('handoff.decide.chooseReason')}</option>
              {REJECT_GROUPS.map((group) => (
                <optgroup key={group} label={t(`qualification.rejectGroup.${group}`)}>
                  {enabled
                    .filter((r) => r.group === group)
                    .map((r) => (
                      <option key={r.code} value={r.code}>{reasonLabel(r, 'reject', language, t)}</option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
          <fieldset className="field handoff-choices">
            <legend className="field-label">{t('handoff.decide.to')}</legend>
            {REJECT_TARGETS.map((target) => (
              <label key={target} className="rules-check">
                <input type="radio" name={`${ids}-to`} checked={to === target} onChange={() => setTo(target)} />
                {t(`qualification.rejectTarget.${target}`)}
              </label>
            ))}
          </fieldset>
          {to === 'nurture' && (
            <div className="field">
              <label htmlFor={`${ids}-recontact`} className="field-label">{t('handoff.decide.recontactOn')}</label>
              <input id={`${ids}-recontact`} type="date" className="input" min={tomorrow} value={recontactOn} onChange={(e) => setRecontactOn(e.target.value)} />
            </div>
          )}
        </>
      )}
      <div className="field">
        <label htmlFor={`${ids}-comment`} className="field-label">{t('handoff.decide.comment')}</label>
        <textarea id={`${ids}-comment`} className="input" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      {error && <p className="form-error" role="alert">{errorText(error)}</p>}
      <div className="form-actions">
        <button type="submit" className={mode === 'accept' ? 'button button-primary' : 'button button-danger'} disabled={busy}>
          {mode === 'accept' ? t('handoff.decide.accept') : t('handoff.decide.send')}
        </button>
      </div>
    </form>
  );
};
