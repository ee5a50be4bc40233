import { z } from 'zod';
import type { Lead } from '../domain/lead';
import { method } from './define';

export const LEAD_SORT_FIELDS = ['updatedAt', 'createdAt', 'companyKana', 'stage', 'score'] as const;
export type LeadSortField = (typeof LEAD_SORT_FIELDS)[number];

export const leadListInput = z
  .object({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    sort: z.enum(LEAD_SORT_FIELDS).default('updatedAt'),
    direction: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict();

export type LeadPage = { total: number; offset: number; rows: Lead[] };

export const leadsApi = {
  'leads.list': method<LeadPage>()(leadListInput, 'A window of the lead list, in the given order, with the total count.'),
  'leads.get': method<Lead>()(z.object({ id: z.string().min(1) }).strict(), 'One lead by id.'),
};
