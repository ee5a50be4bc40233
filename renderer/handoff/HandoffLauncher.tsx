import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Handoff } from '../../shared/api/handoff';
import { useApp } from '../state/app-context';
import { formatJstDateTime } from './handoff-format';
import { HandoffForm } from './HandoffForm';

// "引き継ぎを作成" beside a TQL lead (after the TQL decision in the call view, and on the lead
// detail): opens the handoff form in place and confirms what was sent.
export const HandoffLauncher = ({ leadId }: { leadId: string }) => {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<Handoff | null>(null);
  if (sent) {
    return (
      <p className="decision-done" role="status">
        {t('handoff.form.submitted', { assignee: sent.assignee, due: formatJstDateTime(sent.sla.dueAt, language) })}
      </p>
    );
  }
  if (open) {
    return (
      <HandoffForm
        leadId={leadId}
        onDone={(handoff) => {
          setOpen(false);
          setSent(handoff);
        }}
      />
    );
  }
  return (
    <button type="button" className="button button-primary handoff-open" onClick={() => setOpen(true)}>
      {t('handoff.form.open')}
    </button>
  );
};
