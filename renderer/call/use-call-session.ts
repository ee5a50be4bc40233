import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActiveCall } from '../../shared/api/calls';
import type { CallOutcome } from '../../shared/domain/calling';
import { type ApiError, toApiError } from '../api/api-error';
import { invoke } from '../api/client';
import { useCockpit } from '../queue/cockpit-context';
import type { CallbackValue } from './CallbackPicker';
import { nextLead } from './next-lead';
import type { CallData } from './use-call-data';
import type { useDraft } from './use-draft';

type Draft = ReturnType<typeof useDraft>;

// One call on one lead: start (timer), outcome, callback, log and move on, or abandon.
// Nothing the rep entered is cleared unless the log succeeded.
export const useCallSession = (data: CallData, outcomes: CallOutcome[], draft: Draft) => {
  const { t } = useTranslation();
  const filters = useCockpit((s) => s.filters);
  const openLead = useCockpit((s) => s.openLead);
  const closeLead = useCockpit((s) => s.closeLead);
  const leadId = data.lead.id;
  const [active, setActive] = useState<ActiveCall | null>(data.active);
  // The timer runs on this machine's clock from the moment the start was acknowledged.
  const [startedAt, setStartedAt] = useState<number | null>(data.active ? Date.parse(data.active.startedAt) : null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [callback, setCallback] = useState<CallbackValue>({ at: null, note: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const starting = useRef<Promise<ActiveCall | null> | null>(active ? Promise.resolve(active) : null);
  const logging = useRef(false);
  const chosen = outcomes.find((o) => o.code === outcome) ?? null;

  const start = useCallback((): Promise<ActiveCall | null> => {
    // A second S while the first start is in flight is the same start.
    starting.current ??= invoke('calls.start', { leadId, phoneNumber: data.lead.phone ?? data.lead.mobile }).then(
      (call) => {
        setActive(call);
        setStartedAt(Date.now());
        return call;
      },
      (caught: unknown) => {
        starting.current = null;
        setError(toApiError(caught));
        return null;
      },
    );
    return starting.current;
  }, [leadId, data.lead.phone, data.lead.mobile]);

  const choose = useCallback((code: string) => {
    setOutcome(code);
    setProblem(null);
  }, []);

  const logAndNext = useCallback(async (): Promise<void> => {
    if (logging.current) return;
    if (!chosen) return setProblem(t('call.log.needOutcome', { max: outcomes.length }));
    if (chosen.effect === 'callback' && !callback.at) return setProblem(t('call.callback.required'));
    if (chosen.effect === 'callback' && callback.at && Date.parse(callback.at) <= Date.now()) return setProblem(t('call.callback.past'));
    logging.current = true;
    setBusy(true);
    setProblem(null);
    setError(null);
    try {
      await draft.flush();
      const call = await start();
      if (!call) return;
      const withCallback = chosen.effect === 'callback' && callback.at ? { callbackAt: callback.at, ...(callback.note ? { callbackNote: callback.note } : {}) } : {};
      await invoke('calls.log', { callId: call.id, outcome: chosen.code, note: draft.read(), ...withCallback });
    } catch (caught) {
      setError(toApiError(caught));
      return;
    } finally {
      logging.current = false;
      setBusy(false);
    }
    // Logged: the draft is spent, and the next lead opens (or the queue, when there is none).
    draft.forget();
    const next = await nextLead(filters, leadId);
    if (next) openLead(next);
    else closeLead();
  }, [chosen, callback, outcomes.length, draft, start, filters, leadId, openLead, closeLead, t]);

  const abandon = useCallback(async (): Promise<void> => {
    try {
      await draft.flush();
      if (active) await invoke('calls.abandon', { callId: active.id });
      closeLead();
    } catch (caught) {
      setError(toApiError(caught));
    }
  }, [active, draft, closeLead]);

  return { active, startedAt, outcome, chosen, callback, setCallback, problem, error, busy, start, choose, logAndNext, abandon };
};
