import { useTranslation } from 'react-i18next';
import type { Lead } from '../../shared/domain/lead';
import { LeadForm } from './LeadForm';
import './lead-detail.css';

type Props = { onCreated: (lead: Lead) => void; onCancel: () => void };

// A new lead typed in by hand (a business card, a call that came in).
export const LeadCreateView = ({ onCreated, onCancel }: Props) => {
  const { t } = useTranslation();
  return (
    <section className="view lead-detail" aria-labelledby="view-title">
      <header className="view-header">
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('leadDetail.back')}
        </button>
        <h1 id="view-title" className="view-title">
          {t('leadDetail.createTitle')}
        </h1>
      </header>
      <LeadForm lead={null} onSaved={onCreated} onCancel={onCancel} />
    </section>
  );
};
