import { useCallback, useEffect, useState } from 'react';
import type { PickedFile } from '../../shared/api';
import type { ApiEvents } from '../../shared/api/events';
import type { Cp932Problem, ExportRecord } from '../../shared/api/exports';
import { toApiError, type ApiError } from '../api/api-error';
import { hostBridge, invoke, onEvent } from '../api/client';
import { runInput, suggestedFileName, type ExportOptions } from './export-options';

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ApiEvents['export.progress'] | null }
  | { kind: 'written'; record: ExportRecord }
  | { kind: 'unrepresentable'; problems: Cp932Problem[]; total: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: ApiError };


// Runs an export: asks the host where to save, streams it with progress, hands the file over.
// `written` bumps so the export log reloads.
export const useExportRun = () => {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const [written, setWritten] = useState(0);
  const running = state.kind === 'running';

  useEffect(() => {
    if (!running) return undefined;
    return onEvent((event) => {
      if (event.name === 'export.progress') setState((s) => (s.kind === 'running' ? { kind: 'running', progress: event.payload } : s));
    });
  }, [running]);

  const run = useCallback(async (options: ExportOptions): Promise<void> => {
    let file: PickedFile | null;
    try {
      const bridge = hostBridge();
      if (!bridge) throw new Error('window.bantam is not installed');
      file = await bridge.pickExportFile(suggestedFileName(options.format, new Date()));
    } catch (caught) {
      setState({ kind: 'failed', error: toApiError(caught) });
      return;
    }
    if (!file) return;
    setState({ kind: 'running', progress: null });
    try {
      const outcome = await invoke('exports.run', runInput(options, file.path));
      if (outcome.kind === 'unrepresentable') {
        setState(outcome);
        return;
      }
      await hostBridge()?.deliverExportFile({ path: outcome.path, name: outcome.record.fileName });
      setState({ kind: 'written', record: outcome.record });
      setWritten((n) => n + 1);
    } catch (caught) {
      const error = toApiError(caught);
      setState(error.messageKey === 'exports.errors.cancelled' ? { kind: 'cancelled' } : { kind: 'failed', error });
    }
  }, []);

  const cancel = useCallback(async (): Promise<void> => {
    await invoke('exports.cancel', {}).catch(() => undefined);
  }, []);

  return { state, run, cancel, written };
};
