import { useCallback, useEffect, useState } from 'react';
import type { HandoffInbox, HandoffStatus } from '../../shared/api/handoff';
import { type ApiError, toApiError } from '../api/api-error';
import { invoke, onEvent } from '../api/client';

export type InboxQuery = { status: HandoffStatus | 'all'; mine: boolean; assignee?: string };

// The inbox as the backend computes it (SLA clock included), read again whenever a handoff
// changes and once a minute so the time left stays true.
export const useHandoffInbox = (query: InboxQuery) => {
  const [inbox, setInbox] = useState<HandoffInbox | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const { status, mine, assignee } = query;
  const load = useCallback(async () => {
    try {
      setInbox(await invoke('handoff.inbox', { status, mine, ...(assignee ? { assignee } : {}) }));
      setError(null);
    } catch (caught) {
      setError(toApiError(caught));
    }
  }, [status, mine, assignee]);
  useEffect(() => {
    void load();
    const stop = onEvent((event) => {
      if (event.name === 'handoffs.changed') void load();
    });
    const timer = window.setInterval(() => void load(), 60_000);
    return () => {
      stop();
      window.clearInterval(timer);
    };
  }, [load]);
  return { inbox, error, reload: load };
};
