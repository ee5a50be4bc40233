import type { Envelope, Input, PickedFile } from '../../shared/api';
import type { ApiEvent } from '../../shared/api/events';
import type { ExportColumn, ExportOutcome, ExportPreset, ExportRecord } from '../../shared/api/exports';

type Answer = <T>(method: string, input: unknown, value: () => T) => Promise<Envelope<T>>;

export type FakeExports = {
  // What the next pickExportFile answers (null: the user cancelled the save dialog).
  nextPick: PickedFile | null;
  // What the next exports.run answers; by default a written file with the leads asked for.
  nextOutcome: ExportOutcome | null;
  log: ExportRecord[];
  delivered: PickedFile[];
};

const record = (input: Input<'exports.run'>, rowCount: number): ExportRecord => ({
  id: `export-${rowCount}`,
  actor: '田中',
  startedAt: '2026-11-20T01:00:00.000Z',
  finishedAt: '2026-11-20T01:00:02.000Z',
  filter: { stages: input.filter?.stages ?? ['tql', 'sal', 'sql'], dateField: input.filter?.dateField ?? 'stageChangedAt' },
  columns: input.columns ?? [],
  preset: input.preset ?? null,
  format: input.format ?? 'csv',
  encoding: (input.format ?? 'csv') === 'csv' ? (input.encoding ?? 'utf8-bom') : null,
  rowCount,
  fileName: input.path.split('/').pop() ?? input.path,
});

// A few registry entries (the backend's registry is tested there), one of them not a default column.
const column = (id: string, group: ExportColumn['group'], type: ExportColumn['type'] = 'text'): ExportColumn => ({ id, group, type, labelKey: `exports.column.${id}` });
const COLUMNS: ExportColumn[] = [
  column('companyName', 'company'),
  column('employeeCount', 'company', 'number'),
  column('email', 'contact'),
  column('stage', 'lead'),
  column('reachedTql', 'stageDates', 'datetime'),
  column('budgetStatus', 'bant'),
];
const PRESETS: ExportPreset[] = [{ id: 'hubspot', name: 'HubSpot re-import', columns: [{ id: 'companyName', header: 'Company Name' }, { id: 'email', header: 'Email' }] }];

// The export methods and host capabilities of the fake host: an export that reports progress once
// and answers what the test set up.
export const createFakeExports = (answer: Answer, emit: (event: ApiEvent) => void, recordCall: (method: string, input: unknown) => void) => {
  const state: FakeExports = { nextPick: { path: '/home/lead/エクスポート.csv', name: 'エクスポート.csv' }, nextOutcome: null, log: [], delivered: [] };
  return {
    state,
    methods: {
      'exports.columns': (input: Input<'exports.columns'>) => answer('exports.columns', input, () => ({ columns: COLUMNS, presets: PRESETS })),
      'exports.run': async (input: Input<'exports.run'>) => {
        emit({ name: 'export.progress', payload: { done: 1, total: 2 } });
        const outcome = state.nextOutcome ?? { kind: 'written' as const, record: record(input, 2), path: input.path };
        state.nextOutcome = null;
        if (outcome.kind === 'written') state.log.unshift(outcome.record);
        return answer('exports.run', input, () => outcome);
      },
      'exports.cancel': (input: Input<'exports.cancel'>) => answer('exports.cancel', input, () => ({ cancelled: false })),
      'exports.log': (input: Input<'exports.log'>) => answer('exports.log', input, () => [...state.log]),
      pickExportFile: async (suggestedName: string): Promise<PickedFile | null> => {
        recordCall('pickExportFile', suggestedName);
        return state.nextPick;
      },
      deliverExportFile: async (file: PickedFile): Promise<void> => {
        state.delivered.push(file);
      },
    },
  };
};
