import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { DraftLine } from '../hearing/DraftLine';
import type { DraftStatus } from './use-draft';

// The note typed while talking; the line under it says whether the draft is safe.
export const NotesField = ({
  text,
  status,
  onChange,
  onBlur,
  readOnly,
  inputRef,
}: {
  text: string;
  status: DraftStatus;
  onChange: (value: string) => void;
  onBlur: () => void;
  readOnly: boolean;
  inputRef: Ref<HTMLTextAreaElement>;
}) => {
  const { t } = useTranslation();
  return (
    <div className="call-card call-notes">
      <label htmlFor="call-notes" className="call-card-title">
        {t('call.notes.label')} <kbd className="kbd">M</kbd>
      </label>
      <textarea
        id="call-notes"
        ref={inputRef}
        className="input call-notes-input"
        rows={8}
        maxLength={20_000}
        placeholder={t('call.notes.placeholder')}
        value={text}
        readOnly={readOnly}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      <DraftLine status={status} words="call.notes" />
    </div>
  );
};
