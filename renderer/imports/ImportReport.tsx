import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult, UndoResult } from '../../shared/api/imports';
import { type ApiError, toApiError } from '../api/api-error';
import { invoke } from '../api/client';
import { useErrorText } from '../i18n/use-error-text';
import { ImportNotices } from './ImportNotices';
import { rejectedCsvPath } from './import-options';
import { useReasonText } from './use-reason-text';

type Props = { result: ImportResult; sourcePath: string; onDismiss: () => void };

const COUNT_KEYS = ['created', 'updated', 'unchanged', 'mergedInFile', 'skipped', 'rejected'] as const;

// What an import did, with its rejected rows, a way to save them for fixing, and undo.
export const ImportReport = ({ result, sourcePath, onDismiss }: Props) => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const reasonText = useReasonText();
  const [busy, setBusy] = useState<'undo' | 'csv' | null>(null);
  const [undone, setUndone] = useState<UndoResult | null>(null);
  const [savedCsv, setSavedCsv] = useState<{ path: string; rows: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // The import view is gone once this shows: keyboard focus lands on the result, not on the page.
  useEffect(() => heading.current?.focus(), []);

  const run = async (kind: 'undo' | 'csv'): Promise<void> => {
    setBusy(kind);
    setError(null);
    try {
      if (kind === 'undo') setUndone(await invoke('imports.undo', { id: result.id }));
      else setSavedCsv(await invoke('imports.rejectedCsv', { id: result.id, path: rejectedCsvPath(sourcePath) }));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="import-report" aria-labelledby="import-report-title" data-testid="import-report">
      <header className="import-row">
        <h2 id="import-report-title" className="import-section-title" tabIndex={-1} ref={heading}>{t('imports.report.title')}</h2>
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          {t('imports.report.dismiss')}
        </button>
      </header>
      <p>{t('imports.report.summary', { fileName: result.fileName })}</p>
      <ImportNotices notices={result.notices} />
      <dl className="import-counts">
        {COUNT_KEYS.map((key) => (
          <div key={key} className="import-count">
            <dt>{t(`imports.report.${key}`)}</dt>
            <dd data-testid={`import-report-${key}`}>{result[key]}</dd>
          </div>
        ))}
      </dl>
      {result.rejectedRows.length > 0 && (
        <>
          <h3 className="import-section-title">{t('imports.report.rejectedTitle')}</h3>
          <ul className="import-rejected" data-testid="import-rejected">
            {result.rejectedRows.map((row) => (
              <li key={row.line}>
                <strong>{t('imports.report.line', { line: row.line })}</strong> {row.reasons.map((reason) => reasonText(reason)).join(' / ')}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="import-row">
        {result.rejectedRows.length > 0 && (
          <button type="button" className="button" disabled={busy !== null} onClick={() => void run('csv')}>
            {busy === 'csv' ? t('imports.report.savingRejected') : t('imports.report.saveRejected')}
          </button>
        )}
        <button type="button" className="button" disabled={busy !== null || undone !== null} onClick={() => void run('undo')}>
          {busy === 'undo' ? t('imports.report.undoing') : t('imports.report.undo')}
        </button>
      </div>
      {savedCsv && (
        <p role="status" className="form-saved">
          {t('imports.report.savedRejected', { rows: savedCsv.rows, path: savedCsv.path })}
        </p>
      )}
      {undone && (
        <p role="status" className="form-saved">
          {t('imports.report.undone', { removed: undone.removed, restored: undone.restored })}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      )}
    </section>
  );
};
