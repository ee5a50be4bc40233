import { z } from 'zod';
import { BANT_ITEMS, HEARING_ITEMS, itemChoice, type BantAnswers, type HearingItem } from './bant';
import { DEFAULT_SCRIPT_TEXTS } from './hearing-script-texts';

// A text the team lead writes, in Japanese, English or both; a reader sees their language if
// written, else the other one.
const localized = (max: number, what: string) =>
  z
    .object({
      ja: z.string().trim().max(max, `Keep ${what} under ${max} characters.`),
      en: z.string().trim().max(max, `Keep ${what} under ${max} characters.`),
    })
    .partial()
    .strict()
    .refine((t) => Boolean(t.ja || t.en), { message: `Write ${what} in Japanese or English.` });
export type LocalizedText = z.infer<ReturnType<typeof localized>>;

// One item of the script: its open questions (the talk track), whether it must be answered before
// the hearing is complete, and help text for the rep. The order of items is the order of the form.
export const scriptItemSchema = z
  .object({
    item: z.enum(HEARING_ITEMS),
    required: z.boolean(),
    questions: z.array(localized(300, 'a question')).min(1, 'Give each item at least one question.').max(10, 'Keep to 10 questions per item.'),
    help: localized(1000, 'the help text').optional(),
  })
  .strict();
export type ScriptItem = z.infer<typeof scriptItemSchema>;

// The script the team lead edits. The four BANT items are always asked; an optional item is
// switched on by being in the list.
export const scriptContentSchema = z
  .object({ items: z.array(scriptItemSchema).min(BANT_ITEMS.length).max(HEARING_ITEMS.length) })
  .strict()
  .refine((s) => new Set(s.items.map((i) => i.item)).size === s.items.length, { message: 'Each item may appear once in the script.', path: ['items'] })
  .refine((s) => BANT_ITEMS.every((b) => s.items.some((i) => i.item === b)), {
    message: 'The script must ask Budget, Authority, Need and Timeline; add the missing ones back.',
    path: ['items'],
  });
export type ScriptContent = z.infer<typeof scriptContentSchema>;

// Versioned: every hearing records the version it was run with.
export type HearingScript = ScriptContent & { version: number; updatedAt: string; updatedBy: string };

export const scriptText = (text: LocalizedText, language: keyof LocalizedText): string =>
  (language === 'ja' ? text.ja || text.en : text.en || text.ja) ?? '';

// The required items still without an answer, in script order.
export const missingRequired = (script: ScriptContent, answers: BantAnswers): HearingItem[] =>
  script.items.filter((i) => i.required && itemChoice(answers, i.item) === 'unknown').map((i) => i.item);

// Items the script switches on, in its order: the order of the form and its Tab order.
export const scriptItems = (script: ScriptContent): HearingItem[] => script.items.map((i) => i.item);

// The script that ships: BANT required, then the optional items a team most often adds.
export const DEFAULT_SCRIPT_CONTENT: ScriptContent = {
  items: HEARING_ITEMS.map((item) => ({
    item,
    required: (BANT_ITEMS as readonly HearingItem[]).includes(item),
    questions: DEFAULT_SCRIPT_TEXTS[item].questions,
    help: DEFAULT_SCRIPT_TEXTS[item].help,
  })),
};

export const defaultScript = (at: string): HearingScript => ({ ...DEFAULT_SCRIPT_CONTENT, version: 1, updatedAt: at, updatedBy: 'system' });
