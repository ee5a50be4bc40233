import type Database from 'better-sqlite3';
import type { ExportDateField, ExportFilter } from '../../../shared/api/exports';
import { addDays, jstInstant } from '../../../shared/domain/business-time';
import { leadFilter, type SqlFilter } from '../leads/lead-filter';
import type { ColumnDef } from './columns';

const DATE_COLUMNS: Record<ExportDateField, string> = {
  stageChangedAt: 'leads.stage_changed_at',
  createdAt: 'leads.created_at',
  lastCalledAt: 'leads.last_called_at',
};

// The lead list's filter (live leads, stages, owner, source) plus the period on the chosen date,
// JST days with both ends included.
export const exportFilterSql = (filter: ExportFilter): SqlFilter => {
  const base = leadFilter({ search: '', stages: filter.stages, temperatures: [], owner: filter.owner, source: filter.source });
  const clauses = [base.where];
  const params = [...base.params];
  const column = DATE_COLUMNS[filter.dateField];
  if (filter.from !== undefined) {
    clauses.push(`${column} >= ?`);
    params.push(jstInstant(filter.from, '00:00').toISOString());
  }
  if (filter.to !== undefined) {
    clauses.push(`${column} < ?`);
    params.push(jstInstant(addDays(filter.to, 1), '00:00').toISOString());
  }
  return { where: clauses.join(' AND '), params };
};

export type ExportPage = { lastRowid: number; rows: unknown[][] };

// How many leads the filter matches: the total the progress counts towards.
export const countExportRows = (db: Database.Database, filter: ExportFilter): number => {
  const { where, params } = exportFilterSql(filter);
  return (db.prepare(`SELECT count(*) AS n FROM leads WHERE ${where}`).get(...params) as { n: number }).n;
};

// Reads the export a page at a time, keyed on the rowid: no statement stays open between pages,
// so the app's writes go on (and checkpoint) while it runs. NOT INDEXED keeps SQLite on the rowid
// range (a stage or owner index would re-sort every match for every page: quadratic over an export).
export const createExportQuery = (db: Database.Database, filter: ExportFilter, columns: readonly ColumnDef[]) => {
  const { where, params } = exportFilterSql(filter);
  const from = 'FROM leads NOT INDEXED LEFT JOIN lead_hearings h ON h.lead_id = leads.id';
  const select = columns.map((c, i) => `${c.sql} AS c${i}`).join(', ');
  const next = db.prepare(`SELECT leads.rowid, ${select} ${from} WHERE leads.rowid > ? AND ${where} ORDER BY leads.rowid LIMIT ?`).raw();
  return {
    page(afterRowid: number, limit: number): ExportPage {
      const raw = next.all(afterRowid, ...params, limit) as unknown[][];
      const last = raw.at(-1);
      return { lastRowid: last ? Number(last[0]) : afterRowid, rows: raw.map((r) => r.slice(1)) };
    },
  };
};
