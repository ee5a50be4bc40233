import { useTranslation } from 'react-i18next';
import type { HandoffPacket } from '../../shared/api/handoff';
import { BANT_ITEMS, itemChoice } from '../../shared/domain/bant';
import { personName } from '../../shared/domain/lead';
import { formatJstDateTime } from './handoff-format';

// 引き継ぎシート: one A4 page per lead, in Japanese whatever the UI language, laid out to read
// before the meeting. Hidden on screen; print CSS shows only this (see handoff.css).
export const HandoffSheet = ({ packet }: { packet: HandoffPacket }) => {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('ja');
  const { lead, answers, meeting } = packet;
  return (
    <article className="handoff-sheet" aria-hidden="true">
      <header className="sheet-header">
        <h1>{t('handoff.sheet.title')}</h1>
        <p>{t('handoff.sheet.printedAt', { at: formatJstDateTime(new Date().toISOString(), 'ja') })}</p>
      </header>
      <table className="sheet-table">
        <tbody>
          <tr><th>{t('handoff.packet.company')}</th><td>{lead.companyName}{lead.department ? ` ${lead.department}` : ''}</td></tr>
          <tr><th>{t('handoff.packet.contact')}</th><td>{[lead.title, personName(lead)].filter(Boolean).join(' ')}</td></tr>
          <tr><th>{t('handoff.packet.phone')}</th><td>{lead.phone ?? lead.mobile ?? '—'}</td></tr>
          <tr><th>{t('handoff.packet.email')}</th><td>{lead.email ?? '—'}</td></tr>
          <tr>
            <th>{t('handoff.packet.meeting')}</th>
            <td>
              {t('handoff.sheet.meetingLine', { status: t(`handoff.meetingStatus.${meeting.status}`), mode: t(`handoff.meetingMode.${meeting.mode}`), at: formatJstDateTime(meeting.at, 'ja') })}
              {meeting.place ? ` / ${meeting.place}` : ''}
            </td>
          </tr>
          <tr><th>{t('handoff.packet.from')}</th><td>{packet.fromRep} → {packet.assignee}({formatJstDateTime(packet.submittedAt, 'ja')})</td></tr>
        </tbody>
      </table>
      <h2>{t('handoff.packet.bant')}</h2>
      <table className="sheet-table">
        <tbody>
          {BANT_ITEMS.map((item) => {
            const answer = answers[item];
            return (
              <tr key={item}>
                <th>{t(`qualification.item.${item}`)}</th>
                <td>
                  {answer ? t(`qualification.choice.${item}.${itemChoice(answers, item)}`) : t('handoff.packet.noAnswer')}
                  {answer?.confidence && `(${t(`qualification.confidence.${answer.confidence}`)})`}
                  {answer?.verbatim && <q>{answer.verbatim}</q>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>{t('handoff.packet.summary')}</h2>
      <p className="sheet-summary">{packet.summary}</p>
      <footer className="sheet-footer">{t('handoff.packet.definition', { version: packet.definitionVersion })}</footer>
    </article>
  );
};
