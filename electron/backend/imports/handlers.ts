import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { ImportRecord, MappingPreset } from '../../../shared/api/imports';
import type { BackendContext } from '../context';
import { BantamError } from '../errors';
import type { Handlers } from '../handlers';
import type { LeadRepository } from '../leads/repository';
import { listPresets } from './presets';
import type { ImportRunner } from './runner';
import { undoImport } from './undo';

type ImportHandlers = Pick<
  Handlers,
  'imports.preview' | 'imports.commit' | 'imports.cancel' | 'imports.undo' | 'imports.list' | 'imports.rejectedCsv' | 'imports.savePreset' | 'imports.presets'
>;

type ImportRow = {
  id: string;
  file_name: string;
  format: ImportRecord['format'];
  encoding: string | null;
  sheet: string | null;
  on_duplicate: ImportRecord['onDuplicate'];
  actor: string;
  started_at: string;
  finished_at: string;
  total_rows: number;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  skipped_count: number;
  rejected_count: number;
  undone_at: string | null;
};

const toRecord = (r: ImportRow): ImportRecord => ({
  id: r.id,
  fileName: r.file_name,
  format: r.format,
  encoding: r.encoding,
  sheet: r.sheet,
  onDuplicate: r.on_duplicate,
  actor: r.actor,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  totalRows: r.total_rows,
  created: r.created_count,
  updated: r.updated_count,
  unchanged: r.unchanged_count,
  skipped: r.skipped_count,
  rejected: r.rejected_count,
  // Not stored: every other row is counted, so the remainder is what merged within the file.
  mergedInFile: r.total_rows - r.created_count - r.updated_count - r.unchanged_count - r.skipped_count - r.rejected_count,
  undoneAt: r.undone_at,
});

export const createImportHandlers = (ctx: BackendContext, leads: LeadRepository, runner: ImportRunner): ImportHandlers => {
  const { db } = ctx.store;
  return {
    'imports.preview': (input) => runner.preview(input, ctx.actor(), ctx.now()),
    'imports.commit': (input) => runner.commit(input, ctx.actor(), ctx.now()),
    'imports.cancel': () => ({ cancelled: runner.cancel() }),
    'imports.undo': (input) => undoImport(ctx, leads, input.id),
    'imports.list': () => (db.prepare('SELECT * FROM imports ORDER BY started_at DESC').all() as ImportRow[]).map(toRecord),
    'imports.rejectedCsv': (input) => {
      const row = db.prepare('SELECT headers, rejected FROM imports WHERE id = ?').get(input.id) as { headers: string; rejected: string } | undefined;
      if (!row) throw new BantamError('not_found', 'No import with this id exists.', { messageKey: 'errors.import.notFound' });
      const headers = JSON.parse(row.headers) as string[];
      const rejected = JSON.parse(row.rejected) as { cells: string[] }[];
      const target = path.resolve(input.path);
      if (fs.existsSync(target)) {
        throw new BantamError('conflict', `A file already exists at ${target}. Choose a new file name; existing files are never overwritten.`, {
          messageKey: 'errors.backup.exists',
          params: { path: target },
        });
      }
      // UTF-8 with BOM: Japanese Excel opens it correctly by double-click, and Bantam re-imports it.
      const text = stringify([headers, ...rejected.map((r) => r.cells)], { record_delimiter: '\r\n' });
      fs.writeFileSync(target, `\uFEFF${text}`, { flag: 'wx' });
      return { path: target, rows: rejected.length };
    },
    'imports.savePreset': (input) => {
      const at = ctx.now().toISOString();
      db.transaction(() => {
        db.prepare(
          'INSERT INTO mapping_presets (name, mapping, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at',
        ).run(input.name, JSON.stringify(input.mapping), at);
        ctx.outbox.append({ entity: 'mapping_preset', entityId: input.name, op: 'preset.save', payload: { mapping: input.mapping } }, at);
      })();
      return { name: input.name, mapping: input.mapping, updatedAt: at } satisfies MappingPreset;
    },
    'imports.presets': () => listPresets(db),
  };
};
