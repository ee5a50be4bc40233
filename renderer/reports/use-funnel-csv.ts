import { useCallback, useState } from 'react';
import type { PickedFile } from '../../shared/api';
import type { FunnelCsvOutcome, FunnelInput } from '../../shared/api/reports';
import { toApiError, type ApiError } from '../api/api-error';
import { hostBridge, invoke } from '../api/client';

export type FunnelCsvState = { kind: 'idle' } | { kind: 'running' } | { kind: 'written'; outcome: FunnelCsvOutcome } | { kind: 'failed'; error: ApiError };


// The export's file route: the host's save dialog (which asks before replacing a file), the
// backend writes, the host hands the file over (the web host downloads it).
export const useFunnelCsv = () => {
  const [state, setState] = useState<FunnelCsvState>({ kind: 'idle' });
  const run = useCallback(async (report: FunnelInput, suggestedName: string): Promise<void> => {
    let file: PickedFile | null;
    try {
      const bridge = hostBridge();
      if (!bridge) throw new Error('window.bantam is not installed');
      file = await bridge.pickExportFile(suggestedName);
    } catch (caught) {
      setState({ kind: 'failed', error: toApiError(caught) });
      return;
    }
    if (!file) return;
    setState({ kind: 'running' });
    try {
      const outcome = await invoke('reports.funnelCsv', { report, path: file.path, overwrite: true });
      await hostBridge()?.deliverExportFile({ path: outcome.path, name: outcome.fileName });
      setState({ kind: 'written', outcome });
    } catch (caught) {
      setState({ kind: 'failed', error: toApiError(caught) });
    }
  }, []);
  return { state, run };
};
