import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_TARGETS, isImportTarget, LEAD_IMPORT_FIELDS, type ImportTarget } from '../../shared/domain/import-fields';
import type { ImportPreview } from '../../shared/api/imports';
import { useReasonText } from './use-reason-text';

type Props = {
  preview: ImportPreview;
  disabled: boolean;
  onChange: (header: string, target: ImportTarget) => void;
  // Shown under the title, e.g. the preset select.
  children?: ReactNode;
};

// A lead field is named as everywhere else in the app; the other targets are the import's own.
const targetKey = (target: ImportTarget): string =>
  (LEAD_IMPORT_FIELDS as readonly string[]).includes(target) ? `leadDetail.field.${target}` : `imports.target.${target}`;

// Each column of the file with where it goes; every change re-runs the preview.
export const MappingTable = ({ preview, disabled, onChange, children }: Props) => {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  return (
    <section className="import-section" aria-labelledby="import-mapping-title">
      <h2 id="import-mapping-title" className="import-section-title">{t('imports.mapping.title')}</h2>
      {children}
      {preview.mappingWarnings.length > 0 && (
        <div className="import-warnings" role="status" aria-label={t('imports.mapping.warnings')}>
          <ul>
            {preview.mappingWarnings.map((warning) => (
              <li key={`${warning.code}-${warning.message}`}>{reasonText(warning)}</li>
            ))}
          </ul>
        </div>
      )}
      <table className="import-table">
        <thead>
          <tr>
            <th scope="col">{t('imports.mapping.header')}</th>
            <th scope="col">{t('imports.mapping.target')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.mapping.map((entry, index) => (
            <tr key={`${index}-${entry.header}`}>
              <th scope="row">{entry.header}</th>
              <td>
                <select
                  className="input"
                  aria-label={t('imports.mapping.targetFor', { header: entry.header })}
                  value={entry.target}
                  disabled={disabled}
                  onChange={(event) => isImportTarget(event.target.value) && onChange(entry.header, event.target.value)}
                >
                  {IMPORT_TARGETS.map((target) => (
                    <option key={target} value={target}>
                      {t(targetKey(target))}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};
