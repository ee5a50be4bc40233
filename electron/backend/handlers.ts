import type { MethodName, Output, ParsedInput } from '../../shared/api';
import { createCallHandlers } from './calls/handlers';
import type { BackendContext } from './context';
import { schemaVersion } from './db/migrate';
import { createExportHandlers } from './exports/handlers';
import { createHandoffHandlers } from './handoff/handlers';
import { createImportHandlers } from './imports/handlers';
import type { ImportRunner } from './imports/runner';
import { createLeadHandlers } from './leads/handlers';
import { createQualificationHandlers } from './qualification/handlers';
import { createReportHandlers } from './reports/handlers';
import type { FunnelRunner } from './reports/funnel-runner';
import { createLeadRepository } from './leads/repository';
import type { PreferencesStore } from './settings/preferences';
import { backupStore } from './store/backup';

export type Handlers = { [K in MethodName]: (input: ParsedInput<K>) => Output<K> | Promise<Output<K>> };

// Binds every contract method to the feature code that implements it. The compiler checks that
// none is missing and that each returns the contract's output type.
export const createHandlers = (ctx: BackendContext, preferences: PreferencesStore, runner: ImportRunner, funnel: FunnelRunner) => {
  const leads = createLeadRepository(ctx);
  const storeInfo = () => ({
    path: ctx.store.path,
    demo: ctx.demo,
    leadCount: leads.count(),
    schemaVersion: schemaVersion(ctx.store.db),
    deviceId: ctx.store.deviceId,
    pendingOps: ctx.outbox.pendingCount(),
  });
  // What must stop when the backend closes (timers).
  const disposers: (() => void)[] = [];
  const handlers: Handlers = {
    ...createLeadHandlers(ctx, leads),
    ...createCallHandlers(ctx, leads, (dispose) => disposers.push(dispose)),
    ...createQualificationHandlers(ctx, leads, preferences),
    'store.info': () => storeInfo(),
    'store.backup': (input) => backupStore(ctx.store, input.path),
    'settings.get': () => preferences.get(),
    'settings.update': (input) => {
      const saved = preferences.update(input);
      ctx.emit({ name: 'settings.changed', payload: saved });
      return saved;
    },
    ...createImportHandlers(ctx, leads, runner),
    ...createExportHandlers(ctx, preferences, (dispose) => disposers.push(dispose)),
    ...createReportHandlers(ctx, preferences, funnel),
    ...createHandoffHandlers(ctx, leads, preferences),
  };
  const dispose = (): void => disposers.forEach((stop) => stop());
  return { handlers, leads, storeInfo, dispose };
};
