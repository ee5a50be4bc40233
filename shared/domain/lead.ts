import type { Stage, Temperature } from './stages';

// A lead as the backend hands it out: JSON-safe, times as ISO-8601 strings.
export type Lead = {
  id: string;
  companyName: string;
  companyKana: string | null;
  department: string | null;
  title: string | null;
  familyName: string | null;
  givenName: string | null;
  familyNameKana: string | null;
  givenNameKana: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  postalCode: string | null;
  prefecture: string | null;
  address: string | null;
  industry: string | null;
  employeeCount: number | null;
  source: string | null;
  campaign: string | null;
  score: number | null;
  temperature: Temperature | null;
  stage: Stage;
  owner: string | null;
  tags: string[];
  customFields: Record<string, string>;
  doNotCall: boolean;
  callCount: number;
  lastCalledAt: string | null;
  stageChangedAt: string | null;
  importId: string | null;
  createdAt: string;
  updatedAt: string;
  // Bumped by every write to the lead; an editor sends back the version it saw.
  version: number;
};

// The columns a new lead may be created with; everything else is derived by the backend.
export type LeadInput = Omit<
  Lead,
  'id' | 'callCount' | 'lastCalledAt' | 'stageChangedAt' | 'importId' | 'createdAt' | 'updatedAt' | 'version'
>;

// The fields that hold what is known about a lead, as a person or a file gives them.
export const LEAD_DATA_FIELDS = [
  'companyName',
  'companyKana',
  'department',
  'title',
  'familyName',
  'givenName',
  'familyNameKana',
  'givenNameKana',
  'email',
  'phone',
  'mobile',
  'postalCode',
  'prefecture',
  'address',
  'industry',
  'employeeCount',
  'source',
  'campaign',
  'score',
  'temperature',
  'owner',
  'tags',
] as const satisfies readonly (keyof LeadInput)[];

// The fields a person may edit on a lead. Stage and do-not-call are absent on purpose: they change
// through the stage machine and the call outcome, never through a field edit.
export const LEAD_EDIT_FIELDS = [...LEAD_DATA_FIELDS, 'customFields'] as const;
export type LeadEditField = (typeof LEAD_EDIT_FIELDS)[number];

const EMPTY_FIELDS = Object.freeze(Object.fromEntries(LEAD_DATA_FIELDS.map((field) => [field, null])) as Record<(typeof LEAD_DATA_FIELDS)[number], null>);

// A lead that says nothing yet: every field empty, at the first stage. Builders start from it
// (the import maps every row from one, so it is a copy of a frozen template, not rebuilt).
export const emptyLeadInput = (): LeadInput => ({ ...EMPTY_FIELDS, companyName: '', tags: [], customFields: {}, stage: 'lead', doNotCall: false });

export const personName = (lead: Pick<Lead, 'familyName' | 'givenName'>): string =>
  [lead.familyName, lead.givenName].filter(Boolean).join(' ');

export const personKana = (lead: Pick<Lead, 'familyNameKana' | 'givenNameKana'>): string =>
  [lead.familyNameKana, lead.givenNameKana].filter(Boolean).join(' ');
