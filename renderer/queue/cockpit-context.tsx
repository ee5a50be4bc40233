import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Callback } from '../../shared/api/calls';
import type { QueueReason } from '../../shared/domain/calling';
import { onEvent } from '../api/client';
import { useApp } from '../state/app-context';
import { type CockpitState, type CockpitStore, createCockpitStore } from './cockpit-store';
import { notify } from './desktop-notification';

const CockpitContext = createContext<CockpitStore | null>(null);

// Why a lead opened from a callback alert is due, worked out at the moment it opens.
export const callbackReason = (callback: Callback, now: Date = new Date()): QueueReason => ({
  bucket: 'callback_due',
  dueAt: callback.dueAt,
  overdueMinutes: Math.max(0, Math.floor((now.getTime() - Date.parse(callback.dueAt)) / 60_000)),
  missed: callback.missed,
});

// Holds the cockpit store for the app's lifetime and feeds it the queue and callback events.
export const CockpitProvider = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  const setView = useApp((s) => s.setView);
  const [store] = useState<CockpitStore>(createCockpitStore);
  useEffect(
    () =>
      onEvent((event) => {
        const state = store.getState();
        if (event.name === 'queue.changed' || event.name === 'leads.changed') state.queueChanged();
        else if (event.name === 'callback.due') {
          const callback = event.payload;
          state.callbackDue(callback);
          state.queueChanged();
          notify(t('call.alert.notificationTitle'), t('call.alert.notificationBody', { company: callback.companyName, person: callback.personName }), callback.id, () => {
            setView('queue');
            store.getState().openLead({ leadId: callback.leadId, reason: callbackReason(callback) });
          });
        }
      }),
    [store, t, setView],
  );
  return <CockpitContext.Provider value={store}>{children}</CockpitContext.Provider>;
};

export const useCockpit = <T,>(selector: (state: CockpitState) => T): T => {
  const store = useContext(CockpitContext);
  if (!store) throw new Error('useCockpit outside CockpitProvider');
  return useStore(store, selector);
};
