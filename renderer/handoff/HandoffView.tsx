import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HANDOFF_STATUSES, type HandoffStatus } from '../../shared/api/handoff';
import { useErrorText } from '../i18n/use-error-text';
import { useApp } from '../state/app-context';
import { HandoffList } from './HandoffList';
import { HandoffPacketView } from './HandoffPacketView';
import { useHandoffInbox } from './use-handoff-inbox';
import './handoff.css';

// Field sales and team leads see the inbox (pending first, soonest SLA deadline on top) and decide;
// a rep sees the handoffs they made, with the reason of any sent back.
export const HandoffView = () => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const role = useApp((s) => s.preferences?.role ?? 'rep');
  const rep = role === 'rep';
  const [status, setStatus] = useState<HandoffStatus | 'all'>(rep ? 'all' : 'pending');
  const [open, setOpen] = useState<string | null>(null);
  const { inbox, error } = useHandoffInbox({ status, mine: rep });

  if (open) {
    return (
      <section className="view handoff-view" aria-label={t('handoff.title')}>
        <HandoffPacketView id={open} canDecide={!rep} onBack={() => setOpen(null)} />
      </section>
    );
  }
  return (
    <section className="view handoff-view" aria-labelledby="view-title">
      <header className="view-header">
        <h1 id="view-title" className="view-title">{rep ? t('handoff.inbox.mine') : t('handoff.inbox.title')}</h1>
        {inbox && (
          <p className="handoff-counts" role="status">
            <span>{t('handoff.inbox.pending', { count: inbox.counts.pending })}</span>
            <span className={inbox.counts.overdue > 0 ? 'sla-overdue' : ''}>{t('handoff.inbox.overdue', { count: inbox.counts.overdue })}</span>
          </p>
        )}
      </header>
      <div className="decision-tabs" role="tablist" aria-label={t('handoff.inbox.order')}>
        {([...HANDOFF_STATUSES, 'all'] as const).map((s) => (
          <button key={s} type="button" role="tab" aria-selected={s === status} className="chip" onClick={() => setStatus(s)}>
            {t(`handoff.status.${s}`)}
          </button>
        ))}
      </div>
      {status === 'pending' && <p className="field-help">{t('handoff.inbox.order')}</p>}
      {error && <p className="form-error" role="alert">{t('handoff.inbox.loadFailed')} {errorText(error)}</p>}
      {inbox && <HandoffList items={inbox.items} empty={rep ? t('handoff.inbox.emptyMine') : t('handoff.inbox.empty')} onOpen={setOpen} />}
    </section>
  );
};
