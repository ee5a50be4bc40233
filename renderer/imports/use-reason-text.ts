import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

type Explained = { message: string; messageKey: string; params?: Record<string, string | number> };

// A row reason or mapping warning in the user's language; the backend's English only if the
// catalog lacks the key (a newer backend than this renderer).
export const useReasonText = (): ((item: Explained) => string) => {
  const { t, i18n } = useTranslation();
  return useCallback((item: Explained) => (i18n.exists(item.messageKey) ? t(item.messageKey, item.params ?? {}) : item.message), [t, i18n]);
};
