import type { TFunction } from 'i18next';
import type { Language } from '../../shared/api/settings';
import type { Reason, ReasonList } from '../../shared/domain/reasons';

// A team's own wording first (in the UI language, else the other one), then the catalog's.
export const reasonLabel = (reason: Reason, list: ReasonList, language: Language, t: TFunction): string => {
  const own = language === 'ja' ? reason.label?.ja || reason.label?.en : reason.label?.en || reason.label?.ja;
  return own || t(`qualification.reason.${list}.${reason.code}`, { defaultValue: reason.code });
};
