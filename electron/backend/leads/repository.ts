import type Database from 'better-sqlite3';
import { newId } from '../db/ids';
import type { LeadPage, LeadSortField } from '../../../shared/api/leads';
import type { Lead, LeadInput } from '../../../shared/domain/lead';
import type { BackendContext } from '../context';
import { BantamError } from '../errors';
import { derivedKeys, LEAD_COLUMNS, rowToLead, type LeadRow } from './lead-row';

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

// A create op carries only the fields that have a value: absent means null, and the outbox stays
// small (it holds one op per lead until sync ships it).
const createPayload = (lead: LeadInput, importId: string | null, createdAt: string): Record<string, unknown> => {
  const payload: Record<string, unknown> = { createdAt };
  for (const [key, value] of Object.entries(lead)) {
    if (value === null || value === false || (Array.isArray(value) && value.length === 0)) continue;
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue;
    payload[key] = value;
  }
  if (importId) payload.importId = importId;
  return payload;
};

export type CreateLeadOptions = { importId?: string | null; createdAt?: string };

export const createLeadRepository = (ctx: BackendContext) => {
  const { db } = ctx.store;
  const insertLead = db.prepare(`INSERT INTO leads (
      id, company_name, company_kana, department, title, family_name, given_name, family_name_kana, given_name_kana,
      email, phone, mobile, postal_code, prefecture, address, industry, employee_count, source, campaign, score,
      temperature, stage, owner, tags, custom_fields, do_not_call, email_key, phone_key, mobile_key, company_key,
      person_key, search_text, import_id, stage_changed_at, created_at, updated_at
    ) VALUES (
      @id, @company_name, @company_kana, @department, @title, @family_name, @given_name, @family_name_kana, @given_name_kana,
      @email, @phone, @mobile, @postal_code, @prefecture, @address, @industry, @employee_count, @source, @campaign, @score,
      @temperature, @stage, @owner, @tags, @custom_fields, @do_not_call, @email_key, @phone_key, @mobile_key, @company_key,
      @person_key, @search_text, @import_id, @created_at, @created_at, @created_at
    )`);
  const insertTransition = db.prepare(
    'INSERT INTO stage_transitions (id, lead_id, from_stage, to_stage, reason, actor, occurred_at) VALUES (?, ?, NULL, ?, ?, ?, ?)',
  );
  const count = db.prepare('SELECT count(*) AS n FROM leads WHERE deleted_at IS NULL');
  const byId = db.prepare(`SELECT ${LEAD_COLUMNS} FROM leads WHERE id = ? AND deleted_at IS NULL`);
  const pages = new Map<string, Database.Statement<[number, number]>>();

  // Inserts one lead with its first stage event and outbox op. Call inside a transaction.
  const insertOne = (lead: LeadInput, options: CreateLeadOptions, actor: string): string => {
    const id = newId();
    const at = options.createdAt ?? ctx.now().toISOString();
    insertLead.run({
      id,
      company_name: lead.companyName,
      company_kana: lead.companyKana,
      department: lead.department,
      title: lead.title,
      family_name: lead.familyName,
      given_name: lead.givenName,
      family_name_kana: lead.familyNameKana,
      given_name_kana: lead.givenNameKana,
      email: lead.email,
      phone: lead.phone,
      mobile: lead.mobile,
      postal_code: lead.postalCode,
      prefecture: lead.prefecture,
      address: lead.address,
      industry: lead.industry,
      employee_count: lead.employeeCount,
      source: lead.source,
      campaign: lead.campaign,
      score: lead.score,
      temperature: lead.temperature,
      stage: lead.stage,
      owner: lead.owner,
      tags: JSON.stringify(lead.tags),
      custom_fields: JSON.stringify(lead.customFields),
      do_not_call: lead.doNotCall ? 1 : 0,
      import_id: options.importId ?? null,
      created_at: at,
      ...derivedKeys(lead),
    });
    insertTransition.run(newId(), id, lead.stage, 'created', actor, at);
    ctx.outbox.append({ entity: 'lead', entityId: id, op: 'lead.create', payload: createPayload(lead, options.importId ?? null, at) }, at);
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
    count(): number {
      return (count.get() as { n: number }).n;
    },
    get(id: string): Lead {
      const row = byId.get(id) as LeadRow | undefined;
      if (!row) throw new BantamError('not_found', 'No lead with this id exists (it may have been deleted).', { messageKey: 'errors.lead.notFound' });
      return rowToLead(row);
    },
    page(input: { offset: number; limit: number; sort: LeadSortField; direction: 'asc' | 'desc' }): LeadPage {
      const order = ORDER[input.sort][input.direction];
      let stmt = pages.get(order);
      if (!stmt) {
        stmt = db.prepare<[number, number]>(`SELECT ${LEAD_COLUMNS} FROM leads WHERE deleted_at IS NULL ORDER BY ${order} LIMIT ? OFFSET ?`);
        pages.set(order, stmt);
      }
      const rows = stmt.all(input.limit, input.offset) as LeadRow[];
      return { total: this.count(), offset: input.offset, rows: rows.map(rowToLead) };
    },
  };
};

export type LeadRepository = ReturnType<typeof createLeadRepository>;
