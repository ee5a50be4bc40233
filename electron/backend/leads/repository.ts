import type Database from 'better-sqlite3';
import { createChunkedInsert } from '../db/chunked-insert';
import { newId } from '../db/ids';
import type { LeadFacets, LeadListInput, LeadPage, LeadSortField } from '../../../shared/api/leads';
import type { Lead, LeadInput } from '../../../shared/domain/lead';
import type { BackendContext } from '../context';
import { BantamError } from '../errors';
import { leadFilter } from './lead-filter';
import { derivedKeys, LEAD_COLUMNS, NEW_LEAD_COLUMNS, NEW_LEAD_ID, NEW_LEAD_STAGE, newLeadValues, rowToLead, type LeadRow, type NewLeadRows } from './lead-row';

// ORDER BY clauses, each backed by a partial index on live leads (see 001_initial.sql).
const ORDER: Record<LeadSortField, { asc: string; desc: string }> = {
  updatedAt: { asc: 'updated_at ASC, id ASC', desc: 'updated_at DESC, id DESC' },
  createdAt: { asc: 'created_at ASC, id ASC', desc: 'created_at DESC, id DESC' },
  companyKana: {
    asc: 'company_kana ASC, company_name ASC, id ASC',
    desc: 'company_kana DESC, company_name DESC, id DESC',
  },
  stage: { asc: 'stage ASC, updated_at ASC, id ASC', desc: 'stage DESC, updated_at DESC, id DESC' },
  score: { asc: 'score ASC, id ASC', desc: 'score DESC, id DESC' },
};

// Whether a create op carries a lead field: null, false, [] and {} are the defaults a receiver fills in.
export const carriesValue = (value: unknown): boolean => {
  if (value === null || value === false) return false;
  if (Array.isArray(value)) return value.length > 0;
  return typeof value !== 'object' || Object.keys(value).length > 0;
};

// A create op carries only the fields that have a value: absent means null, and the outbox stays
// small (it holds one op per lead until sync ships it).
const createPayload = (lead: LeadInput, createdAt: string): Record<string, unknown> => {
  const payload: Record<string, unknown> = { createdAt };
  for (const [key, value] of Object.entries(lead)) if (carriesValue(value)) payload[key] = value;
  return payload;
};

// Imports do not come through here: their leads go in as rows (insertImportedInTransaction).
export type CreateLeadOptions = { createdAt?: string };

