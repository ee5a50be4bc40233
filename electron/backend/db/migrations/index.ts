import initial from './001_initial.sql?raw';
import imports from './002_imports.sql?raw';
import leadSearch from './003_lead_search.sql?raw';
import leadMerges from './004_lead_merges.sql?raw';
import calling from './005_calling.sql?raw';
import leadKeyIndexes from './006_lead_key_indexes.sql?raw';
import hearing from './007_hearing.sql?raw';
import exportLog from './009_export_log.sql?raw';
import handoff from './010_handoff.sql?raw';
import funnelIndexes from './011_funnel_indexes.sql?raw';
import funnelSummary from './012_funnel_summary.sql?raw';
import importWriteSpeed from './013_import_write_speed.sql?raw';

export type Migration = { id: number; name: string; sql: string };

// Numbered, in order. Once released, a migration is never edited: add a new one.
export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: '001_initial', sql: initial },
  { id: 2, name: '002_imports', sql: imports },
  { id: 3, name: '003_lead_search', sql: leadSearch },
  { id: 4, name: '004_lead_merges', sql: leadMerges },
  { id: 5, name: '005_calling', sql: calling },
  { id: 6, name: '006_lead_key_indexes', sql: leadKeyIndexes },
  { id: 7, name: '007_hearing', sql: hearing },
  { id: 9, name: '009_export_log', sql: exportLog },
  { id: 10, name: '010_handoff', sql: handoff },
  { id: 11, name: '011_funnel_indexes', sql: funnelIndexes },
  { id: 12, name: '012_funnel_summary', sql: funnelSummary },
  { id: 13, name: '013_import_write_speed', sql: importWriteSpeed },
];
