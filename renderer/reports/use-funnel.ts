import { useEffect, useState } from 'react';
import type { FunnelInput, FunnelReport } from '../../shared/api/reports';
import { toApiError, type ApiError } from '../api/api-error';
import { invoke } from '../api/client';

export type FunnelState =
  | { kind: 'idle' }
  | { kind: 'loading'; last: FunnelReport | null }
  | { kind: 'ready'; report: FunnelReport; ms: number }
  | { kind: 'failed'; error: ApiError };

// Reads the report whenever the input (or `version`, bumped when leads change) moves; an answer
// to an older input is dropped. The last report stays on screen while the next one is counted.
export const useFunnel = (input: FunnelInput | null, version: number): FunnelState => {
  const [state, setState] = useState<FunnelState>({ kind: 'idle' });
  const key = input === null ? null : JSON.stringify(input);
  useEffect(() => {
    if (key === null) return undefined;
    let live = true;
    const started = performance.now();
    setState((s) => ({ kind: 'loading', last: s.kind === 'ready' ? s.report : s.kind === 'loading' ? s.last : null }));
    invoke('reports.funnel', JSON.parse(key) as FunnelInput).then(
      (report) => {
        if (live) setState({ kind: 'ready', report, ms: Math.round(performance.now() - started) });
      },
      (caught: unknown) => {
        if (live) setState({ kind: 'failed', error: toApiError(caught) });
      },
    );
    return () => {
      live = false;
    };
  }, [key, version]);
  return state;
};
