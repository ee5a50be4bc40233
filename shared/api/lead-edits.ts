import { z } from 'zod';
import { checkPhone, isEmail, parseScore, parseWholeNumber, splitTags, toKatakana } from '../domain/import-values';
import type { HearingItem } from '../domain/bant';
import type { Lead, LeadEditField } from '../domain/lead';
import type { StageActionKind } from '../domain/stage-machine';
import { LEAD_EDIT_FIELDS } from '../domain/lead';
import { STAGES, TEMPERATURES } from '../domain/stages';
import { method } from './define';

// One schema for the backend (contract input) and the edit form (react-hook-form resolver).
// Inputs may be what a form holds (strings, tag text, custom field rows) or typed values; the
// output is always the typed lead fields. Messages are catalog keys: the form shows their text
// next to the field, and the backend's invalid_input lists them per path.

export const TEXT_MAX = 200;
export const NOTE_MAX = 5000;
export const CUSTOM_VALUE_MAX = 1000;
// Scores come from MA tools that go below 0 and above 100; anything beyond this is a typo.
export const SCORE_LIMIT = 99_999;

const key = (name: string) => `leadDetail.validation.${name}`;

// Absent, null and blank all mean "no value".
const trimmed = z.union([z.string(), z.null()]).optional().transform((value) => value?.trim() ?? '');

// Empty text is stored as null, so "cleared" and "never given" read the same.
const text = (max = TEXT_MAX) =>
  trimmed.pipe(z.string().max(max, { message: key('tooLong') })).transform((value) => (value === '' ? null : value));

const kana = () => text().transform((value) => (value === null ? null : toKatakana(value)));

const email = () =>
  text().refine((value) => value === null || isEmail(value), { message: key('email') });

const phone = () =>
  text().superRefine((value, ctx) => {
    if (value === null) return;
    const check = checkPhone(value);
    if (check === 'leading_zero') ctx.addIssue({ code: 'custom', message: key('phoneLeadingZero') });
    else if (check === 'invalid') ctx.addIssue({ code: 'custom', message: key('phone') });
  });

// A number field: typed numbers pass through, text is read as the import reads it (1,200 / １２００名).
const whole = (parse: (value: string) => number | null, message: string, accept: (n: number) => boolean) =>
  z.union([z.number(), z.string(), z.null()]).optional().transform((value, ctx): number | null => {
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
    const n = typeof value === 'number' ? value : parse(value.trim());
    if (n === null || !Number.isSafeInteger(n) || !accept(n)) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return n;
  });

const temperature = z
  .union([z.enum(TEMPERATURES), z.literal(''), z.null()])
  .optional()
  .transform((value) => (value === '' || value === undefined ? null : value));

const tags = z.union([z.string(), z.array(z.string().max(100))]).optional().transform((value = []) => {
  const list = typeof value === 'string' ? splitTags(value) : value.map((tag) => tag.trim()).filter((tag) => tag !== '');
  return [...new Set(list)];
});

// A custom field row as the form edits it; blank rows are dropped.
export type CustomFieldRow = { name: string; value: string };

const customFields = z
  .union([
    z.record(z.string(), z.string()),
    z.array(z.object({ name: z.string(), value: z.string() })),
  ])
  .optional()
  .transform((value = {}, ctx): Record<string, string> => {
    const rows = Array.isArray(value) ? value : Object.entries(value).map(([name, v]) => ({ name, value: v }));
    const out: Record<string, string> = {};
    rows.forEach((row, index) => {
      const name = row.name.trim();
      const fieldValue = row.value.trim();
      if (name === '' && fieldValue === '') return;
      const path = Array.isArray(value) ? [index, 'name'] : [row.name];
      if (name === '' || name === '__proto__' || name.length > 100) ctx.addIssue({ code: 'custom', path, message: key('customName') });
      else if (Object.hasOwn(out, name)) ctx.addIssue({ code: 'custom', path, message: key('customDuplicate') });
      else if (fieldValue.length > CUSTOM_VALUE_MAX) ctx.addIssue({ code: 'custom', path, message: key('customValueTooLong') });
      else out[name] = fieldValue;
    });
    return out;
  });

