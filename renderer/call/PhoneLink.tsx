import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizePhone } from '../../shared/domain/normalize';

// A number to dial: a tel: link the OS hands to the softphone, and a copy button. target=_blank
// routes the click through the host's window-open policy (Electron: tel: goes to openExternal).
export const PhoneLink = ({ label, number }: { label: string; number: string }) => {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const dial = normalizePhone(number);
  const onCopy = () => {
    navigator.clipboard.writeText(number).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };
  return (
    <li className="phone">
      <span className="phone-label">{label}</span>
      {dial ? (
        <a className="phone-number" href={`tel:${dial}`} target="_blank" rel="noreferrer" aria-label={t('call.view.dial', { number })}>
          {number}
        </a>
      ) : (
        <span className="phone-number">{number}</span>
      )}
      <button type="button" className="button button-quiet" onClick={onCopy}>
        {t('call.view.copy')}
      </button>
      {copy !== 'idle' && (
        <span className={copy === 'failed' ? 'field-error' : 'form-saved'} role="status">
          {t(copy === 'copied' ? 'call.view.copied' : 'call.view.copyFailed')}
        </span>
      )}
    </li>
  );
};
