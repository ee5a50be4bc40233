import { createStore } from 'zustand/vanilla';
import type { Callback, QueueInput } from '../../shared/api/calls';
import type { QueueReason } from '../../shared/domain/calling';
import type { Temperature } from '../../shared/domain/stages';

// The queue filters a rep can set; the owner is '' for "me" (the backend's default).
export type QueueFilters = { owner: string; source: string; temperature: Temperature | ''; importId: string };

export const DEFAULT_FILTERS: QueueFilters = { owner: '', source: '', temperature: '', importId: '' };

export const toQueueInput = (filters: QueueFilters): QueueInput => ({
  ...(filters.owner ? { owner: filters.owner } : {}),
  ...(filters.source ? { source: filters.source } : {}),
  ...(filters.temperature ? { temperature: filters.temperature } : {}),
  ...(filters.importId ? { importId: filters.importId } : {}),
  limit: 50,
});

// The lead open in the call view and why it was offered (absent when opened from a notification).
export type OpenLead = { leadId: string; reason: QueueReason | null };

export type CockpitState = {
  open: OpenLead | null;
  filters: QueueFilters;
  // Bumped on every 'queue.changed' so the queue screen reads again.
  queueVersion: number;
  // Callbacks that fell due while the app was open, until opened or dismissed.
  dueAlerts: Callback[];
  openLead: (open: OpenLead) => void;
  closeLead: () => void;
  setFilters: (filters: QueueFilters) => void;
  queueChanged: () => void;
  callbackDue: (callback: Callback) => void;
  dismissAlert: (callbackId: string) => void;
};

// One store per mounted App, like the app store: the cockpit's navigation and alerts.
export const createCockpitStore = () =>
  createStore<CockpitState>()((set) => ({
    open: null,
    filters: DEFAULT_FILTERS,
    queueVersion: 0,
    dueAlerts: [],
    openLead: (open) => set((s) => ({ open, dueAlerts: s.dueAlerts.filter((a) => a.leadId !== open.leadId) })),
    closeLead: () => set({ open: null }),
    setFilters: (filters) => set({ filters }),
    queueChanged: () => set((s) => ({ queueVersion: s.queueVersion + 1 })),
    callbackDue: (callback) => set((s) => ({ dueAlerts: [...s.dueAlerts.filter((a) => a.id !== callback.id), callback] })),
    dismissAlert: (callbackId) => set((s) => ({ dueAlerts: s.dueAlerts.filter((a) => a.id !== callbackId) })),
  }));

export type CockpitStore = ReturnType<typeof createCockpitStore>;
