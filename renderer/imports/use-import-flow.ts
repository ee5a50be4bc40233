import { useCallback, useRef, useState } from 'react';
import type { PickedFile } from '../../shared/api';
import type { ImportPreview, ImportResult } from '../../shared/api/imports';
import type { ColumnMapping } from '../../shared/domain/import-mapping';
import { type ApiError, toApiError } from '../api/api-error';
import { invoke } from '../api/client';
import { pickImportFile } from '../api/pick-file';
import { applyOverrides, type ImportChoices, INITIAL_CHOICES, toOptions, toOverrides } from './import-options';

export type Busy = 'pick' | 'preview' | 'commit' | null;

export type ImportFlow = {
  file: PickedFile | null;
  choices: ImportChoices;
  preview: ImportPreview | null;
  busy: Busy;
  error: ApiError | null;
  // What failed last, so a failed (or cancelled) preview can be run again as it was.
  failed: Busy;
  // The preset whose mapping the preview shows, when one was chosen.
  preset: string | null;
  pick: () => Promise<void>;
  change: (patch: Partial<Omit<ImportChoices, 'overrides'>>) => void;
  changeMapping: (header: string, target: ColumnMapping[number]['target']) => void;
  // The result, or null when it failed (the error is then in `error`).
  commit: () => Promise<ImportResult | null>;
  // Asks the backend to stop the running preview or commit; it then fails as cancelled.
  cancel: () => Promise<void>;
  // Runs the last preview again with the same choices.
  retry: () => void;
  applyPreset: (name: string) => void;
};

type PreviewRun = { target: PickedFile; next: ImportChoices; mapping: ColumnMapping | undefined; preset?: string };

// The import flow's state: the chosen file, the user's choices, and the backend's latest answer.
// Every change re-runs the preview; a stale answer (an older request) is dropped.
export const useImportFlow = (): ImportFlow => {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [choices, setChoices] = useState<ImportChoices>(INITIAL_CHOICES);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [failed, setFailed] = useState<Busy>(null);
  const [preset, setPreset] = useState<string | null>(null);
  const sequence = useRef(0);
  const lastRun = useRef<PreviewRun | null>(null);

  const fail = (caught: unknown, what: Busy): void => {
    setError(toApiError(caught));
    setFailed(what);
  };

  const runPreview = useCallback(async (target: PickedFile, next: ImportChoices, mapping: ColumnMapping | undefined, chosen?: string) => {
    const id = ++sequence.current;
    lastRun.current = { target, next, mapping, preset: chosen };
    setBusy('preview');
    setError(null);
    setFailed(null);
    try {
      let answer = await invoke('imports.preview', toOptions(target, next, mapping, chosen));
      // Headers read afresh (new file, encoding or sheet): lay the user's own choices over them.
      const merged = mapping || chosen ? null : applyOverrides(answer.mapping, next.overrides);
      if (merged && id === sequence.current) answer = await invoke('imports.preview', toOptions(target, next, merged));
      if (id !== sequence.current) return;
      setPreview(answer);
      // A preset's mapping becomes the user's choice, kept when the headers are read again.
      if (chosen) setChoices({ ...next, overrides: toOverrides(answer.mapping) });
      setPreset(chosen ?? null);
    } catch (caught) {
      if (id === sequence.current) fail(caught, 'preview');
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
      setPreset(null);
      await runPreview(picked, next, undefined);
    } catch (caught) {
      fail(caught, 'pick');
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
    setFailed(null);
    try {
      const result = await invoke('imports.commit', toOptions(file, choices, preview.mapping));
      setBusy(null);
      return result;
    } catch (caught) {
      fail(caught, 'commit');
      setBusy(null);
      return null;
    }
  }, [choices, file, preview]);

  const cancel = useCallback(async (): Promise<void> => {
    try {
      await invoke('imports.cancel', {});
    } catch (caught) {
      fail(caught, busy);
    }
  }, [busy]);

  const retry = useCallback(() => {
    const run = lastRun.current;
    if (run) void runPreview(run.target, run.next, run.mapping, run.preset);
  }, [runPreview]);

  const applyPreset = useCallback(
    (name: string) => {
      if (file) void runPreview(file, choices, undefined, name);
    },
    [choices, file, runPreview],
  );

  return { file, choices, preview, busy, error, failed, preset, pick, change, changeMapping, commit, cancel, retry, applyPreset };
};
