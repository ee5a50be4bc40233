import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizePhone } from '../../shared/domain/normalize';

// Where the Clipboard API is refused (the desktop host denies every web permission), copying the
// selection of a hidden field still works.
const copyBySelection = (text: string): boolean => {
  const area = document.createElement('textarea');
  area.value = text;
  area.readOnly = true;
  area.className = 'visually-hidden';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  return copied;
};

// A number to dial: a tel: link the OS hands to the softphone, and a copy button. target=_blank
// routes the click through the host's window-open policy (Electron: tel: goes to openExternal).
export const PhoneLink = ({ label, number }: { label: string; number: string }) => {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const dial = normalizePhone(number);
  const onCopy = () => {
    const viaSelection = () => setCopy(copyBySelection(number) ? 'copied' : 'failed');
    if (!navigator.clipboard) return viaSelection();
    navigator.clipboard.writeText(number).then(() => setCopy('copied'), viaSelection);
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
