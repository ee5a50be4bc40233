import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { FunnelCsvOutcome, FunnelMetrics, FunnelReport } from '../../../shared/api/reports';
import { FUNNEL_CONVERSIONS, FUNNEL_STAGES } from '../../../shared/api/reports';
import type { Language } from '../../../shared/api/settings';
import { REJECT_GROUPS } from '../../../shared/domain/reasons';
import { en } from '../../../shared/i18n/en';
import { ja } from '../../../shared/i18n/ja';
import { BantamError } from '../errors';
import { checkTarget } from '../exports/run-export';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const catalogs = { ja, en } as const;

// Rates as percentages with one decimal, minutes and ratios with one decimal; nothing as empty.
const percent = (value: number | null): string | number => (value === null ? '' : Math.round(value * 1000) / 10);
const oneDecimal = (value: number | null): string | number => (value === null ? '' : Math.round(value * 10) / 10);

const fill = (text: string, params: Record<string, string>): string => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => params[key] ?? '');

// Two tables a person opens in Excel: one row per group (and the totals), then the weekly trend.
export const funnelCsvRows = (report: FunnelReport, language: Language): string[][] => {
  const c = catalogs[language];
  const v = c.reportsView;
  const header = [
    v.csv.group,
    ...FUNNEL_STAGES.map((s) => fill(v.table.reached, { stage: c.stage[s] })),
    ...FUNNEL_CONVERSIONS.map((k) => fill(v.csv.conversionPercent, { label: v.table.conversion[k] })),
    v.csv.speedToLeadMinutes,
    v.table.notCalled,
    v.table.calls,
    v.table.callsPerTql,
    v.csv.slaOnTime,
    v.csv.slaLate,
    v.csv.slaOverdueOpen,
    v.csv.slaPending,
    v.csv.slaRate,
    ...REJECT_GROUPS.map((g) => fill(v.table.rejections, { group: c.qualification.rejectGroup[g] })),
  ];
  const row = (label: string, m: FunnelMetrics): (string | number)[] => [
    label,
    ...FUNNEL_STAGES.map((s) => m.reached[s]),
    ...FUNNEL_CONVERSIONS.map((k) => percent(m.conversion[k])),
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
  const groups = report.groups.map((g) => row(g.key ?? v.table.noKey, g.metrics));
  const weekly = [
    [v.csv.week, ...FUNNEL_STAGES.map((s) => c.stage[s]), v.csv.slaRate],
    ...report.weeks.map((w) => [w.week, ...FUNNEL_STAGES.map((s) => w.reached[s]), percent(w.slaRate)]),
  ];
  return [header, ...groups, row(v.table.total, report.totals), [], ...weekly].map((r) => r.map(String));
};

// Writes the report as CSV in UTF-8 with a BOM (Japanese Excel opens it by double-click). The
// report holds counts, no lead data, so it is not an export of personal data and is not logged.
export const writeFunnelCsv = (report: FunnelReport, target: string, overwrite: boolean, language: Language): FunnelCsvOutcome => {
  checkTarget(target, overwrite);
  const rows = funnelCsvRows(report, language);
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
