import type { TFunction } from 'i18next';
import type { Language } from '../../shared/api/settings';
import { BUILT_IN_OUTCOMES, type CallOutcome } from '../../shared/domain/calling';

const isBuiltIn = (code: string): boolean => (BUILT_IN_OUTCOMES as readonly string[]).includes(code);

// The team's own wording first, then the catalog for a built-in outcome, then the other language, then the code.
export const outcomeLabel = (outcome: Pick<CallOutcome, 'code' | 'label'>, language: Language, t: TFunction): string =>
  outcome.label?.[language] ??
  (isBuiltIn(outcome.code) ? t(`call.outcome.${outcome.code}`) : (outcome.label?.ja ?? outcome.label?.en ?? outcome.code));
