import type { TFunction } from 'i18next';
import type { FunnelQuery } from '../../../shared/api/reports';
import type { Language } from '../../../shared/api/settings';
import { createI18n } from '../../../shared/i18n';
import type { BackendContext } from '../context';
import type { Handlers } from '../handlers';
import type { PreferencesStore } from '../settings/preferences';
import { writeFunnelCsv } from './funnel-csv';
import type { FunnelRunner } from './funnel-runner';

type ReportHandlers = Pick<Handlers, 'reports.funnel' | 'reports.funnelCsv'>;

// Both read the report from the report worker (funnel-runner.ts), off the main thread.
export const createReportHandlers = (ctx: BackendContext, preferences: PreferencesStore, funnelOf: FunnelRunner): ReportHandlers => {
  const funnel = (query: FunnelQuery) => funnelOf.run(query, ctx.now());
  // The CSV's headers are in the user's language, from the same catalogs the screen uses.
  const translators = new Map<Language, Promise<TFunction>>();
  const translator = (language: Language): Promise<TFunction> => {
    let found = translators.get(language);
    if (!found) translators.set(language, (found = createI18n(language).then((i18n) => i18n.t.bind(i18n))));
    return found;
  };
  return {
    'reports.funnel': (input) => funnel(input),
    'reports.funnelCsv': async (input) => {
      const t = await translator(preferences.get().language);
      return writeFunnelCsv(await funnel(input.report), input.path, input.overwrite, t);
    },
  };
};
