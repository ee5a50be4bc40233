import { useTranslation } from 'react-i18next';
import type { Cp932Problem } from '../../shared/api/exports';

type Props = { problems: Cp932Problem[]; total: number; onUseUtf8: () => void };

// Why a Shift_JIS export wrote nothing: every character it cannot hold, where it is, and the way out.
export const Cp932Report = ({ problems, total, onUseUtf8 }: Props) => {
  const { t } = useTranslation();
  return (
    <div className="export-cp932" role="alert" data-testid="export-cp932">
      <p className="form-error">{t('exports.cp932.title', { total })}</p>
      <p>{t('exports.cp932.hint')}</p>
      <table className="export-table">
        <thead>
          <tr>
            <th scope="col">{t('exports.cp932.row')}</th>
            <th scope="col">{t('exports.cp932.column')}</th>
            <th scope="col">{t('exports.cp932.character')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={`${p.row}-${p.column}-${i}`}>
              <td>{p.row}</td>
              <td>{p.column}</td>
              <td>
                {p.character} <span className="export-codepoint">{p.codePoint}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > problems.length && <p>{t('exports.cp932.more', { count: total - problems.length })}</p>}
      <button type="button" className="button button-primary" onClick={onUseUtf8}>
        {t('exports.cp932.useUtf8')}
      </button>
    </div>
  );
};
