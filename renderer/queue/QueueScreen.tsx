import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueEntry } from '../../shared/domain/calling';
import { useErrorText } from '../i18n/use-error-text';
import { EnableNotifications } from './CallbackAlerts';
import { useCockpit } from './cockpit-context';
import { ReturnedNotice } from '../handoff/ReturnedNotice';
import { DayStats } from './DayStats';
import { isActivatable, isTextEntry } from './keys';
import { QueueFilters } from './QueueFilters';
import { HeldSection, QueueList } from './QueueList';
import { ShortcutsButton } from './ShortcutsOverlay';
import { useQueue } from './use-queue';

// The rep's home: the day at a glance, the filters, who to call next and why, and what is held back.
export const QueueScreen = () => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const openLead = useCockpit((s) => s.openLead);
  const { queue, day, error, loading } = useQueue();
  const first = queue?.entries[0];

  // Registered as the list commits (not after paint), so N works the moment the first lead shows.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!first || event.ctrlKey || event.metaKey || event.altKey || isTextEntry(event.target)) return;
      const next = event.key === 'n' || event.key === 'N' || (event.key === 'Enter' && !isActivatable(event.target));
      if (!next) return;
      event.preventDefault();
      openLead({ leadId: first.lead.id, reason: first.reason });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [first, openLead]);

  const open = (entry: QueueEntry) => openLead({ leadId: entry.lead.id, reason: entry.reason });

  return (
    <section className="view cockpit" aria-labelledby="view-title">
      <header className="view-header">
        <h1 id="view-title" className="view-title">{t('call.title')}</h1>
        {queue && <span className="view-count">{t('call.queue.offered', { count: queue.counts.offered })}</span>}
        <div className="view-header-action">
          <EnableNotifications />
          <ShortcutsButton />
          <button type="button" className="button button-primary" disabled={!first} onClick={() => first && open(first)} title={t('call.queue.nextHint')}>
            {t('call.queue.next')}
            <kbd className="kbd">N</kbd>
          </button>
        </div>
      </header>
      <DayStats day={day} />
      <QueueFilters />
      {error && (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      )}
      {queue && queue.counts.callbacksMissed > 0 && (
        <p className="queue-missed" role="status">
          {t('call.queue.missedCount', { count: queue.counts.callbacksMissed })}
        </p>
      )}
      <ReturnedNotice />
      {!queue && loading && <p className="view-loading">{t('call.queue.loading')}</p>}
      {queue && queue.entries.length === 0 && (
        <div className="empty-state">
          <p className="empty-title">{t('call.queue.empty')}</p>
          <p className="empty-hint">{t('call.queue.emptyHint')}</p>
        </div>
      )}
      {queue && queue.entries.length > 0 && <QueueList entries={queue.entries} label={t('call.queue.offered', { count: queue.counts.offered })} onOpen={open} />}
      {queue && <HeldSection held={queue.held} total={queue.counts.held} onResume={(leadId) => openLead({ leadId, reason: null })} />}
    </section>
  );
};
