import type { Lead, LeadInput } from '../../../shared/domain/lead';
import { isStage, TEMPERATURES, type Temperature } from '../../../shared/domain/stages';
import { normalizeCompany, normalizeEmail, normalizePerson, normalizePhone, normalizeText } from '../../../shared/domain/normalize';

// The leads table as better-sqlite3 returns it.
export type LeadRow = {
  id: string;
  company_name: string;
  company_kana: string | null;
  department: string | null;
  title: string | null;
  family_name: string | null;
  given_name: string | null;
  family_name_kana: string | null;
  given_name_kana: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  postal_code: string | null;
  prefecture: string | null;
  address: string | null;
  industry: string | null;
  employee_count: number | null;
  source: string | null;
  campaign: string | null;
  score: number | null;
  temperature: string | null;
  stage: string;
  owner: string | null;
  tags: string;
  custom_fields: string;
  do_not_call: number;
  call_count: number;
  last_called_at: string | null;
  stage_changed_at: string | null;
  import_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
};

export const LEAD_COLUMNS =
  'id, company_name, company_kana, department, title, family_name, given_name, family_name_kana, given_name_kana, email, phone, mobile, postal_code, prefecture, address, industry, employee_count, source, campaign, score, temperature, stage, owner, tags, custom_fields, do_not_call, call_count, last_called_at, stage_changed_at, import_id, created_at, updated_at, version';

const asTemperature = (value: string | null): Temperature | null =>
  value !== null && (TEMPERATURES as readonly string[]).includes(value) ? (value as Temperature) : null;

export const rowToLead = (row: LeadRow): Lead => ({
  id: row.id,
  companyName: row.company_name,
  companyKana: row.company_kana,
  department: row.department,
  title: row.title,
  familyName: row.family_name,
  givenName: row.given_name,
  familyNameKana: row.family_name_kana,
  givenNameKana: row.given_name_kana,
  email: row.email,
  phone: row.phone,
  mobile: row.mobile,
  postalCode: row.postal_code,
  prefecture: row.prefecture,
  address: row.address,
  industry: row.industry,
  employeeCount: row.employee_count,
  source: row.source,
  campaign: row.campaign,
  score: row.score,
  temperature: asTemperature(row.temperature),
  stage: isStage(row.stage) ? row.stage : 'lead',
  owner: row.owner,
  tags: JSON.parse(row.tags) as string[],
  customFields: JSON.parse(row.custom_fields) as Record<string, string>,
  doNotCall: row.do_not_call === 1,
  callCount: row.call_count,
  lastCalledAt: row.last_called_at,
  stageChangedAt: row.stage_changed_at,
  importId: row.import_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

// The normalised keys duplicates are matched on.
export const matchingKeys = (lead: LeadInput) => ({
  email_key: lead.email ? normalizeEmail(lead.email) : null,
  phone_key: lead.phone ? normalizePhone(lead.phone) : null,
  mobile_key: lead.mobile ? normalizePhone(lead.mobile) : null,
  company_key: normalizeCompany(lead.companyName),
  person_key: normalizePerson(lead.familyName, lead.givenName),
});

export type MatchingKeys = ReturnType<typeof matchingKeys>;

// Matching keys and the search haystack, derived from the fields as written. An import passes the
// keys it already computed to find duplicates, so they are not normalised twice: the email key is
// the email as the haystack has it, and phone keys are digits, which normalising leaves as they are.
export const derivedKeys = (lead: LeadInput, keys: MatchingKeys = matchingKeys(lead)) => {
  const parts: string[] = [];
  for (const v of [lead.companyName, lead.companyKana, lead.familyName, lead.givenName, lead.familyNameKana, lead.givenNameKana]) {
    if (v) parts.push(normalizeText(v).toLowerCase());
  }
  if (lead.email) parts.push(keys.email_key ?? '');
  if (keys.phone_key) parts.push(keys.phone_key);
  if (keys.mobile_key) parts.push(keys.mobile_key);
  // Field by field, not a spread: this runs once per imported lead, and V8 copies spreads slowly.
  return {
    email_key: keys.email_key,
    phone_key: keys.phone_key,
    mobile_key: keys.mobile_key,
    company_key: keys.company_key,
    person_key: keys.person_key,
    search_text: parts.join('\u001f'),
  };
};

export type DerivedKeys = ReturnType<typeof derivedKeys>;

// The columns a new lead is inserted with, in the order `newLeadValues` lists them.
export const NEW_LEAD_COLUMNS = [
  'id', 'company_name', 'company_kana', 'department', 'title', 'family_name', 'given_name', 'family_name_kana', 'given_name_kana',
  'email', 'phone', 'mobile', 'postal_code', 'prefecture', 'address', 'industry', 'employee_count', 'source', 'campaign', 'score',
  'temperature', 'stage', 'owner', 'tags', 'custom_fields', 'do_not_call', 'email_key', 'phone_key', 'mobile_key', 'company_key',
  'person_key', 'import_id', 'stage_changed_at', 'created_at', 'updated_at',
] as const;
export const NEW_LEAD_ID = NEW_LEAD_COLUMNS.indexOf('id');
export const NEW_LEAD_STAGE = NEW_LEAD_COLUMNS.indexOf('stage');

// A new lead's row as positional values. Positional because binding 35 named values from an object
// costs more than the insert itself; and an import hands its leads to its writer thread in this
// form, since arrays of values copy between threads about twice as fast as objects.
export const newLeadValues = (id: string, lead: LeadInput, keys: DerivedKeys, importId: string | null, at: string): unknown[] => [
  id,
  lead.companyName,
  lead.companyKana,
  lead.department,
  lead.title,
  lead.familyName,
  lead.givenName,
  lead.familyNameKana,
  lead.givenNameKana,
  lead.email,
  lead.phone,
  lead.mobile,
  lead.postalCode,
  lead.prefecture,
  lead.address,
  lead.industry,
  lead.employeeCount,
  lead.source,
  lead.campaign,
  lead.score,
  lead.temperature,
  lead.stage,
  lead.owner,
  JSON.stringify(lead.tags),
  JSON.stringify(lead.customFields),
  lead.doNotCall ? 1 : 0,
  keys.email_key,
  keys.phone_key,
  keys.mobile_key,
  keys.company_key,
  keys.person_key,
  importId,
  at,
  at,
  at,
];

// New leads ready to insert: each lead's values, and its search text at the same position.
export type NewLeadRows = { rows: unknown[][]; searchTexts: string[] };
