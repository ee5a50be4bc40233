import initial from './001_initial.sql?raw';
import imports from './002_imports.sql?raw';
import leadSearch from './003_lead_search.sql?raw';

export type Migration = { id: number; name: string; sql: string };

// Numbered, in order. Once released, a migration is never edited: add a new one.
export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: '001_initial', sql: initial },
  { id: 2, name: '002_imports', sql: imports },
  { id: 3, name: '003_lead_search', sql: leadSearch },
];
