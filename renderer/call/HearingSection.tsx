import '../styles/hearing.css';
import { type KeyboardEvent, type Ref, useImperativeHandle, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HearingView, StageDecision } from '../../shared/api/qualification';
import { addDays, jstDay } from '../../shared/domain/business-time';
import type { StageAction } from '../../shared/domain/stage-machine';
import { type ApiError, toApiError } from '../api/api-error';
import { DecisionPanel, type DecisionKind } from '../hearing/DecisionPanel';
import { HandoffLauncher } from '../handoff/HandoffLauncher';
import { DraftLine } from '../hearing/DraftLine';
import { HearingItemFields } from '../hearing/HearingItemFields';
import { LiveCheck } from '../hearing/LiveCheck';
import { useHearingForm } from '../hearing/use-hearing-form';
import { useHearingView } from '../hearing/use-hearing-view';
import { useErrorText } from '../i18n/use-error-text';
import { formatJst } from '../queue/jst-time';
import { useApp } from '../state/app-context';

// What the call view asks of the hearing from its own keys.
export type HearingControl = {
  focus: () => void;
  open: (kind: DecisionKind) => void;
  saveIfChanged: () => Promise<void>;
};

type Props = { leadId: string; callActive: boolean; onDecided: (decision: StageDecision) => void; control: Ref<HearingControl> };

const HearingForm = ({ view, setView, reload, callActive, onDecided, control }: Omit<Props, 'leadId'> & { view: HearingView; setView: (view: HearingView) => void; reload: () => Promise<unknown> }) => {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const hearing = useHearingForm(view, setView);
  const { register, setValue, formState } = hearing.form;
  const [kind, setKind] = useState<DecisionKind | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [decisionError, setDecisionError] = useState<ApiError | null>(null);
  const [decided, setDecided] = useState<StageDecision | null>(null);
  // The decisions are named after the stage actions; keeping on is always possible.
  const allowed = (k: DecisionKind) => k === 'keep' || view.actions.includes(k);

  const open = (k: DecisionKind | null) => {
    setDecisionError(null);
    if (k && !allowed(k)) {
      setNotice(t('hearing.decision.unavailable', { action: t(`hearing.decision.kind.${k}`), stage: t(`stage.${view.stage}`) }));
      return;
    }
    setNotice(null);
    setKind(k);
  };

  useImperativeHandle(control, () => ({
    focus: () => document.querySelector<HTMLInputElement>('.hearing-form input:not([disabled]), .hearing-form textarea')?.focus(),
    open,
    saveIfChanged: hearing.saveIfChanged,
  }));

  const decide = async (action: StageAction) => {
    setBusy(true);
    setDecisionError(null);
    try {
      const result = await hearing.decide(action);
      if (result === 'invalid') return setNotice(t('hearing.errors.fixFirst'));
      setDecided(result);
      setKind(null);
      onDecided(result);
    } catch (caught) {
      const error = toApiError(caught);
      setDecisionError(error);
      // Someone changed the lead meanwhile: read its version again; everything typed stays.
      if (error.code === 'conflict') await reload();
    } finally {
      setBusy(false);
    }
  };

  const keep = async () => {
    if (await hearing.save()) {
      setKind(null);
      setNotice(t('hearing.decision.kept'));
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 's' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void hearing.save();
    }
  };

  return (
    <div className="hearing" data-hearing>
      <form className="hearing-form" onKeyDown={onKeyDown} onBlur={() => void hearing.draft.flush()} onSubmit={(e) => e.preventDefault()} noValidate>
        {view.script.items.map((item) => (
          <HearingItemFields key={item.item} script={item} missing={hearing.missing.includes(item.item)} register={register} setValue={setValue} errors={formState.errors} readOnly={busy} />
        ))}
        <DraftLine status={hearing.draft.status} />
        {hearing.saveError && <SaveError error={hearing.saveError} />}
        <div className="form-actions">
          <button type="button" className="button" onClick={() => void hearing.save()}>
            {t('hearing.form.save')} <kbd className="kbd">Ctrl+S</kbd>
          </button>
          {hearing.savedAt && !formState.isDirty && <span className="form-saved" role="status">{t('hearing.form.saved', { time: formatJst(hearing.savedAt, language) })}</span>}
        </div>
      </form>
      <LiveCheck check={hearing.check} nurture={hearing.nurture} missingRequired={hearing.missing} version={view.definitions.version} />
      {decided && (
        <p className="decision-done" role="status">
          {t('hearing.decision.done', { stage: t(`stage.${decided.lead.stage}`), version: decided.transition.definitionVersion })}
          {decided.transition.override && ` ${t('hearing.decision.doneOverride')}`}
          {callActive && ` ${t('hearing.decision.logCall')}`}
        </p>
      )}
      {decided?.lead.stage === 'tql' && <HandoffLauncher leadId={decided.lead.id} />}
      {notice && <p className="field-help" role="status">{notice}</p>}
      {kind ? (
        <DecisionPanel
          kind={kind}
          check={hearing.check}
          reasons={view.definitions.reasons}
          tomorrow={addDays(jstDay(new Date()), 1)}
          busy={busy}
          error={decisionError}
          onKind={open}
          onDecide={(action) => void decide(action)}
          onKeep={() => void keep()}
        />
      ) : (
        <p className="field-help">{t('hearing.decision.keys')}</p>
      )}
    </div>
  );
};

const SaveError = ({ error }: { error: ApiError }) => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return <p className="form-error" role="alert">{t('hearing.form.saveFailed')} {errorText(error)}</p>;
};

// The BANT hearing in the call view: the script's items as a form, the live check against the
// team's TQL definition, and the decision that ends the hearing.
export const HearingSection = ({ leadId, ...props }: Props) => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { view, error, setView, reload } = useHearingView(leadId);
  return (
    <section className="call-card call-hearing" aria-labelledby="call-hearing-title">
      <h2 id="call-hearing-title" className="call-card-title">
        {t('call.hearing.title')} <kbd className="kbd">H</kbd>
        {view && <span className={`chip stage-${view.stage}`}>{t(`stage.${view.stage}`)}</span>}
        {view && <span className="hearing-version">{t('hearing.form.scriptVersion', { version: view.script.version })}</span>}
      </h2>
      {error && <p className="form-error" role="alert">{t('hearing.form.loadFailed')} {errorText(error)}</p>}
      {!view && !error && <p className="view-loading">{t('hearing.form.loading')}</p>}
      {view && <HearingForm view={view} setView={setView} reload={reload} {...props} />}
    </section>
  );
};
