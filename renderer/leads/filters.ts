import type { LeadFacets } from '../../shared/api/leads';
import type { Stage, Temperature } from '../../shared/domain/stages';

// What narrows the lead list. Empty strings and lists mean "any".
export type LeadFilters = {
  search: string;
  stages: Stage[];
  temperatures: Temperature[];
  owner: string;
  source: string;
  tag: string;
  importId: string;
};

export const EMPTY_FILTERS: LeadFilters = { search: '', stages: [], temperatures: [], owner: '', source: '', tag: '', importId: '' };

export const EMPTY_FACETS: LeadFacets = { owners: [], sources: [], tags: [], imports: [] };

export const SEARCH_DEBOUNCE_MS = 150;

export const isFiltered = (filters: LeadFilters): boolean =>
  filters.search.trim() !== '' ||
  filters.stages.length > 0 ||
  filters.temperatures.length > 0 ||
  filters.owner !== '' ||
  filters.source !== '' ||
  filters.tag !== '' ||
  filters.importId !== '';

// The part of a 'leads.list' input that the filters decide; unset choices are left out.
export const filterInput = (filters: LeadFilters) => ({
  search: filters.search.trim(),
  stages: filters.stages,
  temperatures: filters.temperatures,
  ...(filters.owner ? { owner: filters.owner } : {}),
  ...(filters.source ? { source: filters.source } : {}),
  ...(filters.tag ? { tag: filters.tag } : {}),
  ...(filters.importId ? { importId: filters.importId } : {}),
});

// A stable identity for a query: a new key means a new page cache, starting at the top.
export const filterKey = (filters: LeadFilters): string => JSON.stringify(filterInput(filters));

export const toggle = <T>(values: readonly T[], value: T): T[] =>
  values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
