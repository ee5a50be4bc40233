import { z } from 'zod';
import { ruleSchema, type Rule } from './qualification';
import { DEFAULT_REASON_LISTS, reasonListsSchema } from './reasons';

// The team's written definitions: the rule a lead must meet to be TQL, the rule that proposes
// nurture to the rep, and the reason lists decisions draw from. Edited by the team lead as one
// versioned whole, so every decision can name the version that applied.
export const definitionsContentSchema = z
  .object({
    rules: z.object({ tql: ruleSchema, nurture: ruleSchema }).strict(),
    reasons: reasonListsSchema,
  })
  .strict();
export type DefinitionsContent = z.infer<typeof definitionsContentSchema>;
export type DefinedStage = keyof DefinitionsContent['rules'];

export type StageDefinitions = DefinitionsContent & { version: number; updatedAt: string; updatedBy: string };

// TQL: the need is confirmed, it is wanted within 6 months, the contact can decide or sway the
// decision, and there is (or may be) money for it.
export const DEFAULT_TQL_RULE: Rule = {
  join: 'and',
  terms: [
    { item: 'need', op: 'is_one_of', values: ['high', 'medium'] },
    { item: 'timeline', op: 'within_months', months: 6 },
    { item: 'authority', op: 'is_one_of', values: ['decision_maker', 'influencer'] },
    { item: 'budget', op: 'is_not', value: 'none' },
  ],
};

// Nurture is proposed (never forced) when the lead is real but not now.
export const DEFAULT_NURTURE_RULE: Rule = {
  join: 'or',
  terms: [
    { item: 'budget', op: 'is', value: 'planned_next_fy' },
    { item: 'timeline', op: 'is_one_of', values: ['months_6_to_12', 'later'] },
    { item: 'need', op: 'is', value: 'low' },
  ],
};

export const DEFAULT_DEFINITIONS_CONTENT: DefinitionsContent = {
  rules: { tql: DEFAULT_TQL_RULE, nurture: DEFAULT_NURTURE_RULE },
  reasons: DEFAULT_REASON_LISTS,
};

// The version a fresh store starts with, before any team lead has edited anything.
export const defaultDefinitions = (at: string): StageDefinitions => ({
  ...DEFAULT_DEFINITIONS_CONTENT,
  version: 1,
  updatedAt: at,
  updatedBy: 'system',
});
