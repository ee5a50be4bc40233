import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../api/api-error';

// Typing pauses shorter than this are one burst; well under the one second a crash may cost.
export const DRAFT_DEBOUNCE_MS = 300;

export type DraftStatus = { kind: 'idle' } | { kind: 'restored' } | { kind: 'loadFailed'; error: ApiError } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; error: ApiError };

// Where a draft lives: how to read the stored one and how to keep a new one.
export type DraftStore<T> = {
  load: () => Promise<T | null>;
  save: (value: T) => Promise<{ savedAt: string }>;
  // Called with the stored draft when it replaces what is on screen.
  restore: (value: T) => void;
};

// Something being typed, kept as a draft in the store: debounced saves, flushed on blur, when the
// window hides or closes, and before it is used. A failed save keeps the value and retries on the
// next change or flush. `key` names what is edited (a lead); a new key starts over.
export const useAutosave = <T,>(key: string, initial: T, store: DraftStore<T>) => {
  const [status, setStatus] = useState<DraftStatus>({ kind: 'idle' });
  const valueRef = useRef(initial);
  const storeRef = useRef(store);
  storeRef.current = store;
  const dirty = useRef(false);
  // Set by the first change: from then on the stored draft must not replace what was typed.
  const touched = useRef(false);
  const timer = useRef<number | null>(null);
  // Saves run one after another, so an older value never lands after a newer one.
  const chain = useRef<Promise<void>>(Promise.resolve());

  const save = useCallback((): Promise<void> => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    if (!dirty.current) return chain.current;
    dirty.current = false;
    const value = valueRef.current;
    chain.current = chain.current.then(async () => {
      setStatus({ kind: 'saving' });
      try {
        const saved = await storeRef.current.save(value);
        setStatus({ kind: 'saved', at: saved.savedAt });
      } catch (error) {
        // Still unsaved: the next change or flush tries again.
        dirty.current = true;
        setStatus({ kind: 'failed', error: toApiError(error) });
      }
    });
    return chain.current;
  }, []);

  const change = useCallback(
    (value: T) => {
      valueRef.current = value;
      dirty.current = true;
      touched.current = true;
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save(), DRAFT_DEBOUNCE_MS);
    },
    [save],
  );

  // Once what was typed is used for good (the backend drops the draft in the same transaction),
  // forget anything pending so no late save brings the draft back.
  const forget = useCallback((): void => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    dirty.current = false;
  }, []);

  useEffect(() => {
    let live = true;
    storeRef.current.load().then(
      (draft) => {
        // Whatever was typed before the answer arrived wins over the stored draft.
        if (live && draft !== null && !touched.current) {
          valueRef.current = draft;
          storeRef.current.restore(draft);
          setStatus({ kind: 'restored' });
        }
      },
      (error: unknown) => live && setStatus({ kind: 'loadFailed', error: toApiError(error) }),
    );
    const onHide = () => {
      if (document.visibilityState === 'hidden') void save();
    };
    const onPageHide = () => void save();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      void save();
    };
  }, [key, save]);

  // The value as typed this instant, for a use that starts before React re-renders.
  const read = useCallback(() => valueRef.current, []);

  return { status, change, read, flush: save, forget };
};
