import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../i18n/use-error-text';
import { useLeadFacets } from '../leads/use-lead-facets';
import { useApp } from '../state/app-context';
import { FunnelChart } from './FunnelChart';
import { FunnelTable } from './FunnelTable';
import { RejectionList } from './RejectionList';
import { ReportControls } from './ReportControls';
import { TrendChart } from './TrendChart';
import { funnelInputOf, initialReportOptions, type ReportOptions } from './period';
import { useFunnel } from './use-funnel';
import { useFunnelCsv } from './use-funnel-csv';
import './reports.css';

// The funnel report: for the team lead's weekly meeting, readable by everyone.
export const ReportsView = () => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const leadsVersion = useApp((s) => s.leadsVersion);
  const facets = useLeadFacets(leadsVersion);
  const [options, setOptions] = useState<ReportOptions>(() => initialReportOptions(new Date()));
  const input = funnelInputOf(options);
  const state = useFunnel(input, leadsVersion);
  const csv = useFunnelCsv();
  const report = state.kind === 'ready' ? state.report : state.kind === 'loading' ? state.last : null;

  return (
    <section className="view report-view" aria-labelledby="report-title" aria-busy={state.kind === 'loading'}>
      <header className="view-header">
        <h1 id="report-title" className="view-title">{t('reportsView.title')}</h1>
        <button
          type="button"
          className="button"
          disabled={input === null || csv.state.kind === 'running'}
          onClick={() => input && void csv.run(input, `bantam-funnel-${input.from}_${input.to}.csv`)}
        >
          {csv.state.kind === 'running' ? t('reportsView.csv.running') : t('reportsView.csv.run')}
        </button>
      </header>
      <p className="field-help">{t('reportsView.intro')}</p>
      <ReportControls options={options} facets={facets} onChange={(patch) => setOptions((o) => ({ ...o, ...patch }))} />
      {csv.state.kind === 'written' && (
        <p role="status" data-testid="report-csv-done">{t('reportsView.csv.done', { file: csv.state.outcome.fileName, count: csv.state.outcome.rowCount })}</p>
      )}
      {csv.state.kind === 'failed' && <p className="form-error" role="alert">{errorText(csv.state.error)}</p>}
      {state.kind === 'failed' && (
        <p className="form-error" role="alert">
          {t('reportsView.errors.loadFailed')} {errorText(state.error)}
        </p>
      )}
      {state.kind === 'loading' && <p className="field-help" aria-live="polite">{t('reportsView.loading')}</p>}
      {state.kind === 'ready' && (
        <p className="field-help" data-testid="report-computed">{t('reportsView.computed', { from: state.report.query.from, to: state.report.query.to, ms: state.ms })}</p>
      )}
      {report && (
        <div className="report-body">
          <div className="report-charts">
            <section aria-labelledby="report-funnel-title">
              <h2 id="report-funnel-title" className="report-subtitle">{t('reportsView.funnel.title')}</h2>
              <FunnelChart metrics={report.totals} />
            </section>
            <section aria-labelledby="report-trend-title">
              <h2 id="report-trend-title" className="report-subtitle">{t('reportsView.trend.title')}</h2>
              <TrendChart weeks={report.weeks} />
            </section>
          </div>
          <div className="report-numbers">
            <h2 className="report-subtitle">{t('reportsView.table.title')}</h2>
            <FunnelTable report={report} />
            <RejectionList groups={report.totals.rejections} />
          </div>
        </div>
      )}
    </section>
  );
};
