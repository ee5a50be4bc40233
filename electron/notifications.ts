import { Notification, type BrowserWindow } from 'electron';
import type { ApiEvent } from '../shared/api';
import type { Language } from '../shared/api/settings';
import { createI18n } from '../shared/i18n';

type EventSource = {
  subscribe: (listener: (event: ApiEvent) => void) => () => void;
  preferences: { get: () => { language: Language } };
};

// A system notification when a promised callback falls due, in the user's language, even with
// the window in the background; clicking it brings the window to the front.
export const notifyCallbacks = (backend: EventSource, getWindow: () => BrowserWindow | undefined): (() => void) => {
  // Shown notifications are kept until closed: one collected early would lose its click.
  const shown = new Set<Notification>();
  const focus = (): void => {
    const window = getWindow();
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  const unsubscribe = backend.subscribe((event) => {
    if (event.name !== 'callback.due' || !Notification.isSupported()) return;
    const { companyName, personName } = event.payload;
    void createI18n(backend.preferences.get().language).then((i18n) => {
      const notification = new Notification({
        title: i18n.t('call.alert.notificationTitle'),
        body: i18n.t('call.alert.notificationBody', { company: companyName, person: personName }),
      });
      shown.add(notification);
      notification.on('click', focus);
      notification.on('close', () => shown.delete(notification));
      notification.show();
    });
  });
  return () => {
    unsubscribe();
    shown.clear();
  };
};
