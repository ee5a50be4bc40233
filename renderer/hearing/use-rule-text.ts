import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Condition, Rule } from '../../shared/domain/qualification';
import { describeCondition, describeRule, phraseText, ruleText, type Translate } from '../../shared/domain/rule-words';

// Rules and conditions in plain words, in the UI language.
export const useRuleText = () => {
  const { t } = useTranslation();
  const translate: Translate = useCallback((key, params) => t(key, params ?? {}), [t]);
  return {
    rule: useCallback((rule: Rule) => ruleText(describeRule(rule), translate), [translate]),
    condition: useCallback((condition: Condition) => phraseText(describeCondition(condition), translate), [translate]),
  };
};
