import type { ApiErrorBody, ApiEvent, Bridge, Envelope } from '../../shared/api';
import type { LeadPage, LeadSortField } from '../../shared/api/leads';
import type { Preferences } from '../../shared/api/settings';
import type { StoreInfo } from '../../shared/api/store';
import type { Lead } from '../../shared/domain/lead';
import { STAGES, TEMPERATURES } from '../../shared/domain/stages';

// A test double of the host: the Bridge contract over an in-memory array. Assertions stay on the renderer.
export const makeLead = (i: number): Lead => ({
  id: `lead-${String(i).padStart(6, '0')}`,
  companyName: `株式会社テスト${i}`,
  companyKana: `テスト${String(i).padStart(6, '0')}`,
  department: '営業部',
  title: '部長',
  familyName: '山田',
  givenName: `太郎${i}`,
  familyNameKana: 'ヤマダ',
  givenNameKana: 'タロウ',
  email: `taro${i}@example.co.jp`,
  phone: '03-1234-5678',
  mobile: null,
  postalCode: null,
  prefecture: '東京都',
  address: null,
  industry: null,
  employeeCount: null,
  source: '展示会',
  campaign: null,
  score: i % 100,
  temperature: TEMPERATURES[i % 3] ?? null,
  stage: STAGES[i % STAGES.length] ?? 'lead',
  owner: '佐藤',
  tags: [],
  customFields: {},
  doNotCall: false,
  callCount: i % 7,
  lastCalledAt: null,
  stageChangedAt: null,
  importId: null,
  createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
  updatedAt: new Date(Date.UTC(2025, 5, 1) + i * 60_000).toISOString(),
});

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

export type FakeBridge = Bridge & {
  leads: Lead[];
  preferences: Preferences;
  calls: { method: string; input: unknown }[];
  failNext: Map<string, ApiErrorBody | 'reject'>;
  emit: (event: ApiEvent) => void;
};

export const createFakeBridge = (leadCount: number, options: { demo?: boolean } = {}): FakeBridge => {
  const leads = Array.from({ length: leadCount }, (_, i) => makeLead(i));
  const listeners = new Set<(event: ApiEvent) => void>();
  const calls: { method: string; input: unknown }[] = [];
  const failNext = new Map<string, ApiErrorBody | 'reject'>();
  const state = { preferences: { language: 'ja', userName: '' } as Preferences };

  // Records the call, then fails it once if the test asked for that.
  const answer = async <T>(method: string, input: unknown, value: () => T): Promise<Envelope<T>> => {
    calls.push({ method, input });
    const failure = failNext.get(method);
    if (failure) {
      failNext.delete(method);
      if (failure === 'reject') throw new TypeError('Failed to fetch');
      return { ok: false, error: failure };
    }
    return { ok: true, value: value() };
  };

  const unsupported = async (method: string, input: unknown): Promise<Envelope<never>> => {
    calls.push({ method, input });
    return { ok: false, error: { code: 'internal', message: `${method} is not part of this fake host.` } };
  };

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
    emit: (event) => listeners.forEach((listener) => listener(event)),
    'leads.list': (input) =>
      answer('leads.list', input, (): LeadPage => {
        const { offset = 0, limit = 100, sort = 'updatedAt', direction = 'desc' } = input;
        const sign = direction === 'asc' ? 1 : -1;
        const sorted = [...leads].sort((a, b) => {
          const x = sortValue(a, sort);
          const y = sortValue(b, sort);
          return (x < y ? -1 : x > y ? 1 : 0) * sign || a.id.localeCompare(b.id);
        });
        return { total: leads.length, offset, rows: sorted.slice(offset, offset + limit) };
      }),
    'leads.get': (input) =>
      answer('leads.get', input, () => {
        const lead = leads.find((l) => l.id === input.id);
        if (!lead) throw new Error('not found');
        return lead;
      }),
    'leads.facets': (input) => answer('leads.facets', input, () => ({ owners: [], sources: [], tags: [], imports: [] })),
    'store.info': (input) => answer('store.info', input, info),
    'store.backup': (input) => answer('store.backup', input, () => ({ path: input.path, bytes: 0 })),
    'settings.get': (input) => answer('settings.get', input, () => state.preferences),
    'settings.update': (input) =>
      answer('settings.update', input, () => {
        state.preferences = { ...state.preferences, ...input };
        return state.preferences;
      }),
    // Import is driven through the real backend in integration and e2e tests; the renderer's
    // shell tests only need the lists to be empty.
    'imports.list': (input) => answer('imports.list', input, () => []),
    'imports.presets': (input) => answer('imports.presets', input, () => []),
    'imports.preview': (input) => unsupported('imports.preview', input),
    'imports.commit': (input) => unsupported('imports.commit', input),
    'imports.cancel': (input) => answer('imports.cancel', input, () => ({ cancelled: false })),
    'imports.undo': (input) => unsupported('imports.undo', input),
    'imports.rejectedCsv': (input) => unsupported('imports.rejectedCsv', input),
    'imports.savePreset': (input) => unsupported('imports.savePreset', input),
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return bridge;
};
