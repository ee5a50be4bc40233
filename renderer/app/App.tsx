import type { i18n as I18n } from 'i18next';
import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { onEvent } from '../api/client';
import { CockpitProvider } from '../queue/cockpit-context';
import { AppStoreProvider, useApp } from '../state/app-context';
import { type AppStore, createAppStore, type View } from '../state/app-store';
import { Shell } from './Shell';

export type AppProps = { i18n: I18n; initialView?: View };

// Keeps i18next and <html lang> in step with the language held in the store.
const LanguageSync = ({ i18n }: { i18n: I18n }) => {
  const language = useApp((s) => s.language);
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
  return null;
};

export const App = ({ i18n, initialView }: AppProps) => {
  const [store] = useState<AppStore>(() => createAppStore(initialView));
  useEffect(() => {
    const unsubscribe = onEvent((event) => store.getState().handleEvent(event));
    void store.getState().start();
    return unsubscribe;
  }, [store]);
  return (
    <I18nextProvider i18n={i18n}>
      <AppStoreProvider store={store}>
        <LanguageSync i18n={i18n} />
        <CockpitProvider>
          <Shell />
        </CockpitProvider>
      </AppStoreProvider>
    </I18nextProvider>
  );
};
