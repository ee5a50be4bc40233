import { useTranslation } from 'react-i18next';
import { ExportLogTable } from '../exports/ExportLogTable';

// Settings' record of every export: exports carry personal data, so who took what stays visible.
export const ExportLog = () => {
  const { t } = useTranslation();
  return (
    <section className="rules-editor" aria-labelledby="settings-export-log">
      <h2 id="settings-export-log" className="view-title">{t('exports.log.title')}</h2>
      <ExportLogTable />
    </section>
  );
};
