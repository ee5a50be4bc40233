import { z } from 'zod';
import { bantAnswersSchema, CHOICE_FIELD, HEARING_ITEMS, type BantAnswers, type HearingItem } from '../../shared/domain/bant';
import { normalizeText } from '../../shared/domain/normalize';

// How an item's extra field is typed in; every form value is a string, converted on the way out.
export type FieldKind = 'text' | 'textarea' | 'yen' | 'month' | 'date' | 'datetime';
export type ExtraField = { name: string; kind: FieldKind };

export const EXTRA_FIELDS: Record<HearingItem, ExtraField[]> = {
  budget: [
    { name: 'amountMin', kind: 'yen' },
    { name: 'amountMax', kind: 'yen' },
    { name: 'fiscalYearEndMonth', kind: 'month' },
  ],
  authority: [
    { name: 'decisionMakerName', kind: 'text' },
    { name: 'decisionMakerTitle', kind: 'text' },
    { name: 'approvalFlow', kind: 'text' },
  ],
  need: [
    { name: 'painPoints', kind: 'textarea' },
    { name: 'currentProcess', kind: 'text' },
  ],
  timeline: [{ name: 'targetDate', kind: 'date' }],
  competitors: [{ name: 'names', kind: 'text' }],
  currentSolution: [{ name: 'description', kind: 'text' }],
  nextStep: [{ name: 'description', kind: 'text' }],
  meetingDate: [{ name: 'at', kind: 'datetime' }],
};

// The form holds each item as strings keyed by the answer's own field names, so the schema's
// error paths land on the inputs that caused them.
export type ItemValues = Record<string, string>;
export type HearingFormValues = Record<HearingItem, ItemValues>;

const fieldsOf = (item: HearingItem): string[] => [CHOICE_FIELD[item], 'confidence', 'verbatim', ...EXTRA_FIELDS[item].map((f) => f.name)];

const kindOf = (item: HearingItem, field: string): FieldKind =>
  EXTRA_FIELDS[item].find((f) => f.name === field)?.kind ?? (field === 'verbatim' ? 'textarea' : 'text');

// An amount in yen as people type it: full-width digits, commas, 円, and 万 / 億 (300万 = 3,000,000).
export const parseYen = (text: string): number | null => {
  const plain = normalizeText(text).replace(/[,，\s円¥]/gu, '');
  const match = /^(\d+(?:\.\d+)?)(万|億)?$/u.exec(plain);
  if (!match) return null;
  const unit = match[2] === '億' ? 100_000_000 : match[2] === '万' ? 10_000 : 1;
  return Math.round(Number(match[1]) * unit);
};

// A JST wall-clock 'YYYY-MM-DDTHH:mm' (datetime-local) to an instant with its offset, and back.
const toOffsetTime = (local: string): string => `${local}:00+09:00`;
const toLocalTime = (instant: string): string => {
  const jst = new Date(Date.parse(instant) + 9 * 3_600_000);
  return jst.toISOString().slice(0, 16);
};

// One form string as the answer holds it. Strict: what cannot be read is kept as typed so the
// schema rejects it; lenient: it is left out, for the live check and the draft.
const convert = (kind: FieldKind, text: string, strict: boolean): unknown => {
  const trimmed = text.trim();
  switch (kind) {
    case 'yen': {
      if (trimmed === '') return null;
      return parseYen(trimmed) ?? (strict ? trimmed : undefined);
    }
    case 'month': {
      if (trimmed === '') return null;
      const month = Number(normalizeText(trimmed));
      return Number.isInteger(month) ? month : strict ? trimmed : undefined;
    }
    case 'date':
      return trimmed === '' ? null : trimmed;
    case 'datetime':
      return trimmed === '' ? null : toOffsetTime(trimmed);
    default:
      return text;
  }
};

const itemAnswer = (item: HearingItem, values: ItemValues, strict: boolean): Record<string, unknown> => {
  const answer: Record<string, unknown> = {};
  for (const field of fieldsOf(item)) {
    const text = values[field] ?? '';
    // A choice or confidence not chosen is left as it was, never cleared.
    if (field === CHOICE_FIELD[item] || field === 'confidence') {
      if (text !== '') answer[field] = text;
      continue;
    }
    const value = convert(kindOf(item, field), text, strict);
    if (value !== undefined) answer[field] = value;
  }
  return answer;
};

// The form as answers to send: every shown field, blanks clearing (mergeAnswers' rule).
export const toAnswers = (values: HearingFormValues, items: HearingItem[], strict = true): BantAnswers =>
  Object.fromEntries(items.map((item) => [item, itemAnswer(item, values[item] ?? {}, strict)])) as BantAnswers;

// Never throws: fields that do not pass the schema are left out, the rest still counts.
export const readableAnswers = (values: HearingFormValues, items: HearingItem[]): BantAnswers => {
  const answers = toAnswers(values, items, false) as Record<string, Record<string, unknown>>;
  const parsed = bantAnswersSchema.safeParse(answers);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const [item, field] = issue.path.map(String);
    if (item && field && answers[item]) delete answers[item][field];
    else if (item) delete answers[item];
  }
  const retry = bantAnswersSchema.safeParse(answers);
  return retry.success ? retry.data : {};
};

export const toFormValues = (answers: BantAnswers): HearingFormValues =>
  Object.fromEntries(
    HEARING_ITEMS.map((item) => {
      const answer = (answers[item] ?? {}) as Record<string, unknown>;
      const values: ItemValues = {};
      for (const field of fieldsOf(item)) {
        const value = answer[field];
        if (value === undefined || value === null) values[field] = '';
        else if (kindOf(item, field) === 'datetime' && typeof value === 'string') values[field] = toLocalTime(value);
        else values[field] = String(value);
      }
      return [item, values];
    }),
  ) as HearingFormValues;

// The form's check: the domain's own schema, after the strings become answers.
export const hearingFormSchema = (items: HearingItem[]) =>
  z
    .custom<HearingFormValues>()
    .transform((values) => toAnswers(values, items))
    .pipe(bantAnswersSchema);

// The catalog key that explains a rejected field, by what kind of field it is.
// The range check is the schema's one custom issue.
export const fieldErrorKey = (item: HearingItem, field: string, issue: string): string => {
  if (issue === 'custom') return 'hearing.errors.amountRange';
  const kind = kindOf(item, field);
  return kind === 'text' || kind === 'textarea' ? 'hearing.errors.tooLong' : `hearing.errors.${kind}`;
};
