import type { LeadSortField } from '../../shared/api/leads';

export type SortDirection = 'asc' | 'desc';
export type LeadSort = { field: LeadSortField; direction: SortDirection };

export const COLUMN_IDS = [
  'company',
  'person',
  'department',
  'phone',
  'email',
  'stage',
  'temperature',
  'source',
  'owner',
  'score',
  'calls',
  'updated',
  'created',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

// Columns that map to a backend sort field, and the direction a first click sorts in.
export const SORTABLE: Partial<Record<ColumnId, { field: LeadSortField; first: SortDirection }>> = {
  company: { field: 'companyKana', first: 'asc' },
  stage: { field: 'stage', first: 'asc' },
  score: { field: 'score', first: 'desc' },
  updated: { field: 'updatedAt', first: 'desc' },
  created: { field: 'createdAt', first: 'desc' },
};

export const DEFAULT_SORT: LeadSort = { field: 'updatedAt', direction: 'desc' };

// Clicking the active column flips the direction; another column starts at its natural one.
export const nextSort = (current: LeadSort, column: ColumnId): LeadSort => {
  const target = SORTABLE[column];
  if (!target) return current;
  if (target.field === current.field) return { field: target.field, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { field: target.field, direction: target.first };
};
