// Lifecycle stages of a lead. Order matters: it is the funnel order used for display.
export const STAGES = [
  'lead',
  'mql',
  'tql',
  'sal',
  'sql',
  'opportunity',
  'customer',
  'nurture',
  'disqualified',
] as const;

export type Stage = (typeof STAGES)[number];

export const TEMPERATURES = ['hot', 'warm', 'cold'] as const;
export type Temperature = (typeof TEMPERATURES)[number];

export const isStage = (value: string): value is Stage => (STAGES as readonly string[]).includes(value);
