import { useTranslation } from 'react-i18next';
import type { Stage } from '../../shared/domain/stages';

// Bounded place for the BANT hearing: until the hearing form ships it shows the stage and says
// plainly that nothing is recorded, rather than anything made up.
export const HearingSection = ({ stage }: { stage: Stage }) => {
  const { t } = useTranslation();
  return (
    <section className="call-card call-hearing" aria-labelledby="call-hearing-title">
      <h2 id="call-hearing-title" className="call-card-title">{t('call.hearing.title')}</h2>
      <p>
        <span className={`chip stage-${stage}`}>{t(`stage.${stage}`)}</span> {t('call.hearing.none')}
      </p>
      <p className="field-help">{t('call.hearing.upcoming')}</p>
    </section>
  );
};
