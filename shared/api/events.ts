import type { Callback } from './calls';
import type { StoreInfo } from './store';
import type { Preferences } from './settings';

// Events the backend pushes to the renderer (IPC send in Electron, server-sent events on the web).
export type ApiEvents = {
  'leads.changed': { reason: 'created' | 'updated' | 'deleted' | 'bulk' };
  'store.changed': StoreInfo;
  'settings.changed': Preferences;
  // Calls, callbacks or rules changed: the queue should be read again.
  'queue.changed': { reason: 'call' | 'callback' | 'rules' | 'leads' };
  // A promised callback fell due now: the host shows a system notification.
  'callback.due': Callback;
  // The team lead published new definitions or a new hearing script.
  'definitions.changed': { version: number };
  'script.changed': { version: number };
  // A handoff was submitted or decided, or the SLA changed.
  'handoffs.changed': Record<string, never>;
  'export.progress': { done: number; total: number };
  'import.progress': { mode: 'preview' | 'commit'; phase: 'read' | 'check' | 'write'; done: number; total: number };
};

export type EventName = keyof ApiEvents;
export type ApiEvent = { [K in EventName]: { name: K; payload: ApiEvents[K] } }[EventName];
