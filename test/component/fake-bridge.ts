import type { ApiErrorBody, ApiEvent, Bridge, Envelope } from '../../shared/api';
import type { LeadPage, LeadSortField } from '../../shared/api/leads';
import type { Preferences } from '../../shared/api/settings';
import type { StoreInfo } from '../../shared/api/store';
import type { Lead } from '../../shared/domain/lead';
import { STAGES } from '../../shared/domain/stages';
import { createFakeCalls } from './fake-calls';
import { createFakeExports, type FakeExports } from './fake-exports';
import { createFakeHandoff } from './fake-handoff';
import { createFakeQualification } from './fake-qualification';
import { createFakeReports } from './fake-reports';
import { createFakeImports, type FakeImports } from './fake-imports';
import { createFakeLeadEdits, FakeFailure } from './fake-lead-edits';
import { makeLead } from './fake-lead';

export { makeLead };

// A test double of the host: the Bridge contract over an in-memory array. Assertions stay on the renderer.
const sortValue = (lead: Lead, field: LeadSortField): string | number => {
  switch (field) {
    case 'stage':
      return STAGES.indexOf(lead.stage);
    case 'score':
      return lead.score ?? -1;
    case 'companyKana':
      return lead.companyKana ?? '';
    default:
      return lead[field];
  }
};

// Like the backend: every word must appear in company, person, furigana or email, or (as digits) in a phone number.
const matchesSearch = (lead: Lead, search: string): boolean => {
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const text = [
    lead.companyName,
    lead.companyKana,
    `${lead.familyName ?? ''}${lead.givenName ?? ''}`,
    `${lead.familyNameKana ?? ''}${lead.givenNameKana ?? ''}`,
    lead.email,
  ]
    .join(' ')
    .toLowerCase();
  const phones = [lead.phone, lead.mobile].map((p) => (p ?? '').replace(/\D/g, ''));
  return words.every((word) => {
    const digits = word.replace(/[\s\-()+]/g, '');
    if (/^\d+$/.test(digits) && phones.some((p) => p.includes(digits))) return true;
    return text.includes(word);
  });
};

const uniqueSorted = (values: (string | null)[]): string[] =>
  [...new Set(values.filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b, 'ja'));

export type FakeBridge = Bridge & {
  leads: Lead[];
  preferences: Preferences;
  calls: { method: string; input: unknown }[];
  failNext: Map<string, ApiErrorBody | 'reject'>;
  emit: (event: ApiEvent) => void;
  // What the next pickImportFile answers (a file, null for cancelled, or an Error to throw).
  imports: FakeImports;
  exports: FakeExports;
};

