import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from './use-import-progress';

type Props = { progress: ImportProgress | null; onCancel: () => Promise<void> };

// How far the running preview or commit is, with the button that stops it.
export const ProgressPanel = ({ progress, onCancel }: Props) => {
  const { t } = useTranslation();
  const [cancelling, setCancelling] = useState(false);
  const label = t('imports.progress.label');
  const known = progress !== null && progress.total > 0;

  const cancel = async (): Promise<void> => {
    setCancelling(true);
    try {
      await onCancel();
    } finally {
      setCancelling(false);
    }
  };

  return (
    <div className="import-progress import-row" role="group" aria-label={label} data-testid="import-progress">
      {/* Without a total yet the bar is indeterminate. */}
      {known ? <progress aria-label={label} value={progress.done} max={progress.total} /> : <progress aria-label={label} />}
      {progress && (
        <span className="import-progress-text" aria-live="polite">
          <span data-testid="import-progress-phase">{t(`imports.progress.phase.${progress.phase}`)}</span>{' '}
          <span data-testid="import-progress-rows">{t('imports.progress.rows', { done: progress.done, total: progress.total })}</span>
        </span>
      )}
      <button type="button" className="button" onClick={() => void cancel()} disabled={cancelling}>
        {cancelling ? t('imports.progress.cancelling') : t('imports.progress.cancel')}
      </button>
    </div>
  );
};
