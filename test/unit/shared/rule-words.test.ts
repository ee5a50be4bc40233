import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { HEARING_ITEMS, ITEM_CHOICES } from '../../../shared/domain/bant';
import { DISQUALIFY_REASONS, NURTURE_REASONS, REJECT_GROUPS, REJECT_REASONS } from '../../../shared/domain/reasons';
import { describeCondition, describeRule, phraseText, ruleText, type Translate } from '../../../shared/domain/rule-words';
import { DEFAULT_NURTURE_RULE, DEFAULT_TQL_RULE } from '../../../shared/domain/stage-definitions';
import { ACTOR_ROLES, REFUSAL_CODES, STAGE_ACTIONS } from '../../../shared/domain/stage-machine';
import { en } from '../../../shared/i18n/en';
import { ja } from '../../../shared/i18n/ja';
import { qualificationEn, qualificationJa } from '../../../shared/i18n/qualification';

// The catalogs as they will be wired: the qualification namespace beside the app's own keys.
const translators: Record<'ja' | 'en', Translate> = { ja: () => '', en: () => '' };

beforeAll(async () => {
  for (const lng of ['ja', 'en'] as const) {
    const instance = i18next.createInstance();
    await instance.init({
      lng,
      resources: { [lng]: { translation: { ...(lng === 'ja' ? ja : en), qualification: lng === 'ja' ? qualificationJa : qualificationEn } } },
      interpolation: { escapeValue: false },
    });
    const t: TFunction = instance.t.bind(instance);
    translators[lng] = (key, params) => {
      const text = t(key, params ?? {});
      if (text === key) throw new Error(`missing catalog key ${key}`);
      return text;
    };
  }
});

describe('rules in plain words', () => {
  it('words the default TQL definition in Japanese and English', () => {
    const phrase = describeRule(DEFAULT_TQL_RULE);
    expect(ruleText(phrase, translators.ja)).toBe(
      '課題の深刻度が「高い」、「中程度」のいずれか かつ 導入時期が6か月以内 かつ 相手の立場(決裁権)が「決裁者」、「影響者(決裁に関与)」のいずれか かつ 予算が「予算なし」ではない',
    );
    expect(ruleText(phrase, translators.en)).toBe(
      'Need severity is "High" or "Medium" AND Timeline is within 6 months AND The contact\'s authority is "Decision maker" or "Influencer" AND Budget is not "No budget"',
    );
  });

  it('gives structured keys and params, not text', () => {
    expect(describeCondition({ item: 'budget', op: 'is_not', value: 'none' })).toEqual({
      key: 'qualification.rule.is_not',
      params: {
        item: { key: 'qualification.subject.budget', params: {} },
        value: { key: 'qualification.rule.quoted', params: { text: { key: 'qualification.choice.budget.none', params: {} } } },
      },
    });
    expect(describeRule(DEFAULT_NURTURE_RULE).join).toBe('or');
  });

  it('brackets a nested group and formats amounts', () => {
    const phrase = describeRule({
      join: 'and',
      terms: [
        { item: 'budget', op: 'amount_at_least', yen: 3_000_000 },
        { join: 'or', terms: [{ item: 'nextStep', op: 'is_known' }, { item: 'meetingDate', op: 'is', value: 'agreed' }] },
      ],
    });
    expect(ruleText(phrase, translators.ja)).toBe('予算の金額が3,000,000円以上 かつ (次のステップが判明している または 商談日程が「確定」)');
    expect(ruleText(phrase, translators.en)).toBe('Budget amount is at least ¥3,000,000 AND (Next step is known OR Meeting date is "Agreed")');
  });

  it('has words for every item, choice and operator it can produce', () => {
    for (const item of HEARING_ITEMS) {
      for (const value of ITEM_CHOICES[item].filter((c) => c !== 'unknown')) {
        for (const lng of ['ja', 'en'] as const) {
          expect(phraseText(describeCondition({ item, op: 'is', value } as never), translators[lng])).not.toContain('qualification.');
          expect(translators[lng](`qualification.item.${item}`)).toBeTruthy();
          expect(translators[lng](`qualification.choice.${item}.unknown`)).toBeTruthy();
        }
      }
    }
  });
});

describe('catalog words for decisions', () => {
  it('names every action, role, reason and group in both languages', () => {
    const keys = [
      ...STAGE_ACTIONS.map((a) => `qualification.action.${a}`),
      ...ACTOR_ROLES.map((r) => `qualification.role.${r}`),
      ...DISQUALIFY_REASONS.map((r) => `qualification.reason.disqualify.${r}`),
      ...NURTURE_REASONS.map((r) => `qualification.reason.nurture.${r}`),
      ...Object.keys(REJECT_REASONS).map((r) => `qualification.reason.reject.${r}`),
      ...REJECT_GROUPS.map((g) => `qualification.rejectGroup.${g}`),
    ];
    for (const key of keys) for (const lng of ['ja', 'en'] as const) expect(translators[lng](key), key).toBeTruthy();
  });

  it('words every refusal with its params, nested names translated', () => {
    const params = { action: 'accept', stage: 'mql', role: 'rep', list: 'nurture', reason: 'xyz', date: '2026-11-24', today: '2026-11-24', failed: 1, missing: 2, version: 3 };
    for (const code of REFUSAL_CODES) {
      for (const lng of ['ja', 'en'] as const) {
        const text = translators[lng](`qualification.refused.${code}`, params);
        expect(text, `${lng} ${code}`).not.toMatch(/\$t\(|\{\{|qualification\./);
      }
    }
    expect(translators.ja('qualification.refused.wrong_stage', params)).toBe(
      'このリードは「MQL」のため、「受け入れる(SAL)」はできません。履歴で現在のステージを確認してください。何も変更していません。',
    );
    expect(translators.en('qualification.refused.role_not_allowed', params)).toBe(
      '"Accept (SAL)" cannot be done by an inside-sales rep. Ask someone who may do it. Nothing was changed.',
    );
  });
});
