import { useCallback, useRef, useState } from 'react';
import type { PickedFile } from '../../shared/api';
import type { ImportPreview, ImportResult } from '../../shared/api/imports';
import type { ColumnMapping } from '../../shared/domain/import-mapping';
import { type ApiError, toApiError } from '../api/api-error';
import { invoke } from '../api/client';
import { pickImportFile } from '../api/pick-file';
import { applyOverrides, type ImportChoices, INITIAL_CHOICES, toOptions } from './import-options';

export type Busy = 'pick' | 'preview' | 'commit' | null;

export type ImportFlow = {
  file: PickedFile | null;
  choices: ImportChoices;
  preview: ImportPreview | null;
  busy: Busy;
  error: ApiError | null;
  pick: () => Promise<void>;
  change: (patch: Partial<Omit<ImportChoices, 'overrides'>>) => void;
  changeMapping: (header: string, target: ColumnMapping[number]['target']) => void;
  // The result, or null when it failed (the error is then in `error`).
  commit: () => Promise<ImportResult | null>;
};

// The import flow's state: the chosen file, the user's choices, and the backend's latest answer.
// Every change re-runs the preview; a stale answer (an older request) is dropped.
export const useImportFlow = (): ImportFlow => {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [choices, setChoices] = useState<ImportChoices>(INITIAL_CHOICES);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const sequence = useRef(0);

  const runPreview = useCallback(async (target: PickedFile, next: ImportChoices, mapping: ColumnMapping | undefined) => {
    const id = ++sequence.current;
    setBusy('preview');
    setError(null);
    try {
      let answer = await invoke('imports.preview', toOptions(target, next, mapping));
      // Headers read afresh (new file, encoding or sheet): lay the user's own choices over them.
      const merged = mapping ? null : applyOverrides(answer.mapping, next.overrides);
      if (merged && id === sequence.current) answer = await invoke('imports.preview', toOptions(target, next, merged));
      if (id !== sequence.current) return;
      setPreview(answer);
    } catch (caught) {
      if (id === sequence.current) setError(toApiError(caught));
    } finally {
      if (id === sequence.current) setBusy(null);
    }
  }, []);

  const pick = useCallback(async () => {
    setBusy('pick');
    setError(null);
    try {
      const picked = await pickImportFile();
      if (!picked) return setBusy(null);
      // A new file starts from its own headers; the duplicate policy is kept.
      const next: ImportChoices = { ...INITIAL_CHOICES, onDuplicate: choices.onDuplicate };
      setFile(picked);
      setChoices(next);
      setPreview(null);
      await runPreview(picked, next, undefined);
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(null);
    }
  }, [choices.onDuplicate, runPreview]);

  const change = useCallback<ImportFlow['change']>(
    (patch) => {
      const next = { ...choices, ...patch };
      setChoices(next);
      if (!file) return;
      // Another encoding or sheet may give other headers, so the mapping is suggested again.
      const rereads = patch.encoding !== undefined || patch.sheet !== undefined;
      void runPreview(file, next, rereads ? undefined : preview?.mapping);
    },
    [choices, file, preview, runPreview],
  );

  const changeMapping = useCallback<ImportFlow['changeMapping']>(
    (header, target) => {
      if (!file || !preview) return;
      const next = { ...choices, overrides: { ...choices.overrides, [header]: target } };
      setChoices(next);
      const mapping = preview.mapping.map((entry) => (entry.header === header ? { header, target } : entry));
      setPreview({ ...preview, mapping });
      void runPreview(file, next, mapping);
    },
    [choices, file, preview, runPreview],
  );

  const commit = useCallback(async (): Promise<ImportResult | null> => {
    if (!file || !preview) return null;
    setBusy('commit');
    setError(null);
    try {
      const result = await invoke('imports.commit', toOptions(file, choices, preview.mapping));
      setBusy(null);
      return result;
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(null);
      return null;
    }
  }, [choices, file, preview]);

  return { file, choices, preview, busy, error, pick, change, changeMapping, commit };
};
