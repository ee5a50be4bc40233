import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../api/api-error';
import { invoke } from '../api/client';

// Typing pauses shorter than this are one burst; well under the one second a crash may cost.
export const DRAFT_DEBOUNCE_MS = 300;

export type DraftStatus = { kind: 'idle' } | { kind: 'restored' } | { kind: 'loadFailed'; error: ApiError } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; error: ApiError };

// The call note, kept as a draft in the store while the rep types: debounced saves, flushed on
// blur, when the window hides or closes, and before the call is logged. A failed save keeps the text.
export const useDraft = (leadId: string) => {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<DraftStatus>({ kind: 'idle' });
  const textRef = useRef('');
  const dirty = useRef(false);
  // Set by the first keystroke: from then on the stored draft must not replace the text.
  const touched = useRef(false);
  const timer = useRef<number | null>(null);
  // Saves run one after another, so an older body never lands after a newer one.
  const chain = useRef<Promise<void>>(Promise.resolve());

  const save = useCallback((): Promise<void> => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    if (!dirty.current) return chain.current;
    dirty.current = false;
    const body = textRef.current;
    chain.current = chain.current.then(async () => {
      setStatus({ kind: 'saving' });
      try {
        const draft = await invoke('drafts.save', { leadId, body });
        setStatus({ kind: 'saved', at: draft.savedAt });
      } catch (error) {
        // Still unsaved: the next keystroke or flush tries again.
        dirty.current = true;
        setStatus({ kind: 'failed', error: toApiError(error) });
      }
    });
    return chain.current;
  }, [leadId]);

  const change = useCallback(
    (value: string) => {
      textRef.current = value;
      setText(value);
      dirty.current = true;
      touched.current = true;
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save(), DRAFT_DEBOUNCE_MS);
    },
    [save],
  );

  // After the call is logged the draft is spent (calls.log drops it in the same transaction):
  // forget anything pending so no late save brings it back.
  const forget = useCallback((): void => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    dirty.current = false;
  }, []);

  useEffect(() => {
    let live = true;
    invoke('drafts.get', { leadId }).then(
      (draft) => {
        // Whatever the rep typed before the answer arrived wins over the stored draft.
        if (live && draft && draft.body && !touched.current) {
          textRef.current = draft.body;
          setText(draft.body);
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
  }, [leadId, save]);

  // The text as typed this instant, for a log that starts before React re-renders.
  const read = useCallback(() => textRef.current, []);

  return { text, status, change, read, flush: save, forget };
};
