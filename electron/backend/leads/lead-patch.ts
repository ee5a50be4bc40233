import type Database from 'better-sqlite3';
import type { Lead, LeadEditField, LeadInput } from '../../../shared/domain/lead';
import type { BackendContext } from '../context';
import { derivedKeys, LEAD_COLUMNS, rowToLead, type LeadRow } from './lead-row';

// The lead fields a patch may change, and their columns. Stage is absent on purpose: stage
// changes go through the stage machine, never through a field edit.
export const PATCHABLE_FIELDS = {
  companyName: 'company_name',
  companyKana: 'company_kana',
  department: 'department',
  title: 'title',
  familyName: 'family_name',
  givenName: 'given_name',
  familyNameKana: 'family_name_kana',
  givenNameKana: 'given_name_kana',
  email: 'email',
  phone: 'phone',
  mobile: 'mobile',
  postalCode: 'postal_code',
  prefecture: 'prefecture',
  address: 'address',
  industry: 'industry',
  employeeCount: 'employee_count',
  source: 'source',
  campaign: 'campaign',
  score: 'score',
  temperature: 'temperature',
  owner: 'owner',
  tags: 'tags',
  customFields: 'custom_fields',
} as const satisfies Record<LeadEditField, string>;

export type PatchableField = keyof typeof PATCHABLE_FIELDS;
export type LeadPatch = { [K in PatchableField]?: LeadInput[K] };

const toColumn = (field: PatchableField, value: unknown): unknown =>
  field === 'tags' || field === 'customFields' ? JSON.stringify(value) : value;

// Applies a patch to a live lead, keeping the matching keys in step. Returns the values before and
// after for the fields that really changed (nothing is written when none did). Call inside a transaction.
export const createLeadPatcher = (ctx: BackendContext) => {
  const { db } = ctx.store;
  const read = db.prepare(`SELECT ${LEAD_COLUMNS} FROM leads WHERE id = ? AND deleted_at IS NULL`);
  const updateSearch = db.prepare('UPDATE lead_search SET text = ? WHERE lead_id = ?');
  const statements = new Map<string, Database.Statement<unknown[]>>();
  // `known` saves a second read when the caller has just read the lead in this transaction.
  return (id: string, patch: LeadPatch, at: string, known?: Lead): { before: LeadPatch; after: LeadPatch } | null => {
    const row = known ? undefined : (read.get(id) as LeadRow | undefined);
    const current = known ?? (row ? rowToLead(row) : null);
    if (!current) return null;
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(patch) as [PatchableField, unknown][]) {
      if (value === undefined || JSON.stringify(current[field]) === JSON.stringify(value)) continue;
      before[field] = current[field];
      after[field] = value;
    }
    const fields = Object.keys(after) as PatchableField[];
    if (fields.length === 0) return null;
    const next: LeadInput = { ...current, ...after };
    const sql = `UPDATE leads SET ${fields.map((f) => `${PATCHABLE_FIELDS[f]} = ?`).join(', ')}, email_key = ?, phone_key = ?, mobile_key = ?, company_key = ?, person_key = ?, updated_at = ?, version = version + 1 WHERE id = ?`;
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare<unknown[]>(sql);
      statements.set(sql, stmt);
    }
    const k = derivedKeys(next);
    stmt.run(...fields.map((f) => toColumn(f, after[f])), k.email_key, k.phone_key, k.mobile_key, k.company_key, k.person_key, at, id);
    updateSearch.run(k.search_text, id);
    ctx.outbox.append({ entity: 'lead', entityId: id, op: 'lead.update', payload: { fields: after } }, at);
    return { before: before as LeadPatch, after: after as LeadPatch };
  };
};
