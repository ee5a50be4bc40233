import { useEffect, useState } from 'react';
import type { ActiveCall, CallLog, RulesRecord } from '../../shared/api/calls';
import type { Lead } from '../../shared/domain/lead';
import { type ApiError, toApiError } from '../api/api-error';
import { invoke } from '../api/client';

export type CallData = { lead: Lead; history: CallLog[]; rules: RulesRecord; active: ActiveCall | null };

// Everything the call view shows about one lead, read when it opens.
export const useCallData = (leadId: string): { data: CallData | null; error: ApiError | null } => {
  const [state, setState] = useState<{ data: CallData | null; error: ApiError | null }>({ data: null, error: null });
  useEffect(() => {
    let live = true;
    setState({ data: null, error: null });
    Promise.all([
      invoke('leads.get', { id: leadId }),
      invoke('calls.list', { leadId, limit: 50 }),
      invoke('queue.rules', {}),
      invoke('calls.active', {}),
    ]).then(
      ([lead, history, rules, active]) =>
        live && setState({ data: { lead, history, rules, active: active.find((a) => a.leadId === leadId) ?? null }, error: null }),
      (error: unknown) => live && setState({ data: null, error: toApiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [leadId]);
  return state;
};
