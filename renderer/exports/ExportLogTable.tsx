import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportRecord } from '../../shared/api/exports';
import { invoke } from '../api/client';

const when = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(new Date(iso));

// The export log (who exported which leads to which file, when): on the Export screen and in settings.
// `version` changes when an export was just written, to read the log again.
export const ExportLogTable = ({ version = 0 }: { version?: number }) => {
  const { t, i18n } = useTranslation();
  const [log, setLog] = useState<ExportRecord[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    invoke('exports.log', {})
      .then((records) => live && (setLog(records), setFailed(false)))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [version]);

  if (failed) return <p className="form-error" role="alert">{t('exports.log.loadFailed')}</p>;
  if (log === null) return null;
  if (log.length === 0) return <p className="field-help">{t('exports.log.empty')}</p>;
  return (
    <table className="export-table" data-testid="export-log">
      <thead>
        <tr>
          <th scope="col">{t('exports.log.when')}</th>
          <th scope="col">{t('exports.log.who')}</th>
          <th scope="col">{t('exports.log.file')}</th>
          <th scope="col">{t('exports.log.rows')}</th>
          <th scope="col">{t('exports.log.format')}</th>
          <th scope="col">{t('exports.log.filter')}</th>
        </tr>
      </thead>
      <tbody>
        {log.map((r) => (
          <tr key={r.id}>
            <td>{when(r.finishedAt, i18n.language)}</td>
            <td>{r.actor}</td>
            <td>{r.fileName}</td>
            <td>{r.rowCount.toLocaleString(i18n.language)}</td>
            <td>{r.format === 'csv' && r.encoding ? `CSV (${t(`exports.format.${r.encoding}`)})` : t(`exports.format.${r.format}`)}</td>
            <td>
              {[
                r.filter.stages.map((s) => t(`stage.${s}`)).join('・'),
                r.filter.from || r.filter.to ? `${r.filter.from ?? ''}〜${r.filter.to ?? ''}` : '',
                r.filter.owner ?? '',
                r.filter.source ?? '',
              ]
                .filter((part) => part !== '')
                .join(' / ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
