import { useTranslation } from 'react-i18next';
import type { HeldEntry, QueueEntry } from '../../shared/domain/calling';
import { personName } from './lead-names';
import { isUrgent, useReasonText } from './use-reason-text';

// The offered leads in order, each with why it is there; a row opens the lead in the call view.
export const QueueList = ({ entries, label, onOpen }: { entries: QueueEntry[]; label: string; onOpen: (entry: QueueEntry) => void }) => {
  const { t } = useTranslation();
  const { reasonText } = useReasonText();
  return (
    <ol className="queue-list" aria-label={label}>
      {entries.map((entry, i) => (
        <li key={entry.lead.id}>
          <button
            type="button"
            className={isUrgent(entry.reason) ? 'queue-row queue-row-urgent' : 'queue-row'}
            aria-label={t('call.queue.open', { company: entry.lead.companyName })}
            onClick={() => onOpen(entry)}
          >
            <span className="queue-pos">{i + 1}</span>
            <span className="queue-who">
              <span className="cell-strong">{entry.lead.companyName}</span>
              <span className="cell-sub">{personName(entry.lead)}</span>
            </span>
            <span className={`chip queue-bucket queue-bucket-${entry.reason.bucket}`}>{t(`call.bucket.${entry.reason.bucket}`)}</span>
            <span className={isUrgent(entry.reason) ? 'queue-why queue-why-urgent' : 'queue-why'}>{reasonText(entry.reason)}</span>
            {entry.lead.temperature && (
              <span className={`temp temp-${entry.lead.temperature}`}>{t(`temperature.${entry.lead.temperature}`)}</span>
            )}
          </button>
        </li>
      ))}
    </ol>
  );
};

// The rep's leads the rules hold back, and why: visible, but not offered.
// A call left running (window closed, reload) can be picked up again from here.
export const HeldSection = ({ held, total, onResume }: { held: HeldEntry[]; total: number; onResume: (leadId: string) => void }) => {
  const { t } = useTranslation();
  const { holdText } = useReasonText();
  if (total === 0) return null;
  return (
    <details className="queue-held">
      <summary>{t('call.queue.held', { count: total })}</summary>
      <p className="field-help">{t('call.queue.heldHint')}</p>
      <ul className="queue-held-list">
        {held.map((entry) => (
          <li key={entry.lead.id} className="queue-held-row">
            <span className="cell-strong">{entry.lead.companyName}</span>
            <span className="cell-sub">{personName(entry.lead)}</span>
            <span className="queue-why">{holdText(entry.hold)}</span>
            {entry.hold.kind === 'in_call' && (
              <button type="button" className="button" onClick={() => onResume(entry.lead.id)}>
                {t('call.queue.resume')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
};