// The editable fields. Stage is not here: it changes through the stage machine, not an edit.
export const leadFieldsShape = {
  companyName: text().pipe(z.string({ error: key('companyRequired') })),
  companyKana: kana(),
  department: text(),
  title: text(),
  familyName: text(),
  givenName: text(),
  familyNameKana: kana(),
  givenNameKana: kana(),
  email: email(),
  phone: phone(),
  mobile: phone(),
  postalCode: text(),
  prefecture: text(),
  address: text(),
  industry: text(),
  employeeCount: whole(parseWholeNumber, key('employeeCount'), (n) => n >= 0),
  source: text(),
  campaign: text(),
  score: whole(parseScore, key('score'), (n) => Math.abs(n) <= SCORE_LIMIT),
  temperature,
  owner: text(),
  tags,
  customFields,
} satisfies Record<LeadEditField, z.ZodType>;

const leadFieldsObject = z.object(leadFieldsShape).strict();
export type LeadFields = z.output<typeof leadFieldsObject>;
export type LeadFieldsInput = z.input<typeof leadFieldsObject>;

// A lead must be reachable or at least name a person: company alone is not a lead.
export const hasPersonOrContact = (lead: Pick<LeadFields, 'familyName' | 'givenName' | 'email' | 'phone' | 'mobile'>): boolean =>
  [lead.familyName, lead.givenName, lead.email, lead.phone, lead.mobile].some((value) => value !== null);

const requirePersonOrContact = (lead: LeadFields, ctx: z.RefinementCtx) => {
  if (!hasPersonOrContact(lead)) ctx.addIssue({ code: 'custom', path: ['familyName'], message: key('personOrContact') });
};

export const leadFieldsSchema = leadFieldsObject.superRefine(requirePersonOrContact);

const leadId = z.string().min(1).max(64);

export const leadCreateInput = leadFieldsObject
  .extend({ stage: z.enum(STAGES).default('lead'), doNotCall: z.boolean().default(false) })
  .strict()
  .superRefine(requirePersonOrContact);

export const leadUpdateInput = z
  .object({
    id: leadId,
    // The version the editor loaded; a newer one in the store means someone else saved first.
    version: z.number().int().min(1),
    patch: leadFieldsObject.partial().strict(),
    // The values the editor loaded, to name the fields that changed underneath it on a conflict.
    seen: z.partialRecord(z.enum(LEAD_EDIT_FIELDS), z.unknown()).optional(),
  })
  .strict();
export type LeadUpdateInput = z.output<typeof leadUpdateInput>;

export const MERGE_CHOICES = ['survivor', 'loser', 'both'] as const;
export type MergeChoice = (typeof MERGE_CHOICES)[number];
// Only list-like fields can keep both sides.
export const MERGE_BOTH_FIELDS: readonly LeadEditField[] = ['tags', 'customFields'];

export const leadMergeInput = z
  .object({
    survivorId: leadId,
    loserId: leadId,
    // Both versions as the merge screen showed them: a change since then is a conflict.
    survivorVersion: z.number().int().min(1),
    loserVersion: z.number().int().min(1),
    // Per field, whose value the merged lead keeps; unlisted fields keep the survivor's.
    choices: z.partialRecord(z.enum(LEAD_EDIT_FIELDS), z.enum(MERGE_CHOICES)).default({}),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.survivorId === input.loserId) ctx.addIssue({ code: 'custom', path: ['loserId'], message: 'Choose two different leads to merge.' });
    for (const [field, choice] of Object.entries(input.choices)) {
      if (choice === 'both' && !MERGE_BOTH_FIELDS.includes(field as LeadEditField)) {
        ctx.addIssue({ code: 'custom', path: ['choices', field], message: 'Only tags and custom fields can keep both values.' });
      }
    }
  });
