import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

// Esc during a call asks first: leaving drops the timer, never the notes.
export const AbandonDialog = ({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) => {
  const { t } = useTranslation();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <div className="overlay" role="presentation">
      <div
        className="overlay-panel"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="abandon-title"
        aria-describedby="abandon-body"
        onKeyDown={(e) => {
          // The call view's shortcuts stay quiet while this question is open.
          e.nativeEvent.stopPropagation();
          if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          }
        }}
      >
        <h2 id="abandon-title" className="overlay-title">{t('call.abandon.title')}</h2>
        <p id="abandon-body">{t('call.abandon.body')}</p>
        <div className="form-actions">
          <button ref={confirmRef} type="button" className="button button-primary" onClick={onConfirm}>
            {t('call.abandon.confirm')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('call.abandon.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
};
