import { useTranslation } from 'react-i18next';
import { useApp } from '../state/app-context';
import { HandoffList } from './HandoffList';
import { useHandoffInbox } from './use-handoff-inbox';

// In the rep's queue: the handoffs field sales sent back, with the reason, so the rep knows why
// a lead is back before calling it again.
export const ReturnedNotice = () => {
  const { t } = useTranslation();
  const setView = useApp((s) => s.setView);
  const { inbox } = useHandoffInbox({ status: 'rejected', mine: true });
  const returned = inbox?.items.filter((h) => h.rejectedTo === 'mql').slice(0, 5) ?? [];
  if (returned.length === 0) return null;
  return (
    <section className="handoff-returned-notice" aria-label={t('handoff.returned.title')}>
      <h2 className="call-card-title">{t('handoff.returned.title')}</h2>
      <HandoffList items={returned} empty="" onOpen={() => setView('handoff')} />
    </section>
  );
};
