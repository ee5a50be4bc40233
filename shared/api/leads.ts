import { z } from 'zod';
import type { Lead } from '../domain/lead';
import { STAGES, TEMPERATURES } from '../domain/stages';
import { method } from './define';
import { leadEditsApi } from './lead-edits';

export const LEAD_SORT_FIELDS = ['updatedAt', 'createdAt', 'companyKana', 'stage', 'score'] as const;
export type LeadSortField = (typeof LEAD_SORT_FIELDS)[number];

export const leadListInput = z
  .object({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    sort: z.enum(LEAD_SORT_FIELDS).default('updatedAt'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    // Words to find in company, person, furigana, email or phone (any format); all must match.
    search: z.string().max(200).default(''),
    stages: z.array(z.enum(STAGES)).max(STAGES.length).default([]),
    temperatures: z.array(z.enum(TEMPERATURES)).max(TEMPERATURES.length).default([]),
    owner: z.string().max(100).optional(),
    source: z.string().max(100).optional(),
    tag: z.string().max(100).optional(),
    importId: z.string().max(64).optional(),
    // Counting every match costs as much as the window itself (tens of ms with a search): a
    // scrolling list asks for the total once per query and leaves it out for further windows.
    withTotal: z.boolean().default(true),
  })
  .strict();
export type LeadListInput = z.output<typeof leadListInput>;

// `total` is null when the caller asked for the window without the count.
export type LeadPage = { total: number | null; offset: number; rows: Lead[] };

// The values present in the store, to fill the filter choices.
export type LeadFacets = { owners: string[]; sources: string[]; tags: string[]; imports: { id: string; fileName: string; startedAt: string }[] };

export const leadsApi = {
  'leads.list': method<LeadPage>()(leadListInput, 'A window of the lead list, in the given order, with the total count.'),
  'leads.facets': method<LeadFacets>()(z.object({}).strict(), 'Owners, sources, tags and imports present in the store.'),
  'leads.get': method<Lead>()(z.object({ id: z.string().min(1) }).strict(), 'One lead by id.'),
  ...leadEditsApi,
};
