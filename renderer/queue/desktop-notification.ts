// Browser notifications for callbacks. Where the host shows its own system notification (Electron),
// its security policy denies this permission, so the renderer never shows a second one.
const ASKED_KEY = 'bantam.notifications.asked';

const api = (): typeof Notification | undefined => (typeof Notification === 'undefined' ? undefined : Notification);

// True when asking makes sense: the browser can notify, nobody decided yet, and we have not asked before.
export const canAskForNotifications = (): boolean => api()?.permission === 'default' && localStorage.getItem(ASKED_KEY) === null;

export const askForNotifications = async (): Promise<void> => {
  localStorage.setItem(ASKED_KEY, new Date().toISOString());
  await api()?.requestPermission();
};

// Shows a notification when allowed; clicking it brings the window forward and runs onClick.
export const notify = (title: string, body: string, tag: string, onClick: () => void): void => {
  const N = api();
  if (N?.permission !== 'granted') return;
  const notification = new N(title, { body, tag });
  notification.onclick = () => {
    window.focus();
    onClick();
    notification.close();
  };
};
