import { useTranslation } from 'react-i18next';
import { useErrorText } from '../i18n/use-error-text';
import { formatJst } from '../queue/jst-time';
import { useApp } from '../state/app-context';
import type { useVersioned } from './use-versioned';

type Versioned = ReturnType<typeof useVersioned<{ version: number; updatedAt: string; updatedBy: string }, never>>;

// The save button of a versioned editor with what happened: loading, saved, failed, or someone
// else published first (the edits stay; the rep may save them over the newer version).
export const VersionedFooter = ({ versioned }: { versioned: Pick<Versioned, 'record' | 'loadError' | 'saveError' | 'latest' | 'saving' | 'saved' | 'rebase'> }) => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const language = useApp((s) => s.language);
  const { record, loadError, saveError, latest, saving, saved } = versioned;
  if (loadError) return <p className="form-error" role="alert">{t('hearing.editor.loadFailed')} {errorText(loadError)}</p>;
  if (!record) return <p className="view-loading">{t('hearing.editor.loading')}</p>;
  return (
    <>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('hearing.editor.saving') : t('hearing.editor.save', { version: record.version + 1 })}
        </button>
        <span className="field-help">{t('hearing.editor.editing', { version: record.version, date: formatJst(record.updatedAt, language) })}</span>
        {saved && <span className="form-saved" role="status">{t('hearing.editor.saved', { version: record.version })}</span>}
      </div>
      {saveError && (
        <div className="form-error" role="alert">
          {latest ? (
            <>
              <p>{t('hearing.editor.conflict', { version: latest.version, by: latest.updatedBy, date: formatJst(latest.updatedAt, language) })}</p>
              <button type="button" className="button" onClick={versioned.rebase}>{t('hearing.editor.overwrite', { version: latest.version })}</button>
            </>
          ) : (
            <p>{t('hearing.editor.saveFailed')} {errorText(saveError)}</p>
          )}
        </div>
      )}
    </>
  );
};
