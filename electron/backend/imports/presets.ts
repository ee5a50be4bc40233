import type Database from 'better-sqlite3';
import type { MappingPreset } from '../../../shared/api/imports';
import type { ColumnMapping } from '../../../shared/domain/import-mapping';
import { BantamError } from '../errors';

type PresetRow = { name: string; mapping: string; updated_at: string };
const toPreset = (row: PresetRow): MappingPreset => ({ name: row.name, mapping: JSON.parse(row.mapping) as ColumnMapping, updatedAt: row.updated_at });

export const loadPreset = (db: Database.Database, name: string): MappingPreset => {
  const row = db.prepare('SELECT name, mapping, updated_at FROM mapping_presets WHERE name = ?').get(name) as PresetRow | undefined;
  if (!row) {
    const names = (db.prepare('SELECT name FROM mapping_presets ORDER BY name').pluck().all() as string[]).map((n) => `"${n}"`);
    throw new BantamError('not_found', `There is no mapping preset named "${name}". Saved presets: ${names.length > 0 ? names.join(', ') : 'none yet'}.`, {
      messageKey: 'errors.import.noPreset',
      params: { name },
    });
  }
  return toPreset(row);
};

export const listPresets = (db: Database.Database): MappingPreset[] =>
  (db.prepare('SELECT name, mapping, updated_at FROM mapping_presets ORDER BY name').all() as PresetRow[]).map(toPreset);
