import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './app-store';

const AppStoreContext = createContext<AppStore | null>(null);

export const AppStoreProvider = ({ store, children }: { store: AppStore; children: ReactNode }) => (
  <AppStoreContext.Provider value={store}>{children}</AppStoreContext.Provider>
);

export const useApp = <T,>(selector: (state: AppState) => T): T => {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useApp outside AppStoreProvider');
  return useStore(store, selector);
};
