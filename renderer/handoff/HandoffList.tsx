import { useTranslation } from 'react-i18next';
import type { Handoff } from '../../shared/api/handoff';
import { useApp } from '../state/app-context';
import { formatJstDateTime, returnedText, slaText } from './handoff-format';

type Props = { items: Handoff[]; empty: string; onOpen: (id: string) => void };

// Handoffs as rows: company, assignee, meeting, status, SLA time left (overdue marked), and for a
// sent-back one the reason with its group.
export const HandoffList = ({ items, empty, onOpen }: Props) => {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  if (items.length === 0) return <p className="field-help">{empty}</p>;
  return (
    <ul className="handoff-list">
      {items.map((h) => (
        <li key={h.id} className={h.sla.overdue && h.status === 'pending' ? 'handoff-item handoff-overdue' : 'handoff-item'}>
          <button type="button" className="handoff-item-button" onClick={() => onOpen(h.id)}>
            <span className="handoff-company">{h.companyName}</span>
            <span>{h.personName}</span>
            <span>→ {h.assignee}</span>
            <span>{formatJstDateTime(h.meeting.at, language)}</span>
            <span className={`badge handoff-status-${h.status}`}>{t(`handoff.status.${h.status}`)}</span>
            <span className={h.sla.overdue ? 'sla sla-overdue' : 'sla'}>{h.status === 'pending' && h.sla.overdue ? `${t('handoff.sla.overdue')} · ` : ''}{slaText(t, h.sla)}</span>
          </button>
          {h.status === 'rejected' && <p className="handoff-returned">{returnedText(t, h)}</p>}
        </li>
      ))}
    </ul>
  );
};
