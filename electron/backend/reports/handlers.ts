import type { BackendContext } from '../context';
import type { Handlers } from '../handlers';
import type { PreferencesStore } from '../settings/preferences';
import { writeFunnelCsv } from './funnel-csv';
import { createFunnelReport } from './funnel-report';

type ReportHandlers = Pick<Handlers, 'reports.funnel' | 'reports.funnelCsv'>;

export const createReportHandlers = (ctx: BackendContext, preferences: PreferencesStore): ReportHandlers => {
  const funnel = createFunnelReport(ctx);
  return {
    'reports.funnel': (input) => funnel(input),
    'reports.funnelCsv': (input) => writeFunnelCsv(funnel(input.report), input.path, input.overwrite, preferences.get().language),
  };
};
