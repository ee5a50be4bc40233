import { useCallback, useEffect, useState } from 'react';
import type { MappingPreset } from '../../shared/api/imports';
import { invoke } from '../api/client';

// The saved column mappings; refresh() after saving one.
export const usePresets = (): { presets: MappingPreset[]; refresh: () => Promise<void> } => {
  const [presets, setPresets] = useState<MappingPreset[]>([]);

  const refresh = useCallback(async (): Promise<void> => {
    try {
      const list = await invoke('imports.presets', {});
      setPresets([...list].sort((a, b) => a.name.localeCompare(b.name)));
    } catch {
      // No list is no loss: the select stays as it was and the mapping can be set by hand.
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { presets, refresh };
};
