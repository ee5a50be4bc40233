import { useTranslation } from 'react-i18next';
import { EXPORT_COLUMN_GROUPS, type ExportColumn } from '../../shared/api/exports';
import { moved } from '../app/list-order';

type Props = { columns: ExportColumn[]; chosen: string[]; onChange: (chosen: string[]) => void };

// The chosen columns in file order (move up / down, remove), and the others by group to add.
export const ColumnChooser = ({ columns, chosen, onChange }: Props) => {
  const { t } = useTranslation();
  const byId = new Map(columns.map((c) => [c.id, c]));
  const label = (id: string): string => t(byId.get(id)?.labelKey ?? id);
  return (
    <div className="export-columns">
      <div>
        <h3 className="export-subtitle" id="export-chosen">{t('exports.columns.chosen')}</h3>
        {chosen.length === 0 && <p className="form-error" role="alert">{t('exports.columns.none')}</p>}
        <ol className="export-chosen" aria-labelledby="export-chosen">
          {chosen.map((id, i) => (
            <li key={id} className="export-chosen-item">
              <span className="export-chosen-label">{label(id)}</span>
              <button type="button" className="button button-quiet" aria-label={`${t('exports.columns.up')}: ${label(id)}`} disabled={i === 0} onClick={() => onChange(moved(chosen, i, i - 1))}>↑</button>
              <button type="button" className="button button-quiet" aria-label={`${t('exports.columns.down')}: ${label(id)}`} disabled={i === chosen.length - 1} onClick={() => onChange(moved(chosen, i, i + 1))}>↓</button>
              <button type="button" className="button button-quiet" aria-label={`${t('exports.columns.remove')}: ${label(id)}`} onClick={() => onChange(chosen.filter((c) => c !== id))}>×</button>
            </li>
          ))}
        </ol>
      </div>
      <div>
        <h3 className="export-subtitle">{t('exports.columns.available')}</h3>
        {EXPORT_COLUMN_GROUPS.map((group) => {
          const open = columns.filter((c) => c.group === group && !chosen.includes(c.id));
          if (open.length === 0) return null;
          return (
            <fieldset key={group} className="export-group">
              <legend>{t(`exports.group.${group}`)}</legend>
              {open.map((c) => (
                <button key={c.id} type="button" className="button export-add" aria-label={`${t('exports.columns.add')}: ${t(c.labelKey)}`} onClick={() => onChange([...chosen, c.id])}>
                  + {t(c.labelKey)}
                </button>
              ))}
            </fieldset>
          );
        })}
      </div>
    </div>
  );
};
