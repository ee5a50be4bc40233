import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state/app-context';
import { callbackReason, useCockpit } from './cockpit-context';
import { askForNotifications, canAskForNotifications } from './desktop-notification';

// In-app banners for callbacks that fell due, on every screen; "open" goes straight to the lead.
export const CallbackAlerts = () => {
  const { t } = useTranslation();
  const alerts = useCockpit((s) => s.dueAlerts);
  const openLead = useCockpit((s) => s.openLead);
  const dismiss = useCockpit((s) => s.dismissAlert);
  const setView = useApp((s) => s.setView);
  if (alerts.length === 0) return null;
  return (
    <div className="callback-alerts">
      {alerts.map((callback) => (
        <div key={callback.id} className="banner banner-callback" role="alert">
          <span className="banner-text">{t('call.alert.due', { company: callback.companyName, person: callback.personName })}</span>
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setView('queue');
              openLead({ leadId: callback.leadId, reason: callbackReason(callback) });
            }}
          >
            {t('call.alert.open')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => dismiss(callback.id)}>
            {t('call.alert.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
};

// Asks for permission to notify once, and only when the rep chooses to.
export const EnableNotifications = () => {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(canAskForNotifications);
  if (!visible) return null;
  return (
    <button
      type="button"
      className="button button-quiet"
      onClick={() => {
        setVisible(false);
        void askForNotifications();
      }}
    >
      {t('call.alert.enable')}
    </button>
  );
};
