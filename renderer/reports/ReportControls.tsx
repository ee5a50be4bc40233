import { useTranslation } from 'react-i18next';
import type { LeadFacets } from '../../shared/api/leads';
import { FUNNEL_GROUP_BY, type FunnelGroupBy } from '../../shared/api/reports';
import { jstDay } from '../../shared/domain/business-time';
import { PERIOD_PRESETS, presetPeriod, type PeriodPreset, type ReportOptions } from './period';
import { ChoiceSelect } from '../app/ChoiceSelect';

type Props = { options: ReportOptions; facets: LeadFacets; onChange: (patch: Partial<ReportOptions>) => void };

// The period (a preset or two days), the breakdown and the owner / source filters.
export const ReportControls = ({ options, facets, onChange }: Props) => {
  const { t } = useTranslation();
  const choosePreset = (preset: PeriodPreset): void =>
    onChange(preset === 'custom' ? { preset } : { preset, ...presetPeriod(preset, jstDay(new Date())) });
  return (
    <form className="report-controls" noValidate onSubmit={(e) => e.preventDefault()}>
      <fieldset className="report-fieldset">
        <legend>{t('reportsView.period.legend')}</legend>
        <div className="report-row">
          {PERIOD_PRESETS.map((p) => (
            <label key={p} className="report-check">
              <input type="radio" name="report-period" value={p} checked={options.preset === p} onChange={() => choosePreset(p)} /> {t(`reportsView.period.${p}`)}
            </label>
          ))}
        </div>
        <div className="report-row">
          <div className="field">
            <label htmlFor="report-from" className="field-label">{t('reportsView.period.from')}</label>
            <input id="report-from" className="input" type="date" value={options.from} onChange={(e) => onChange({ preset: 'custom', from: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="report-to" className="field-label">{t('reportsView.period.to')}</label>
            <input id="report-to" className="input" type="date" value={options.to} onChange={(e) => onChange({ preset: 'custom', to: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="report-group" className="field-label">{t('reportsView.groupBy.label')}</label>
            <select id="report-group" className="input" value={options.groupBy} onChange={(e) => onChange({ groupBy: e.target.value as FunnelGroupBy })}>
              {FUNNEL_GROUP_BY.map((g) => (
                <option key={g} value={g}>{t(`reportsView.groupBy.${g}`)}</option>
              ))}
            </select>
          </div>
          <ChoiceSelect id="report-owner" label={t('reportsView.filter.owner')} anyLabel={t('reportsView.filter.any')} value={options.owner} choices={facets.owners} onChange={(owner) => onChange({ owner })} />
          <ChoiceSelect id="report-source" label={t('reportsView.filter.source')} anyLabel={t('reportsView.filter.any')} value={options.source} choices={facets.sources} onChange={(source) => onChange({ source })} />
        </div>
      </fieldset>
    </form>
  );
};
