import type { CustomFieldRow, LeadFields } from '../../shared/api/lead-edits';
import { type Lead, LEAD_EDIT_FIELDS, type LeadEditField } from '../../shared/domain/lead';
import type { Stage, Temperature } from '../../shared/domain/stages';

// Fields shown as one input each, grouped as the detail shows them.
export type InputField = Exclude<LeadEditField, 'customFields' | 'temperature'>;
export type FieldSection = 'company' | 'person' | 'contact' | 'profile';

export const FIELD_SECTIONS: readonly { section: FieldSection; fields: readonly (InputField | 'temperature')[] }[] = [
  { section: 'company', fields: ['companyName', 'companyKana', 'department', 'title', 'industry', 'employeeCount', 'postalCode', 'prefecture', 'address'] },
  { section: 'person', fields: ['familyName', 'givenName', 'familyNameKana', 'givenNameKana'] },
  { section: 'contact', fields: ['email', 'phone', 'mobile'] },
  { section: 'profile', fields: ['source', 'campaign', 'owner', 'score', 'temperature', 'tags'] },
];

// What the edit form holds: text as typed, until the shared schema turns it into lead fields.
export type LeadFormValues = { [K in InputField]: string } & {
  temperature: Temperature | '';
  customFields: CustomFieldRow[];
  stage: Stage;
};

export type LeadFormOutput = LeadFields & { stage: Stage };

const asText = (value: string | number | null): string => (value === null ? '' : String(value));

export const formValuesOf = (lead: Lead | null): LeadFormValues => ({
  companyName: asText(lead?.companyName ?? null),
  companyKana: asText(lead?.companyKana ?? null),
  department: asText(lead?.department ?? null),
  title: asText(lead?.title ?? null),
  familyName: asText(lead?.familyName ?? null),
  givenName: asText(lead?.givenName ?? null),
  familyNameKana: asText(lead?.familyNameKana ?? null),
  givenNameKana: asText(lead?.givenNameKana ?? null),
  email: asText(lead?.email ?? null),
  phone: asText(lead?.phone ?? null),
  mobile: asText(lead?.mobile ?? null),
  postalCode: asText(lead?.postalCode ?? null),
  prefecture: asText(lead?.prefecture ?? null),
  address: asText(lead?.address ?? null),
  industry: asText(lead?.industry ?? null),
  employeeCount: asText(lead?.employeeCount ?? null),
  source: asText(lead?.source ?? null),
  campaign: asText(lead?.campaign ?? null),
  score: asText(lead?.score ?? null),
  temperature: lead?.temperature ?? '',
  owner: asText(lead?.owner ?? null),
  tags: lead?.tags.join(', ') ?? '',
  customFields: Object.entries(lead?.customFields ?? {}).map(([name, value]) => ({ name, value })),
  stage: lead?.stage ?? 'lead',
});

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

// Only what the user really changed goes to the backend, so a save never overwrites a field
// someone else changed and this editor did not touch.
export const patchOf = (lead: Lead, fields: LeadFields): Partial<LeadFields> => {
  const patch: Record<string, unknown> = {};
  for (const field of LEAD_EDIT_FIELDS) if (!same(lead[field], fields[field])) patch[field] = fields[field];
  return patch as Partial<LeadFields>;
};

// The values the editor started from, sent along so a conflict can name what changed meanwhile.
export const seenOf = (lead: Lead): Partial<Record<LeadEditField, unknown>> =>
  Object.fromEntries(LEAD_EDIT_FIELDS.map((field) => [field, lead[field]]));

// Field errors from the backend arrive as issues with a path; the form shows them by its fields.
export const isFormField = (path: string): path is InputField | 'temperature' =>
  (LEAD_EDIT_FIELDS as readonly string[]).includes(path) && path !== 'customFields';
