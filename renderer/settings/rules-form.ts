import { z } from 'zod';
import { type CallingRules, callingRulesSchema } from '../../shared/domain/calling';

// The editor holds hot sources as one text (a line each) so typing a newline is not undone;
// everything else is the rules object itself, checked by the domain's own schema.
export type RulesFormValues = Omit<CallingRules, 'hotSources'> & { hotSources: string };

const splitLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

// The domain schema, refinements included, after the one text field becomes the list it checks.
export const rulesFormSchema = z
  .custom<RulesFormValues>()
  .transform((values) => ({
    ...values,
    hotSources: splitLines(values.hotSources),
    // Blank label inputs mean "use the catalog": send no label at all rather than an empty one.
    outcomes: values.outcomes.map(({ label, ...outcome }) => (label?.ja || label?.en ? { ...outcome, label } : outcome)),
  }))
  .pipe(callingRulesSchema);

export const toFormValues = (rules: CallingRules): RulesFormValues => ({ ...structuredClone(rules), hotSources: rules.hotSources.join('\n') });

export const NUMBER_FIELDS = ['maxAttemptsPerDay', 'minGapMinutes', 'maxAttemptsBeforeNurture', 'missedAfterMinutes', 'speedToLeadHours'] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

// The bounds come from the schema, so the message can never disagree with the check.
export const numberBounds = (field: NumberField): { min: number; max: number } => {
  const schema = callingRulesSchema.shape[field];
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
};
