import type { HearingItem } from './bant';
import { isGroup, type Condition, type Rule } from './qualification';

// A rule in plain words, as catalog keys and params, so the renderer (i18next) and the CLI can word
// it in either language. A param is either a plain value or another phrase to translate first.
export type Phrase = { key: string; params: Record<string, PhraseParam> };
export type PhraseParam = string | number | Phrase | Phrase[];
export type RulePhrase = { join: 'and' | 'or'; terms: (Phrase | RulePhrase)[] };

export type Translate = (key: string, params?: Record<string, string | number>) => string;

const word = (key: string): Phrase => ({ key, params: {} });
const subject = (item: HearingItem): Phrase => word(`qualification.subject.${item}`);
const choiceWord = (item: HearingItem, value: string): Phrase => ({
  key: 'qualification.rule.quoted',
  params: { text: word(`qualification.choice.${item}.${value}`) },
});

export const describeCondition = (condition: Condition): Phrase => {
  const item = subject(condition.item);
  switch (condition.op) {
    case 'is':
    case 'is_not':
      return { key: `qualification.rule.${condition.op}`, params: { item, value: choiceWord(condition.item, condition.value) } };
    case 'is_one_of':
      return { key: 'qualification.rule.is_one_of', params: { item, values: condition.values.map((v) => choiceWord(condition.item, v)) } };
    case 'is_known':
      return { key: 'qualification.rule.is_known', params: { item } };
    case 'within_months':
      return { key: 'qualification.rule.within_months', params: { item, months: condition.months } };
    case 'amount_at_least':
      return { key: 'qualification.rule.amount_at_least', params: { item, amount: condition.yen } };
  }
};

export const describeRule = (rule: Rule): RulePhrase => ({
  join: rule.join,
  terms: rule.terms.map((term) =>
    isGroup(term) ? { join: term.join, terms: term.terms.map(describeCondition) } : describeCondition(term),
  ),
});

export const isRulePhrase = (term: Phrase | RulePhrase): term is RulePhrase => 'join' in term;

// Words one phrase: nested phrases first, lists joined with the catalog's list word.
export const phraseText = (phrase: Phrase, t: Translate): string => {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(phrase.params)) {
    if (Array.isArray(value)) params[name] = value.map((p) => phraseText(p, t)).join(t('qualification.rule.listJoin'));
    else params[name] = typeof value === 'object' ? phraseText(value, t) : value;
  }
  return t(phrase.key, params);
};

// The whole rule on one line, e.g. "A かつ B かつ (C または D)"; nested groups in brackets.
export const ruleText = (rule: RulePhrase, t: Translate, nested = false): string => {
  const text = rule.terms
    .map((term) => (isRulePhrase(term) ? ruleText(term, t, true) : phraseText(term, t)))
    .join(t(`qualification.rule.join.${rule.join}`));
  return nested && rule.terms.length > 1 ? t('qualification.rule.group', { text }) : text;
};
