import initial from './001_initial.sql?raw';

export type Migration = { id: number; name: string; sql: string };

// Numbered, in order. Once released, a migration is never edited: add a new one.
export const MIGRATIONS: readonly Migration[] = [{ id: 1, name: '001_initial', sql: initial }];
