import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../i18n/use-error-text';
import { formatJst } from '../queue/jst-time';
import { useApp } from '../state/app-context';
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
  const errorText = useErrorText();
  const language = useApp((s) => s.language);
  const failed = status.kind === 'failed' || status.kind === 'loadFailed';
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
      <p className={failed ? 'field-error' : 'field-help'} role={failed ? 'alert' : 'status'}>
        {status.kind === 'saving' && t('call.notes.saving')}
        {status.kind === 'saved' && t('call.notes.saved', { time: formatJst(status.at, language) })}
        {status.kind === 'restored' && t('call.notes.restored')}
        {status.kind === 'failed' && `${t('call.notes.saveFailed')} ${errorText(status.error)}`}
        {status.kind === 'loadFailed' && `${t('call.notes.loadFailed')} ${errorText(status.error)}`}
      </p>
    </div>
  );
};
