import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { FunnelCsvOutcome, FunnelMetrics, FunnelReport } from '../../../shared/api/reports';
import { FUNNEL_CONVERSIONS, FUNNEL_STAGES } from '../../../shared/api/reports';
import type { TFunction } from 'i18next';
import { REJECT_GROUPS } from '../../../shared/domain/reasons';
import { BantamError } from '../errors';
import { checkTarget } from '../exports/run-export';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

// Rates as percentages with one decimal, minutes and ratios with one decimal; nothing as empty.
const percent = (value: number | null): string | number => (value === null ? '' : Math.round(value * 1000) / 10);
const oneDecimal = (value: number | null): string | number => (value === null ? '' : Math.round(value * 10) / 10);

// Two tables a person opens in Excel: one row per group (and the totals), then the weekly trend.
export const funnelCsvRows = (report: FunnelReport, t: TFunction): string[][] => {
  const header = [
    t('reportsView.csv.group'),
    ...FUNNEL_STAGES.map((s) => t('reportsView.table.reached', { stage: t(`stage.${s}`) })),
    ...FUNNEL_CONVERSIONS.map((k) => t('reportsView.csv.conversionPercent', { label: t(`reportsView.table.conversion.${k}`) })),
    t('reportsView.table.tqlOverrides'),
    t('reportsView.csv.tqlOverrideSharePercent'),
    t('reportsView.csv.speedToLeadMinutes'),
    t('reportsView.table.notCalled'),
    t('reportsView.table.calls'),
    t('reportsView.table.callsPerTql'),
    t('reportsView.csv.slaOnTime'),
    t('reportsView.csv.slaLate'),
    t('reportsView.csv.slaOverdueOpen'),
    t('reportsView.csv.slaPending'),
    t('reportsView.csv.slaRate'),
    ...REJECT_GROUPS.map((g) => t('reportsView.table.rejections', { group: t(`qualification.rejectGroup.${g}`) })),
  ];
  const row = (label: string, m: FunnelMetrics): (string | number)[] => [
    label,
    ...FUNNEL_STAGES.map((s) => m.reached[s]),
    ...FUNNEL_CONVERSIONS.map((k) => percent(m.conversion[k])),
    m.tqlOverrides,
    percent(m.tqlOverrideShare),
    oneDecimal(m.speedToLead.medianMinutes),
    m.speedToLead.notCalled,
    m.calls,
    oneDecimal(m.callsPerTql),
    m.sla.onTime,
    m.sla.late,
    m.sla.overdueOpen,
    m.sla.pending,
    percent(m.sla.rate),
    ...REJECT_GROUPS.map((g) => m.rejections.find((r) => r.group === g)?.count ?? 0),
  ];
  const groups = report.groups.map((g) => row(g.key ?? t('reportsView.table.noKey'), g.metrics));
  const weekly = [
    [t('reportsView.csv.week'), ...FUNNEL_STAGES.map((s) => t(`stage.${s}`)), t('reportsView.csv.slaRate')],
    ...report.weeks.map((w) => [w.week, ...FUNNEL_STAGES.map((s) => w.reached[s]), percent(w.slaRate)]),
  ];
  return [header, ...groups, row(t('reportsView.table.total'), report.totals), [], ...weekly].map((r) => r.map(String));
};

// Writes the report as CSV in UTF-8 with a BOM (Japanese Excel opens it by double-click). The
// report holds counts, no lead data, so it is not an export of personal data and is not logged.
export const writeFunnelCsv = (report: FunnelReport, target: string, overwrite: boolean, t: TFunction): FunnelCsvOutcome => {
  checkTarget(target, overwrite);
  const rows = funnelCsvRows(report, t);
  const bytes = Buffer.concat([BOM, Buffer.from(stringify(rows, { record_delimiter: '\r\n' }), 'utf8')]);
  try {
    fs.writeFileSync(target, bytes, { mode: 0o600 });
  } catch (error) {
    throw new BantamError('internal', `The report file could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check the disk and try again.`, {
      messageKey: 'exports.errors.writeFailed',
      cause: error,
    });
  }
  return { path: target, fileName: path.basename(target), rowCount: rows.length };
};