export const createLeadRepository = (ctx: BackendContext) => {
  const { db } = ctx.store;
  const insertLead = db.prepare<unknown[]>(`INSERT INTO leads (${NEW_LEAD_COLUMNS.join(', ')}) VALUES (${NEW_LEAD_COLUMNS.map(() => '?').join(', ')})`);
  const count = db.prepare('SELECT count(*) AS n FROM leads WHERE deleted_at IS NULL');
  const byId = db.prepare(`SELECT ${LEAD_COLUMNS} FROM leads WHERE id = ? AND deleted_at IS NULL`);
  // Prepared once per filter shape and order; the values are bound per call.
  const pages = new Map<string, { rows: Database.Statement<unknown[]>; count: Database.Statement<unknown[]> }>();

  const insertSearches = createChunkedInsert(db, 'INSERT INTO lead_search (lead_id, text)', '(?, ?)');
  const insertTransitions = createChunkedInsert(
    db,
    'INSERT INTO stage_transitions (id, lead_id, from_stage, to_stage, reason, actor, occurred_at)',
    '(?, ?, NULL, ?, ?, ?, ?)',
  );

  // Inserts one lead with its first stage event and outbox op. Call inside a transaction.
  const insertOne = (lead: LeadInput, options: CreateLeadOptions, actor: string): string => {
    const id = newId();
    const at = options.createdAt ?? ctx.now().toISOString();
    const keys = derivedKeys(lead);
    insertLead.run(newLeadValues(id, lead, keys, null, at));
    insertSearches([[id, keys.search_text]]);
    insertTransitions([[newId(), id, lead.stage, 'created', actor, at]]);
    ctx.outbox.append({ entity: 'lead', entityId: id, op: 'lead.create', payload: createPayload(lead, at) }, at);
    return id;
  };

  return {
    // All leads in one transaction: every lead lands with its ops, or none does.
    createMany(leads: readonly LeadInput[], options: CreateLeadOptions = {}): string[] {
      const actor = ctx.actor();
      const ids = db.transaction(() => leads.map((lead) => insertOne(lead, options, actor)))();
      if (ids.length > 0) ctx.emit({ name: 'leads.changed', payload: { reason: ids.length > 1 ? 'bulk' : 'created' } });
      return ids;
    },
    insertOneInTransaction: insertOne,
    // An import's new leads, made ready by the import (see newLeadValues), with their search rows;
    // no ops: the import records its leads in batch ops. Call inside a transaction.
    // A stage event only for a lead that arrives at a stage other than 'lead' (the funnel counts
    // MQL and later from there): arriving at 'lead' is the lead's creation, which the import records
    // once for all its leads (its record, which each lead points to, and its ops; the timeline
    // shows it), instead of in 100,000 identical events.
    insertImportedInTransaction({ rows, searchTexts }: NewLeadRows, actor: string, at: string): void {
      for (const row of rows) insertLead.run(row);
      insertSearches(rows.map((row, i) => [row[NEW_LEAD_ID], searchTexts[i]]));
      const arrivals = rows.filter((row) => row[NEW_LEAD_STAGE] !== 'lead');
      if (arrivals.length > 0) insertTransitions(arrivals.map((row) => [newId(), row[NEW_LEAD_ID], row[NEW_LEAD_STAGE], 'created', actor, at]));
    },
    count(): number {
      return (count.get() as { n: number }).n;
    },
    find(id: string): Lead | null {
      const row = byId.get(id) as LeadRow | undefined;
      return row ? rowToLead(row) : null;
    },
    get(id: string): Lead {
      const row = byId.get(id) as LeadRow | undefined;
      if (!row) throw new BantamError('not_found', 'No lead with this id exists (it may have been deleted).', { messageKey: 'errors.lead.notFound' });
      return rowToLead(row);
    },
    page(input: LeadListInput): LeadPage {
      const order = ORDER[input.sort][input.direction];
      const filter = leadFilter(input);
      const key = `${filter.where}|${order}`;
      let statements = pages.get(key);
      if (!statements) {
        statements = {
          rows: db.prepare<unknown[]>(`SELECT ${LEAD_COLUMNS} FROM leads WHERE ${filter.where} ORDER BY ${order} LIMIT ? OFFSET ?`),
          count: db.prepare<unknown[]>(`SELECT count(*) AS n FROM leads WHERE ${filter.where}`),
        };
        pages.set(key, statements);
      }
      const rows = statements.rows.all(...filter.params, input.limit, input.offset) as LeadRow[];
      const total = input.withTotal ? (statements.count.get(...filter.params) as { n: number }).n : null;
      return { total, offset: input.offset, rows: rows.map(rowToLead) };
    },
    facets(): LeadFacets {
      const distinct = (column: string) =>
        db.prepare(`SELECT DISTINCT ${column} FROM leads WHERE deleted_at IS NULL AND ${column} IS NOT NULL AND ${column} <> '' ORDER BY ${column}`).pluck().all() as string[];
      return {
        owners: distinct('owner'),
        sources: distinct('source'),
        tags: db
          .prepare("SELECT DISTINCT j.value FROM leads, json_each(leads.tags) AS j WHERE leads.deleted_at IS NULL AND leads.tags <> '[]' ORDER BY 1")
          .pluck()
          .all() as string[],
        imports: db.prepare('SELECT id, file_name AS fileName, started_at AS startedAt FROM imports WHERE undone_at IS NULL ORDER BY started_at DESC').all() as LeadFacets['imports'],
      };
    },
  };
};

export type LeadRepository = ReturnType<typeof createLeadRepository>;
