import { useTranslation } from 'react-i18next';
import type { CallLog } from '../../shared/api/calls';
import type { CallOutcome } from '../../shared/domain/calling';
import { useApp } from '../state/app-context';
import { formatJst } from '../queue/jst-time';
import { outcomeLabel } from './outcome-label';

// Every earlier attempt on this lead, newest first: when, who, the outcome and the note.
export const CallHistory = ({ calls, outcomes }: { calls: CallLog[]; outcomes: CallOutcome[] }) => {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const label = (code: string) => outcomeLabel(outcomes.find((o) => o.code === code) ?? { code }, language, t);
  return (
    <section className="call-card call-history" aria-labelledby="call-history-title">
      <h2 id="call-history-title" className="call-card-title">{t('call.history.title')}</h2>
      {calls.length === 0 ? (
        <p className="field-help">{t('call.history.empty')}</p>
      ) : (
        <ol className="history-list">
          {calls.map((call) => (
            <li key={call.id} className="history-item">
              <span className="history-when">{t('call.history.entry', { time: formatJst(call.startedAt, language), actor: call.actor })}</span>
              <span className="chip">{label(call.outcome)}</span>
              {call.durationSeconds !== null && <span className="cell-sub">{t('call.history.duration', { seconds: call.durationSeconds })}</span>}
              {call.callbackAt && <span className="cell-sub">{t('call.history.callbackAt', { time: formatJst(call.callbackAt, language) })}</span>}
              {call.note && <p className="history-note">{call.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
};
