import { useEffect, useState } from 'react';
import type { StageDefinitions } from '../../shared/domain/stage-definitions';
import { invoke, onEvent } from '../api/client';

// The team's current definitions (null until read, or when they cannot be read: callers fall back
// to catalog words), read again whenever the team lead publishes a new version.
export const useDefinitions = (): StageDefinitions | null => {
  const [definitions, setDefinitions] = useState<StageDefinitions | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      invoke('definitions.get', {}).then(
        (current) => live && setDefinitions(current),
        () => undefined,
      );
    void load();
    const unsubscribe = onEvent((event) => {
      if (event.name === 'definitions.changed') void load();
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);
  return definitions;
};
