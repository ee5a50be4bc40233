import type { Language } from '../shared/api/settings';
import { createI18n } from '../shared/i18n';
import { BantamError } from './backend/errors';

// The text of the dialog shown when Bantam cannot start, in the user's language: the catalog
// text for errors the backend explains, the technical message (English) inside a localized
// sentence otherwise.
export const startupErrorText = async (error: unknown, language: Language): Promise<string> => {
  const i18n = await createI18n(language);
  if (error instanceof BantamError && error.messageKey && i18n.exists(error.messageKey)) {
    return i18n.t(error.messageKey, error.params ?? {});
  }
  return i18n.t('errors.startFailed', { details: error instanceof Error ? error.message : String(error) });
};
