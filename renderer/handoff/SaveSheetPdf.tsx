import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { jstDay } from '../../shared/domain/business-time';
import { ApiError } from '../api/api-error';
import { hostBridge } from '../api/client';
import { useApp } from '../state/app-context';

// Desktop only: the A4 handoff sheet saved as a PDF where the user chooses. In a browser the print
// dialog's own "Save as PDF" does this, so the button is not shown there.
export const SaveSheetPdf = ({ companyName }: { companyName: string }) => {
  const { t } = useTranslation();
  const showError = useApp((s) => s.showError);
  const [saved, setSaved] = useState<string | null>(null);
  const save = hostBridge()?.savePagePdf;
  if (!save) return null;

  const onSave = async (): Promise<void> => {
    setSaved(null);
    try {
      const file = await save(t('handoff.sheet.fileName', { company: companyName, day: jstDay(new Date()) }));
      if (file) setSaved(file.name);
    } catch (cause) {
      showError(new ApiError({ code: 'internal', message: cause instanceof Error ? cause.message : String(cause), messageKey: 'errors.pdf.failed' }));
    }
  };
  return (
    <>
      <button type="button" className="button" onClick={() => void onSave()}>
        {t('handoff.packet.savePdf')}
      </button>
      {saved && (
        <span className="field-help" role="status">
          {t('handoff.packet.pdfSaved', { name: saved })}
        </span>
      )}
    </>
  );
};
