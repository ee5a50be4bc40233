import type { BackendContext } from '../context';
import type { Handlers } from '../handlers';
import type { PreferencesStore } from '../settings/preferences';
import { exportColumns } from './columns';
import { listExports } from './export-log';
import { EXPORT_PRESETS } from './presets';
import { createExportRunner } from './run-export';

type ExportHandlers = Pick<Handlers, 'exports.columns' | 'exports.run' | 'exports.cancel' | 'exports.log'>;

export const createExportHandlers = (ctx: BackendContext, preferences: PreferencesStore, onDispose: (dispose: () => void) => void): ExportHandlers => {
  const runner = createExportRunner(ctx, () => preferences.get().language);
  // Closing the backend stops a running export (its partial file is removed).
  onDispose(() => runner.cancel());
  return {
    'exports.columns': () => ({ columns: exportColumns(), presets: [...EXPORT_PRESETS] }),
    'exports.run': (input) => runner.run(input),
    'exports.cancel': () => ({ cancelled: runner.cancel() }),
    'exports.log': (input) => listExports(ctx.store.db, input.limit),
  };
};
