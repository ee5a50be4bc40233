import { useCallback, useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../api/api-error';

type Versioned = { version: number; updatedAt: string; updatedBy: string };

// A record the team lead edits as one versioned whole (definitions, script): saved against the
// version being edited; on a conflict the edits stay and the newer version is read to name it.
export const useVersioned = <R extends Versioned, C>(load: () => Promise<R>, publish: (content: C, version: number) => Promise<R>) => {
  const [record, setRecord] = useState<R | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [latest, setLatest] = useState<R | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    load().then(setRecord, (error: unknown) => setLoadError(toApiError(error)));
    // Loaded once: later versions arrive through a conflict, never over the edits on screen.
  }, []);

  const save = useCallback(
    async (content: C): Promise<R | null> => {
      if (!record) return null;
      setSaving(true);
      setSaved(false);
      setSaveError(null);
      setLatest(null);
      try {
        const next = await publish(content, record.version);
        setRecord(next);
        setSaved(true);
        return next;
      } catch (caught) {
        const error = toApiError(caught);
        setSaveError(error);
        if (error.code === 'conflict') setLatest(await load().catch(() => null));
        return null;
      } finally {
        setSaving(false);
      }
    },
    [record, publish, load],
  );

  // Editing on top of the newer version: its number becomes the one saved against.
  const rebase = useCallback(() => {
    if (latest) setRecord(latest);
    setLatest(null);
    setSaveError(null);
  }, [latest]);

  return { record, loadError, saveError, latest, saving, saved, save, rebase, setSaved };
};
