import { useState } from 'react';
import { invoke } from '../api/client';
import { useAutosave } from './use-autosave';

export { DRAFT_DEBOUNCE_MS, type DraftStatus } from './use-autosave';

// The call note, kept as a draft in the store while the rep types (see useAutosave).
export const useDraft = (leadId: string) => {
  const [text, setText] = useState('');
  const autosave = useAutosave<string>(leadId, '', {
    load: () => invoke('drafts.get', { leadId }).then((draft) => (draft?.body ? draft.body : null)),
    save: (body) => invoke('drafts.save', { leadId, body }),
    restore: setText,
  });
  const change = (value: string) => {
    setText(value);
    autosave.change(value);
  };
  return { ...autosave, text, change };
};
