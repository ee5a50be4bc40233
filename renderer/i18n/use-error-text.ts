import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/api-error';
import { errorText } from '../api/error-text';

export const useErrorText = (): ((error: ApiError) => string) => {
  const { t, i18n } = useTranslation();
  return useCallback((error: ApiError) => errorText(t, (key) => i18n.exists(key), error), [t, i18n]);
};