export type LeadMergeInput = z.output<typeof leadMergeInput>;

// The kept lead's new values for the fields taken from the absorbed one (or from both).
export const mergedFields = (survivor: Lead, loser: Lead, choices: LeadMergeInput['choices']): Partial<LeadFields> => {
  const patch: Partial<Record<LeadEditField, unknown>> = {};
  for (const [field, choice] of Object.entries(choices) as [LeadEditField, MergeChoice][]) {
    if (choice === 'loser') patch[field] = loser[field];
    else if (choice === 'both' && field === 'tags') patch.tags = [...new Set([...survivor.tags, ...loser.tags])];
    // The same custom field on both: the kept lead's value stays.
    else if (choice === 'both' && field === 'customFields') patch.customFields = { ...loser.customFields, ...survivor.customFields };
  }
  return patch as Partial<LeadFields>;
};

export type LeadMergeRecord = {
  id: string;
  survivorId: string;
  loserId: string;
  // Fields whose value came from the merged-away lead (or from both).
  fields: LeadEditField[];
  actor: string;
  mergedAt: string;
  undoneAt: string | null;
};

export type LeadMergeResult = { merge: LeadMergeRecord; lead: Lead };
// keptNewer: fields edited after the merge, which undo leaves as they are.
export type LeadUnmergeResult = { survivor: Lead; restored: Lead; keptNewer: number; undoneAt: string };

// The history of a lead (and of leads merged into it), newest first. `leadId` says whose it was.
type EntryBase = { id: string; leadId: string; at: string; actor: string };
// What a stage decision recorded beyond from/to and the reason code: absent on lead creation,
// imports and stage changes from before decisions were recorded.
export type TimelineDecision = {
  action: StageActionKind;
  comment: string | null;
  // Made TQL although the definition was not met; the comment says why.
  override: boolean;
  definitionVersion: number;
  recontactOn: string | null;
};
export type TimelineEntry =
  | (EntryBase & {
      kind: 'call';
      outcome: string;
      phoneNumber: string | null;
      durationSeconds: number | null;
      note: string | null;
      callbackAt: string | null;
    })
  | (EntryBase & { kind: 'stage'; from: string | null; to: string; reason: string | null; decision?: TimelineDecision })
  // One hearing save: the items it changed, with the script version used.
  | (EntryBase & { kind: 'hearing'; items: HearingItem[]; scriptVersion: number })
  | (EntryBase & { kind: 'note'; body: string })
  | (EntryBase & { kind: 'import'; action: 'created' | 'updated'; fileName: string; fields: string[]; undoneAt: string | null })
  | (EntryBase & { kind: 'merge'; role: 'survivor' | 'merged'; otherLeadId: string; otherCompany: string; undoneAt: string | null });
export type TimelineKind = TimelineEntry['kind'];

export type LeadTimeline = { leadId: string; entries: TimelineEntry[] };

export const leadEditsApi = {
  'leads.create': method<Lead>()(leadCreateInput, 'Creates one lead by hand, with its first stage event.'),
  'leads.update': method<Lead>()(leadUpdateInput, 'Changes editable fields of a lead, if it is still at the version the editor saw.'),
  'leads.addNote': method<TimelineEntry>()(
    z.object({ leadId, body: z.string().trim().min(1, { message: key('noteEmpty') }).max(NOTE_MAX, { message: key('noteTooLong') }) }).strict(),
    'Appends a note to a lead.',
  ),
  'leads.timeline': method<LeadTimeline>()(z.object({ id: leadId }).strict(), 'Calls, stage changes, hearing changes, notes, imports and merges of a lead, newest first.'),
  'leads.merge': method<LeadMergeResult>()(leadMergeInput, 'Merges two leads field by field; the other becomes a tombstone and its history joins.'),
  'leads.unmerge': method<LeadUnmergeResult>()(z.object({ mergeId: z.string().min(1).max(64) }).strict(), 'Undoes a merge: both leads as they were.'),
};
