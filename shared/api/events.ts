import type { StoreInfo } from './store';
import type { Preferences } from './settings';

// Events the backend pushes to the renderer (IPC send in Electron, server-sent events on the web).
export type ApiEvents = {
  'leads.changed': { reason: 'created' | 'updated' | 'deleted' | 'bulk' };
  'store.changed': StoreInfo;
  'settings.changed': Preferences;
  'import.progress': { mode: 'preview' | 'commit'; phase: 'read' | 'check' | 'write'; done: number; total: number };
};

export type EventName = keyof ApiEvents;
export type ApiEvent = { [K in EventName]: { name: K; payload: ApiEvents[K] } }[EventName];
