import { z } from 'zod';
import { daySchema } from '../domain/bant';
import type { RejectGroup } from '../domain/reasons';
import { method } from './define';

// The funnel stages the report counts, in funnel order, and the conversions between them.
export const FUNNEL_STAGES = ['mql', 'tql', 'sal', 'sql'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export const FUNNEL_CONVERSIONS = ['mqlToTql', 'tqlToSal', 'salToSql', 'mqlToSql'] as const;
export type FunnelConversion = (typeof FUNNEL_CONVERSIONS)[number];
// Which stage each conversion divides by which: reached `to` / reached `from` in the same period.
export const CONVERSION_STAGES: Record<FunnelConversion, { from: FunnelStage; to: FunnelStage }> = {
  mqlToTql: { from: 'mql', to: 'tql' },
  tqlToSal: { from: 'tql', to: 'sal' },
  salToSql: { from: 'sal', to: 'sql' },
  mqlToSql: { from: 'mql', to: 'sql' },
};
export const FUNNEL_GROUP_BY = ['none', 'owner', 'source'] as const;
export type FunnelGroupBy = (typeof FUNNEL_GROUP_BY)[number];
// The longest period one report covers: a few years of weekly buckets stay readable.
export const MAX_FUNNEL_DAYS = 3 * 366;

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string): number => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;

export const funnelInput = z
  .object({
    // JST calendar days, both included.
    from: daySchema,
    to: daySchema,
    groupBy: z.enum(FUNNEL_GROUP_BY).default('none'),
    owner: z.string().trim().min(1).max(100).optional(),
    source: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .refine((f) => f.from <= f.to, { message: 'The period starts after it ends; swap the dates.', path: ['to'] })
  .refine((f) => f.from > f.to || daysBetween(f.from, f.to) < MAX_FUNNEL_DAYS, {
    message: `The period is longer than ${MAX_FUNNEL_DAYS} days; choose a shorter one.`,
    path: ['from'],
  });
export type FunnelInput = z.input<typeof funnelInput>;
export type FunnelQuery = z.output<typeof funnelInput>;

export const funnelCsvInput = z
  .object({
    report: funnelInput,
    path: z.string().trim().min(1, 'Choose where to save the file.'),
    // True only when the user confirmed replacing the file (the save dialog asks).
    overwrite: z.boolean().default(false),
  })
  .strict();

export type RejectionCount = { reason: string; count: number };
export type RejectionGroup = { group: RejectGroup | 'unknown'; count: number; reasons: RejectionCount[] };

export type FunnelMetrics = {
  // Distinct leads whose stage changed into each stage within the period.
  reached: Record<FunnelStage, number>;
  // reached[to] / reached[from], 0..n (null when nothing reached `from`).
  conversion: Record<FunnelConversion, number | null>;
  // Minutes from a lead's first MQL in the period to its first call after it.
  speedToLead: { medianMinutes: number | null; called: number; notCalled: number };
  // Distinct leads qualified to TQL by override (the definition not met, a reason recorded) in
  // the period, and their share of the leads reaching TQL (null when none did).
  tqlOverrides: number;
  tqlOverrideShare: number | null;
  calls: number;
  callsPerTql: number | null;
  // Handoffs submitted in the period, each against the deadline it was given: decided in time,
  // decided late, still open past the deadline, still open within it (not yet counted in the rate).
  sla: { onTime: number; late: number; overdueOpen: number; pending: number; rate: number | null };
  rejections: RejectionGroup[];
};

// `key` is the owner or source (null: none recorded); the totals row has no key.
export type FunnelGroup = { key: string | null; metrics: FunnelMetrics };
// A JST week starting on `week` (a Monday); the first and last weeks may be cut by the period.
export type FunnelWeek = { week: string; reached: Record<FunnelStage, number>; slaRate: number | null };

export type FunnelReport = {
  query: FunnelQuery;
  totals: FunnelMetrics;
  groups: FunnelGroup[];
  weeks: FunnelWeek[];
  computedAt: string;
};

export type FunnelCsvOutcome = { path: string; fileName: string; rowCount: number };

export const reportsApi = {
  'reports.funnel': method<FunnelReport>()(
    funnelInput,
    'The funnel for a period (JST days): stages reached, conversions, TQLs by override, speed-to-lead, calls per TQL, SLA compliance and rejections, per rep or source, with weekly trends.',
  ),
  'reports.funnelCsv': method<FunnelCsvOutcome>()(funnelCsvInput, 'Write the funnel report as CSV (UTF-8 with BOM) to a file.'),
};
