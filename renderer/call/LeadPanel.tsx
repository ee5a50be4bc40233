import { useTranslation } from 'react-i18next';
import type { Lead } from '../../shared/domain/lead';
import { personKana, personName } from '../queue/lead-names';
import { PhoneLink } from './PhoneLink';

// Who is on the line: company, person with furigana, title, the numbers to dial, and where the lead stands.
export const LeadPanel = ({ lead }: { lead: Lead }) => {
  const { t } = useTranslation();
  const kana = personKana(lead);
  return (
    <section className="call-card call-lead" aria-labelledby="call-company">
      <p className="call-kana">{lead.companyKana}</p>
      <h1 id="call-company" className="call-company">{lead.companyName}</h1>
      <p className="call-person">
        {kana && <ruby>{personName(lead)}<rt>{kana}</rt></ruby>}
        {!kana && personName(lead)}
        {(lead.department || lead.title) && <span className="call-title">{[lead.department, lead.title].filter(Boolean).join(' ')}</span>}
      </p>
      <ul className="phones" aria-label={t('call.view.phones')}>
        {lead.phone && <PhoneLink label={t('call.view.phone')} number={lead.phone} />}
        {lead.mobile && <PhoneLink label={t('call.view.mobile')} number={lead.mobile} />}
        {!lead.phone && !lead.mobile && <li className="field-help">{t('call.view.noPhone')}</li>}
      </ul>
      <dl className="call-facts">
        <div>
          <dt>{t('call.view.stage')}</dt>
          <dd><span className={`chip stage-${lead.stage}`}>{t(`stage.${lead.stage}`)}</span></dd>
        </div>
        <div>
          <dt>{t('call.view.temperature')}</dt>
          <dd>{lead.temperature ? t(`temperature.${lead.temperature}`) : t('temperature.none')}</dd>
        </div>
        <div>
          <dt>{t('call.view.source')}</dt>
          <dd>{lead.source ?? '—'}</dd>
        </div>
      </dl>
    </section>
  );
};