export const createFakeBridge = (leadCount: number, options: { demo?: boolean } = {}): FakeBridge => {
  const leads = Array.from({ length: leadCount }, (_, i) => makeLead(i));
  const listeners = new Set<(event: ApiEvent) => void>();
  const calls: { method: string; input: unknown }[] = [];
  const failNext = new Map<string, ApiErrorBody | 'reject'>();
  const state = { preferences: { language: 'ja', userName: '', role: 'rep' } as Preferences };

  // Records the call, then fails it once if the test asked for that.
  const answer = async <T>(method: string, input: unknown, value: () => T): Promise<Envelope<T>> => {
    calls.push({ method, input });
    const failure = failNext.get(method);
    if (failure) {
      failNext.delete(method);
      if (failure === 'reject') throw new TypeError('Failed to fetch');
      return { ok: false, error: failure };
    }
    try {
      return { ok: true, value: value() };
    } catch (error) {
      // A refusal the backend would answer as an error envelope.
      if (error instanceof FakeFailure) return { ok: false, error: error.body };
      throw error;
    }
  };

  const unsupported = async (method: string, input: unknown): Promise<Envelope<never>> => {
    calls.push({ method, input });
    return { ok: false, error: { code: 'internal', message: `${method} is not part of this fake host.` } };
  };

  const emit = (event: ApiEvent): void => listeners.forEach((listener) => listener(event));
  const fakeImports = createFakeImports(leads, answer, emit, (method, input) => calls.push({ method, input }));
  const fakeExports = createFakeExports(answer, emit, (method, input) => calls.push({ method, input }));

  const info = (): StoreInfo => ({
    path: '/home/rep/.local/share/bantam/bantam.db',
    demo: options.demo ?? false,
    leadCount: leads.length,
    schemaVersion: 1,
    deviceId: 'device-1',
    pendingOps: 3,
  });

  const bridge: FakeBridge = {
    leads,
    get preferences() {
      return state.preferences;
    },
    set preferences(value: Preferences) {
      state.preferences = value;
    },
    calls,
    failNext,
    emit,
    imports: fakeImports.state,
    exports: fakeExports.state,
    'leads.list': (input) =>
      answer('leads.list', input, (): LeadPage => {
        const { offset = 0, limit = 100, sort = 'updatedAt', direction = 'desc', search = '', stages = [], temperatures = [], withTotal = true } = input;
        const sign = direction === 'asc' ? 1 : -1;
        const matching = leads.filter(
          (lead) =>
            (!search || matchesSearch(lead, search)) &&
            (stages.length === 0 || stages.includes(lead.stage)) &&
            (temperatures.length === 0 || (lead.temperature !== null && temperatures.includes(lead.temperature))) &&
            (input.owner === undefined || lead.owner === input.owner) &&
            (input.source === undefined || lead.source === input.source) &&
            (input.tag === undefined || lead.tags.includes(input.tag)) &&
            (input.importId === undefined || lead.importId === input.importId),
        );
        const sorted = matching.sort((a, b) => {
          const x = sortValue(a, sort);
          const y = sortValue(b, sort);
          return (x < y ? -1 : x > y ? 1 : 0) * sign || a.id.localeCompare(b.id);
        });
        return { total: withTotal ? matching.length : null, offset, rows: sorted.slice(offset, offset + limit) };
      }),
    'leads.get': (input) =>
      answer('leads.get', input, () => {
        const lead = leads.find((l) => l.id === input.id);
        if (!lead) throw new Error('not found');
        return lead;
      }),
    'leads.facets': (input) => answer('leads.facets', input, () => ({
        owners: uniqueSorted(leads.map((l) => l.owner)),
        sources: uniqueSorted(leads.map((l) => l.source)),
        tags: uniqueSorted(leads.flatMap((l) => l.tags)),
        // Each import the leads came from, named after its id.
        imports: uniqueSorted(leads.map((l) => l.importId)).map((id) => ({ id, fileName: `${id}.csv`, startedAt: '2025-06-01T00:00:00.000Z' })),
      })),
    'store.info': (input) => answer('store.info', input, info),
    'store.backup': (input) => answer('store.backup', input, () => ({ path: input.path, bytes: 0 })),
    'settings.get': (input) => answer('settings.get', input, () => state.preferences),
    'settings.update': (input) =>
      answer('settings.update', input, () => {
        state.preferences = { ...state.preferences, ...input };
        return state.preferences;
      }),
    pickImportFile: fakeImports.pickImportFile,
    'imports.preview': fakeImports['imports.preview'],
    'imports.commit': fakeImports['imports.commit'],
    'imports.cancel': fakeImports['imports.cancel'],
    'imports.undo': fakeImports['imports.undo'],
    'imports.list': (input) => answer('imports.list', input, () => []),
    'imports.rejectedCsv': fakeImports['imports.rejectedCsv'],
    'imports.savePreset': fakeImports['imports.savePreset'],
    'imports.presets': fakeImports['imports.presets'],
    ...createFakeCalls(leads, answer, emit),
    ...fakeExports.methods,
    ...createFakeReports(leads, answer),
    ...createFakeQualification(leads, answer, emit, () => state.preferences),
    ...createFakeHandoff(leads, answer, emit, () => state.preferences),
    ...createFakeLeadEdits(leads, answer, emit, () => new Date().toISOString()),
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return bridge;
};
