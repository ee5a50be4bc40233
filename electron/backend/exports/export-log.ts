import type Database from 'better-sqlite3';
import type { ExportFilter, ExportRecord } from '../../../shared/api/exports';
import type { BackendContext } from '../context';

type LogRow = {
  id: string;
  actor: string;
  started_at: string;
  finished_at: string;
  filter: string;
  columns: string;
  preset: string | null;
  format: ExportRecord['format'];
  encoding: ExportRecord['encoding'];
  row_count: number;
  file_name: string;
};

const toRecord = (r: LogRow): ExportRecord => ({
  id: r.id,
  actor: r.actor,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  filter: JSON.parse(r.filter) as ExportFilter,
  columns: JSON.parse(r.columns) as string[],
  preset: r.preset,
  format: r.format,
  encoding: r.encoding,
  rowCount: r.row_count,
  fileName: r.file_name,
});

// Records a finished export and its outbox op in one transaction: the export itself is a read,
// but that personal data left the store is an audit fact the team server must learn.
export const recordExport = (ctx: BackendContext, record: ExportRecord): void => {
  const { db } = ctx.store;
  db.transaction(() => {
    db.prepare(
      `INSERT INTO export_log (id, actor, started_at, finished_at, filter, columns, preset, format, encoding, row_count, file_name)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      record.id,
      record.actor,
      record.startedAt,
      record.finishedAt,
      JSON.stringify(record.filter),
      JSON.stringify(record.columns),
      record.preset,
      record.format,
      record.encoding,
      record.rowCount,
      record.fileName,
    );
    const { id, ...payload } = record;
    ctx.outbox.append({ entity: 'export', entityId: id, op: 'export.log', payload }, record.finishedAt);
  })();
};

export const listExports = (db: Database.Database, limit: number): ExportRecord[] =>
  (db.prepare('SELECT * FROM export_log ORDER BY finished_at DESC, id DESC LIMIT ?').all(limit) as LogRow[]).map(toRecord);
