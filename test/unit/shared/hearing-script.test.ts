import { describe, expect, it } from 'vitest';
import { BANT_ITEMS, HEARING_ITEMS } from '../../../shared/domain/bant';
import {
  DEFAULT_SCRIPT_CONTENT,
  defaultScript,
  missingRequired,
  scriptContentSchema,
  scriptItems,
  scriptText,
  type ScriptContent,
} from '../../../shared/domain/hearing-script';
import { DEFAULT_REASON_LISTS, findReason, reasonListsSchema } from '../../../shared/domain/reasons';
import { DEFAULT_DEFINITIONS_CONTENT, defaultDefinitions, definitionsContentSchema } from '../../../shared/domain/stage-definitions';

const issues = (result: { success: boolean; error?: { issues: { message: string }[] } }): string[] => result.error?.issues.map((i) => i.message) ?? [];

describe('the default hearing script', () => {
  it('is valid against the schema the team lead edits with', () => {
    expect(scriptContentSchema.parse(DEFAULT_SCRIPT_CONTENT)).toEqual(DEFAULT_SCRIPT_CONTENT);
    expect(defaultScript('2026-11-24T00:00:00.000Z')).toMatchObject({ version: 1, updatedBy: 'system' });
  });

  it('asks every item, BANT first and required, the optional items after and not required', () => {
    expect(scriptItems(DEFAULT_SCRIPT_CONTENT)).toEqual([...HEARING_ITEMS]);
    expect(DEFAULT_SCRIPT_CONTENT.items.filter((i) => i.required).map((i) => i.item)).toEqual([...BANT_ITEMS]);
  });

  it('has open questions and help in Japanese and English for every item', () => {
    for (const item of DEFAULT_SCRIPT_CONTENT.items) {
      expect(item.questions.length, item.item).toBeGreaterThanOrEqual(2);
      for (const q of item.questions) {
        expect(q.ja, item.item).toMatch(/？$/);
        expect(q.en, item.item).toMatch(/\?$/);
      }
      expect(item.help?.ja && item.help.en, item.item).toBeTruthy();
    }
    expect(DEFAULT_SCRIPT_CONTENT.items.find((i) => i.item === 'need')?.questions.map((q) => q.ja)).toContain('現在の業務で一番時間がかかっている工程はどこですか？');
  });
});

describe('script rules', () => {
  const bant = DEFAULT_SCRIPT_CONTENT.items.slice(0, 4);

  it('lets a team switch optional items off and reorder', () => {
    const content: ScriptContent = { items: [bant[2]!, bant[0]!, bant[1]!, bant[3]!] };
    expect(scriptContentSchema.safeParse(content).success).toBe(true);
    expect(scriptItems(content)).toEqual(['need', 'budget', 'authority', 'timeline']);
  });

  it('refuses a script without one of the BANT items, or with an item twice', () => {
    expect(issues(scriptContentSchema.safeParse({ items: [...bant.slice(1), DEFAULT_SCRIPT_CONTENT.items[4]] }))).toEqual([
      'The script must ask Budget, Authority, Need and Timeline; add the missing ones back.',
    ]);
    expect(issues(scriptContentSchema.safeParse({ items: [...bant, bant[0]] }))).toEqual(['Each item may appear once in the script.']);
  });

  it('needs at least one question per item, each in some language', () => {
    const noQuestions = { items: [{ ...bant[0]!, questions: [] }, ...bant.slice(1)] };
    expect(issues(scriptContentSchema.safeParse(noQuestions))).toEqual(['Give each item at least one question.']);
    const emptyText = { items: [{ ...bant[0]!, questions: [{ ja: '', en: '  ' }] }, ...bant.slice(1)] };
    expect(issues(scriptContentSchema.safeParse(emptyText))).toEqual(['Write a question in Japanese or English.']);
    const japaneseOnly = { items: [{ ...bant[0]!, questions: [{ ja: 'ご予算は？' }] }, ...bant.slice(1)] };
    expect(scriptContentSchema.safeParse(japaneseOnly).success).toBe(true);
  });

  it('shows the reader their language, else the other one', () => {
    expect(scriptText({ ja: '予算は？', en: 'Budget?' }, 'en')).toBe('Budget?');
    expect(scriptText({ ja: '予算は？' }, 'en')).toBe('予算は？');
    expect(scriptText({ en: 'Budget?' }, 'ja')).toBe('Budget?');
  });

  it('lists the required items still unanswered, in script order', () => {
    expect(missingRequired(DEFAULT_SCRIPT_CONTENT, {})).toEqual(['budget', 'authority', 'need', 'timeline']);
    expect(missingRequired(DEFAULT_SCRIPT_CONTENT, { budget: { status: 'none' }, need: { severity: 'unknown', painPoints: 'x' } })).toEqual(['authority', 'need', 'timeline']);
    const withMeeting: ScriptContent = { items: [...bant, { ...DEFAULT_SCRIPT_CONTENT.items[7]!, required: true }] };
    expect(missingRequired(withMeeting, { budget: { status: 'none' }, authority: { role: 'user' }, need: { severity: 'low' }, timeline: { horizon: 'later' } })).toEqual(['meetingDate']);
  });
});

describe('definitions and reason lists', () => {
  it('ship valid', () => {
    expect(definitionsContentSchema.parse(DEFAULT_DEFINITIONS_CONTENT)).toEqual(DEFAULT_DEFINITIONS_CONTENT);
    expect(defaultDefinitions('2026-11-24T00:00:00.000Z')).toMatchObject({ version: 1, updatedAt: '2026-11-24T00:00:00.000Z', updatedBy: 'system' });
    expect(DEFAULT_REASON_LISTS.disqualify.map((r) => r.code)).toEqual(expect.arrayContaining(['no_need', 'no_budget', 'competitor_chosen', 'wrong_contact', 'duplicate']));
    expect(new Set(DEFAULT_REASON_LISTS.reject.map((r) => r.group))).toEqual(new Set(['definitional', 'clerical', 'procedural']));
  });

  it('refuse duplicate codes, lists with nothing switched on, and bad codes', () => {
    const lists = (over: object) => reasonListsSchema.safeParse({ ...DEFAULT_REASON_LISTS, ...over });
    expect(issues(lists({ nurture: [{ code: 'later', enabled: true }, { code: 'later', enabled: false }] }))).toEqual(['Each nurture reason code must be unique.']);
    expect(issues(lists({ disqualify: [{ code: 'no_need', enabled: false }] }))).toEqual(['Switch on at least one disqualification reason.']);
    expect(issues(lists({ reject: [] }))).toEqual(['Keep at least one rejection reason.', 'Switch on at least one rejection reason.']);
    expect(issues(lists({ nurture: [{ code: 'Later!', enabled: true }] }))).toEqual(['Use lower-case letters, digits and _ (starting with a letter), up to 40 characters.']);
    expect(issues(lists({ reject: [{ code: 'late', group: 'other', enabled: true }] }))).toHaveLength(1);
  });

  it('find a reason only when listed and switched on', () => {
    const custom = { ...DEFAULT_REASON_LISTS, disqualify: [{ code: 'no_need', enabled: false }, { code: 'bankrupt', label: { ja: '倒産' }, enabled: true }] };
    expect(findReason(custom, 'disqualify', 'no_need')).toBeNull();
    expect(findReason(custom, 'disqualify', 'bankrupt')).toEqual({ code: 'bankrupt', label: { ja: '倒産' }, enabled: true });
    expect(findReason(DEFAULT_REASON_LISTS, 'reject', 'wrong_team')).toEqual({ code: 'wrong_team', group: 'procedural', enabled: true });
  });
});
