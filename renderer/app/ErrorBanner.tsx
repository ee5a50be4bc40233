import { useTranslation } from 'react-i18next';
import { useErrorText } from '../i18n/use-error-text';
import { useApp } from '../state/app-context';

export const ErrorBanner = () => {
  const { t } = useTranslation();
  const error = useApp((s) => s.error);
  const dismiss = useApp((s) => s.dismissError);
  const text = useErrorText();
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      <span className="banner-title">{t('errors.title')}</span>
      <span className="banner-text">{text(error)}</span>
      <button type="button" className="button button-quiet" onClick={dismiss}>
        {t('common.close')}
      </button>
    </div>
  );
};
