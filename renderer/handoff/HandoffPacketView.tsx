import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoffPacket } from '../../shared/api/handoff';
import { BANT_ITEMS, itemChoice } from '../../shared/domain/bant';
import { personName } from '../../shared/domain/lead';
import { invoke } from '../api/client';
import { useApp } from '../state/app-context';
import { DecidePanel } from './DecidePanel';
import { formatJstDateTime, returnedText, slaText } from './handoff-format';
import { HandoffSheet } from './HandoffSheet';
import { SaveSheetPdf } from './SaveSheetPdf';

type Props = { id: string; canDecide: boolean; onBack: () => void };

// The full packet field sales read before deciding: company, contact, BANT with confidence, the
// customer's words, notes, calls, the meeting and the definitions version that qualified the lead.
export const HandoffPacketView = ({ id, canDecide, onBack }: Props) => {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const showError = useApp((s) => s.showError);
  const [packet, setPacket] = useState<HandoffPacket | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    invoke('handoff.get', { id })
      .then((loaded) => live && setPacket(loaded))
      .catch((error: unknown) => live && showError(error));
    return () => {
      live = false;
    };
  }, [id, version, showError]);

  if (!packet) return <p className="view-loading">{t('handoff.form.loading')}</p>;
  const { lead, answers, meeting } = packet;
  return (
    <article className="handoff-packet" aria-labelledby="packet-title">
      <div className="handoff-packet-actions">
        <button type="button" className="button button-quiet" onClick={onBack}>{t('handoff.packet.back')}</button>
        <button type="button" className="button" onClick={() => window.print()} title={t('handoff.packet.printHint')}>{t('handoff.packet.print')}</button>
        <SaveSheetPdf companyName={lead.companyName} />
      </div>
      <h2 id="packet-title" className="view-title">{lead.companyName}</h2>
      <p className={packet.sla.overdue ? 'sla sla-overdue' : 'sla'}>
        <span className={`badge handoff-status-${packet.status}`}>{t(`handoff.status.${packet.status}`)}</span> {slaText(t, packet.sla)} · {t('handoff.sla.due', { at: formatJstDateTime(packet.sla.dueAt, language) })}
      </p>
      {done && <p className="decision-done" role="status">{done}</p>}
      {packet.status === 'rejected' && <p className="field-help">{returnedText(t, { ...packet, companyName: lead.companyName })}</p>}
      <dl className="handoff-facts">
        <dt>{t('handoff.packet.contact')}</dt>
        <dd>{[lead.department, lead.title, personName(lead)].filter(Boolean).join(' ')}</dd>
        <dt>{t('handoff.packet.phone')}</dt>
        <dd>{lead.phone ?? lead.mobile ?? '—'}</dd>
        <dt>{t('handoff.packet.email')}</dt>
        <dd>{lead.email ?? '—'}</dd>
        <dt>{t('handoff.packet.meeting')}</dt>
        <dd>
          {t(`handoff.meetingStatus.${meeting.status}`)} / {t(`handoff.meetingMode.${meeting.mode}`)} / {formatJstDateTime(meeting.at, language)}
          {meeting.place ? ` / ${meeting.place}` : ''}
        </dd>
        <dt>{t('handoff.packet.from')}</dt>
        <dd>{packet.fromRep} → {packet.assignee}</dd>
        <dt>{t('handoff.packet.submittedAt')}</dt>
        <dd>{formatJstDateTime(packet.submittedAt, language)}</dd>
      </dl>
      <p className="field-help">{t('handoff.packet.definition', { version: packet.definitionVersion })}</p>
      <section aria-label={t('handoff.packet.bant')}>
        <h3 className="call-card-title">{t('handoff.packet.bant')}</h3>
        <dl className="handoff-facts">
          {BANT_ITEMS.map((item) => {
            const answer = answers[item];
            return (
              <div key={item} className="handoff-fact">
                <dt>{t(`qualification.item.${item}`)}</dt>
                <dd>
                  {answer ? t(`qualification.choice.${item}.${itemChoice(answers, item)}`) : t('handoff.packet.noAnswer')}
                  {answer?.confidence && ` (${t(`qualification.confidence.${answer.confidence}`)})`}
                  {answer?.verbatim && <q className="handoff-verbatim">{answer.verbatim}</q>}
                </dd>
              </div>
            );
          })}
        </dl>
      </section>
      <section aria-label={t('handoff.packet.summary')}>
        <h3 className="call-card-title">{t('handoff.packet.summary')}</h3>
        <pre className="handoff-summary-text">{packet.summary}</pre>
      </section>
      <section aria-label={t('handoff.packet.calls')}>
        <h3 className="call-card-title">{t('handoff.packet.calls')}</h3>
        {packet.calls.length === 0 ? (
          <p className="field-help">{t('handoff.packet.noCalls')}</p>
        ) : (
          <ul className="handoff-list-plain">
            {packet.calls.map((call) => (
              <li key={call.id}>
                {formatJstDateTime(call.startedAt, language)} {t(`call.outcome.${call.outcome}`, { defaultValue: call.outcome })} {call.note}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label={t('handoff.packet.notes')}>
        <h3 className="call-card-title">{t('handoff.packet.notes')}</h3>
        {packet.notes.length === 0 ? (
          <p className="field-help">{t('handoff.packet.noNotes')}</p>
        ) : (
          <ul className="handoff-list-plain">
            {packet.notes.map((note) => (
              <li key={note.id}>{formatJstDateTime(note.at, language)} {note.body}</li>
            ))}
          </ul>
        )}
      </section>
      {canDecide && (
        <DecidePanel
          packet={packet}
          onDecided={(_, message) => {
            setDone(message);
            setVersion((n) => n + 1);
          }}
        />
      )}
      <HandoffSheet packet={packet} />
    </article>
  );
};
