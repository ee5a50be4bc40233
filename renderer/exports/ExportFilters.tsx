import { useTranslation } from 'react-i18next';
import { EXPORT_DATE_FIELDS, type ExportDateField } from '../../shared/api/exports';
import type { LeadFacets } from '../../shared/api/leads';
import { STAGES, type Stage } from '../../shared/domain/stages';
import type { ExportOptions } from './export-options';
import { ChoiceSelect } from '../app/ChoiceSelect';

type Props = { options: ExportOptions; facets: LeadFacets; onChange: (patch: Partial<ExportOptions>) => void };

// Which leads go into the file: stages (qualified ones by default), a JST period on a chosen date,
// owner and source.
export const ExportFilters = ({ options, facets, onChange }: Props) => {
  const { t } = useTranslation();
  const toggle = (stage: Stage): void =>
    onChange({ stages: options.stages.includes(stage) ? options.stages.filter((s) => s !== stage) : STAGES.filter((s) => s === stage || options.stages.includes(s)) });
  return (
    <fieldset className="export-fieldset">
      <legend>{t('exports.filter.legend')}</legend>
      <div className="field" role="group" aria-labelledby="export-stages">
        <span id="export-stages" className="field-label">{t('exports.filter.stages')}</span>
        <div className="export-checks">
          {STAGES.map((stage) => (
            <label key={stage} className="export-check">
              <input type="checkbox" checked={options.stages.includes(stage)} onChange={() => toggle(stage)} /> {t(`stage.${stage}`)}
            </label>
          ))}
        </div>
      </div>
      <div className="export-row">
        <div className="field">
          <label htmlFor="export-date-field" className="field-label">{t('exports.filter.dateField')}</label>
          <select id="export-date-field" className="input" value={options.dateField} onChange={(e) => onChange({ dateField: e.target.value as ExportDateField })}>
            {EXPORT_DATE_FIELDS.map((f) => (
              <option key={f} value={f}>{t(`exports.dateField.${f}`)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="export-from" className="field-label">{t('exports.filter.from')}</label>
          <input id="export-from" type="date" className="input" value={options.from} onChange={(e) => onChange({ from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="export-to" className="field-label">{t('exports.filter.to')}</label>
          <input id="export-to" type="date" className="input" value={options.to} onChange={(e) => onChange({ to: e.target.value })} />
        </div>
        <ChoiceSelect id="export-owner" label={t('exports.filter.owner')} anyLabel={t('exports.filter.any')} value={options.owner} choices={facets.owners} onChange={(owner) => onChange({ owner })} />
        <ChoiceSelect id="export-source" label={t('exports.filter.source')} anyLabel={t('exports.filter.any')} value={options.source} choices={facets.sources} onChange={(source) => onChange({ source })} />
      </div>
    </fieldset>
  );
};
