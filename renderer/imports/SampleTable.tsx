import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../shared/api/imports';
import { useReasonText } from './use-reason-text';

const personOf = (lead: NonNullable<ImportPreview['sample'][number]['lead']>): string =>
  [lead.familyName, lead.givenName].filter(Boolean).join(' ');

// The first rows as the backend parsed them with the current mapping, or why they would fail.
export const SampleTable = ({ preview }: { preview: ImportPreview }) => {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  return (
    <section className="import-section" aria-labelledby="import-sample-title">
      <h2 id="import-sample-title" className="import-section-title">{t('imports.sample.title')}</h2>
      {preview.sample.length === 0 ? (
        <p className="field-help">{t('imports.sample.empty')}</p>
      ) : (
        <table className="import-table" data-testid="import-sample">
          <thead>
            <tr>
              <th scope="col">{t('imports.sample.line')}</th>
              <th scope="col">{t('imports.sample.company')}</th>
              <th scope="col">{t('imports.sample.person')}</th>
              <th scope="col">{t('imports.sample.contact')}</th>
              <th scope="col">{t('imports.sample.result')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.sample.map(({ line, lead, reasons }) => (
              <tr key={line} className={reasons.length > 0 ? 'import-row-rejected' : undefined}>
                <td className="cell-num">{line}</td>
                <td>{lead?.companyName ?? ''}</td>
                <td>{lead ? personOf(lead) : ''}</td>
                <td>{lead ? (lead.email ?? lead.phone ?? lead.mobile ?? '') : ''}</td>
                <td>{reasons.length === 0 ? t('imports.sample.ok') : reasons.map((reason) => reasonText(reason)).join(' / ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};
