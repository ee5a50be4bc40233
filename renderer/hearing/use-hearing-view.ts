import { useCallback, useEffect, useState } from 'react';
import type { HearingView } from '../../shared/api/qualification';
import { type ApiError, toApiError } from '../api/api-error';
import { invoke, onEvent } from '../api/client';

// A lead's hearing as the backend sees it, read again when the team lead publishes new
// definitions or a new script (the form on screen keeps what is typed).
export const useHearingView = (leadId: string) => {
  const [view, setView] = useState<HearingView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(
    () =>
      invoke('hearing.get', { leadId }).then(
        (next) => {
          setView(next);
          setError(null);
          return next;
        },
        (caught: unknown) => {
          setError(toApiError(caught));
          return null;
        },
      ),
    [leadId],
  );
  useEffect(() => {
    void reload();
    return onEvent((event) => {
      if (event.name === 'definitions.changed' || event.name === 'script.changed') void reload();
    });
  }, [reload]);
  return { view, error, setView, reload };
};
