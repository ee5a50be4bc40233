import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FUNNEL_CONVERSIONS, FUNNEL_STAGES, type FunnelMetrics, type FunnelReport } from '../../shared/api/reports';
import { REJECT_GROUPS } from '../../shared/domain/reasons';
import { formatMinutes, formatPercent, formatRatio } from './format';

type Row = { id: string; label: string; value: (m: FunnelMetrics) => string };

const rowsOf = (t: TFunction): Row[] => [
  ...FUNNEL_STAGES.map((s) => ({ id: `reached-${s}`, label: t('reportsView.table.reached', { stage: t(`stage.${s}`) }), value: (m: FunnelMetrics) => m.reached[s].toLocaleString() })),
  ...FUNNEL_CONVERSIONS.map((c) => ({ id: c, label: t(`reportsView.table.conversion.${c}`), value: (m: FunnelMetrics) => formatPercent(t, m.conversion[c]) })),
  { id: 'tqlOverrides', label: t('reportsView.table.tqlOverrides'), value: (m) => m.tqlOverrides.toLocaleString() },
  { id: 'tqlOverrideShare', label: t('reportsView.table.tqlOverrideShare'), value: (m) => formatPercent(t, m.tqlOverrideShare) },
  { id: 'speedToLead', label: t('reportsView.table.speedToLead'), value: (m) => formatMinutes(t, m.speedToLead.medianMinutes) },
  { id: 'notCalled', label: t('reportsView.table.notCalled'), value: (m) => m.speedToLead.notCalled.toLocaleString() },
  { id: 'calls', label: t('reportsView.table.calls'), value: (m) => m.calls.toLocaleString() },
  { id: 'callsPerTql', label: t('reportsView.table.callsPerTql'), value: (m) => formatRatio(t, m.callsPerTql) },
  { id: 'slaRate', label: t('reportsView.table.slaRate'), value: (m) => formatPercent(t, m.sla.rate) },
  { id: 'slaDetail', label: t('reportsView.table.slaDetail'), value: (m) => t('reportsView.value.slaDetail', m.sla) },
  ...REJECT_GROUPS.map((g) => ({
    id: `rejections-${g}`,
    label: t('reportsView.table.rejections', { group: t(`qualification.rejectGroup.${g}`) }),
    value: (m: FunnelMetrics) => (m.rejections.find((r) => r.group === g)?.count ?? 0).toLocaleString(),
  })),
];

// The numbers beside the charts: one row per measure, the totals first, then each group.
export const FunnelTable = ({ report }: { report: FunnelReport }) => {
  const { t } = useTranslation();
  const columns = [{ key: 'total', label: t('reportsView.table.total'), metrics: report.totals }].concat(
    report.groups.map((g, i) => ({ key: `g${i}`, label: g.key ?? t('reportsView.table.noKey'), metrics: g.metrics })),
  );
  return (
    <div className="funnel-table-wrap">
      <table className="funnel-table" data-testid="funnel-table">
        <caption className="visually-hidden">{t('reportsView.table.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reportsView.table.metric')}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col">{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rowsOf(t).map((row) => (
            <tr key={row.id} data-metric={row.id}>
              <th scope="row">{row.label}</th>
              {columns.map((c) => (
                <td key={c.key}>{row.value(c.metrics)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
