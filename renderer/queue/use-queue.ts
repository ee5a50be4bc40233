import { useCallback, useEffect, useState } from 'react';
import type { DayStats, QueueView } from '../../shared/api/calls';
import { type ApiError, toApiError } from '../api/api-error';
import { invoke } from '../api/client';
import { useCockpit } from './cockpit-context';
import { toQueueInput } from './cockpit-store';

export type QueueState = { queue: QueueView | null; day: DayStats | null; error: ApiError | null; loading: boolean };

// The queue and the rep's day, read again whenever the filters change or the backend says the queue moved.
export const useQueue = (): QueueState & { reload: () => void } => {
  const filters = useCockpit((s) => s.filters);
  const version = useCockpit((s) => s.queueVersion);
  const [state, setState] = useState<QueueState>({ queue: null, day: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    Promise.all([invoke('queue.get', toQueueInput(filters)), invoke('calls.today', {})]).then(
      ([queue, day]) => live && setState({ queue, day, error: null, loading: false }),
      // The last good queue stays on screen next to the error.
      (error: unknown) => live && setState((s) => ({ ...s, error: toApiError(error), loading: false })),
    );
    return () => {
      live = false;
    };
  }, [filters, version, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
};
