import { useTranslation } from 'react-i18next';
import { TEMPERATURES, type Temperature } from '../../shared/domain/stages';
import { useLeadFacets } from '../leads/use-lead-facets';
import { useApp } from '../state/app-context';
import { useCockpit } from './cockpit-context';
import { formatJst } from './jst-time';

const ALL_OWNERS = '*';

// Owner (default: me and the team pool), source, temperature and import.
export const QueueFilters = () => {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const leadsVersion = useApp((s) => s.leadsVersion);
  const facets = useLeadFacets(leadsVersion);
  const filters = useCockpit((s) => s.filters);
  const setFilters = useCockpit((s) => s.setFilters);
  return (
    <div className="queue-filters" role="group" aria-label={t('call.filter.label')}>
      <label className="queue-filter">
        <span>{t('call.filter.owner')}</span>
        <select className="input" value={filters.owner} onChange={(e) => setFilters({ ...filters, owner: e.target.value })}>
          <option value="">{t('call.filter.ownerMe')}</option>
          <option value={ALL_OWNERS}>{t('call.filter.ownerAll')}</option>
          {facets.owners.map((owner) => (
            <option key={owner} value={owner}>{owner}</option>
          ))}
        </select>
      </label>
      <label className="queue-filter">
        <span>{t('call.filter.source')}</span>
        <select className="input" value={filters.source} onChange={(e) => setFilters({ ...filters, source: e.target.value })}>
          <option value="">{t('call.filter.any')}</option>
          {facets.sources.map((source) => (
            <option key={source} value={source}>{source}</option>
          ))}
        </select>
      </label>
      <label className="queue-filter">
        <span>{t('call.filter.temperature')}</span>
        <select
          className="input"
          value={filters.temperature}
          onChange={(e) => setFilters({ ...filters, temperature: e.target.value as Temperature | '' })}
        >
          <option value="">{t('call.filter.any')}</option>
          {TEMPERATURES.map((temperature) => (
            <option key={temperature} value={temperature}>{t(`temperature.${temperature}`)}</option>
          ))}
        </select>
      </label>
      <label className="queue-filter">
        <span>{t('call.filter.import')}</span>
        <select className="input" value={filters.importId} onChange={(e) => setFilters({ ...filters, importId: e.target.value })}>
          <option value="">{t('call.filter.any')}</option>
          {facets.imports.map((imp) => (
            <option key={imp.id} value={imp.id}>
              {t('leads.filter.importOption', { fileName: imp.fileName, date: formatJst(imp.startedAt, language) })}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
};
