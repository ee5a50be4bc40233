import { useEffect, useState } from 'react';
import type { ApiEvents } from '../../shared/api/events';
import { onEvent } from '../api/client';
import type { Busy } from './use-import-flow';

export type ImportProgress = ApiEvents['import.progress'];

// The backend's latest progress report for the running preview or commit; null when none runs.
export const useImportProgress = (busy: Busy): ImportProgress | null => {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const mode = busy === 'preview' || busy === 'commit' ? busy : null;

  useEffect(() => {
    setProgress(null);
    if (!mode) return undefined;
    return onEvent((event) => {
      if (event.name === 'import.progress' && event.payload.mode === mode) setProgress(event.payload);
    });
  }, [mode]);

  return mode ? progress : null;
};
