import type { TFunction } from 'i18next';
import type { ErrorCode } from '../../shared/api';
import type { ApiError } from './api-error';

// Catalog text when the backend gave no (known) messageKey.
const CODE_KEYS: Record<ErrorCode, string> = {
  invalid_input: 'errors.invalidInput',
  unknown_method: 'errors.unknownMethod',
  not_found: 'errors.notFound',
  conflict: 'errors.conflict',
  store_unavailable: 'errors.storeUnavailable',
  forbidden: 'errors.forbidden',
  internal: 'errors.internal',
};

// What the user reads for an error: always catalog text, never the backend's English message.
export const errorText = (t: TFunction, exists: (key: string) => boolean, error: ApiError): string => {
  const details = error.issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join(' / ');
  const params = { details, ...error.params };
  if (error.messageKey && exists(error.messageKey)) return t(error.messageKey, params);
  const key = CODE_KEYS[error.code] ?? 'errors.internal';
  return exists(key) ? t(key, params) : t('errors.internal');
};
