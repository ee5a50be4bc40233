import { createStore } from 'zustand/vanilla';
import type { ApiEvent } from '../../shared/api/index';
import type { StoreInfo } from '../../shared/api/store';
import type { Language, Preferences, UserRole } from '../../shared/api/settings';
import { type ApiError, toApiError } from '../api/api-error';
import { invoke } from '../api/client';

export const VIEWS = ['queue', 'leads', 'handoff', 'reports', 'exports', 'definitions', 'settings'] as const;
export type View = (typeof VIEWS)[number];

export type AppState = {
  ready: boolean;
  view: View;
  language: Language;
  preferences: Preferences | null;
  storeInfo: StoreInfo | null;
  error: ApiError | null;
  // Bumped on every 'leads.changed' so lead views know to reload what they show.
  leadsVersion: number;
  setView: (view: View) => void;
  start: () => Promise<void>;
  refreshStoreInfo: () => Promise<void>;
  applyPreferences: (preferences: Preferences) => void;
  showError: (error: unknown) => void;
  dismissError: () => void;
  handleEvent: (event: ApiEvent) => void;
};

// Where each role starts: a rep lives in the call queue, field sales in the handoff inbox, a team lead on the lead list.
export const homeView = (role: UserRole): View => (role === 'rep' ? 'queue' : role === 'field_sales' ? 'handoff' : 'leads');

// One store per mounted App (tests mount many), so it is made by a factory and handed down by context.
// Without an initial view the app opens on the home of the user's role once preferences are read.
export const createAppStore = (initialView?: View) =>
  createStore<AppState>()((set, get) => ({
    ready: false,
    view: initialView ?? 'leads',
    language: 'ja',
    preferences: null,
    storeInfo: null,
    error: null,
    leadsVersion: 0,
    setView: (view) => set({ view }),
    start: async () => {
      // Both are independent; a failure of one still lets the other show.
      const [prefs, info] = await Promise.allSettled([invoke('settings.get', {}), invoke('store.info', {})]);
      if (prefs.status === 'fulfilled') {
        get().applyPreferences(prefs.value);
        if (initialView === undefined) set({ view: homeView(prefs.value.role) });
      } else get().showError(prefs.reason);
      if (info.status === 'fulfilled') set({ storeInfo: info.value });
      else get().showError(info.reason);
      set({ ready: true });
    },
    refreshStoreInfo: async () => {
      try {
        set({ storeInfo: await invoke('store.info', {}) });
      } catch (error) {
        get().showError(error);
      }
    },
    applyPreferences: (preferences) => set({ preferences, language: preferences.language }),
    showError: (error) => set({ error: toApiError(error) }),
    dismissError: () => set({ error: null }),
    handleEvent: (event) => {
      switch (event.name) {
        case 'store.changed':
          set({ storeInfo: event.payload });
          break;
        case 'leads.changed':
          set((s) => ({ leadsVersion: s.leadsVersion + 1 }));
          void get().refreshStoreInfo();
          break;
        case 'settings.changed':
          get().applyPreferences(event.payload);
          break;
      }
    },
  }));

export type AppStore = ReturnType<typeof createAppStore>;
