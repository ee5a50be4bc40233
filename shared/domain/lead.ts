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
};

// The columns a new lead may be created with; everything else is derived by the backend.
export type LeadInput = Omit<
  Lead,
  'id' | 'callCount' | 'lastCalledAt' | 'stageChangedAt' | 'importId' | 'createdAt' | 'updatedAt'
>;

export const personName = (lead: Pick<Lead, 'familyName' | 'givenName'>): string =>
  [lead.familyName, lead.givenName].filter(Boolean).join(' ');

export const personKana = (lead: Pick<Lead, 'familyNameKana' | 'givenNameKana'>): string =>
  [lead.familyNameKana, lead.givenNameKana].filter(Boolean).join(' ');
