import type { ExportColumn, ExportColumnGroup, ExportColumnType } from '../../../shared/api/exports';
import { BantamError } from '../errors';

// A column and the SQL expression that reads it. Expressions run over `leads` joined with the
// lead's hearing answers as `h` (see export-query.ts); a feature that adds data (the handoff and
// its SLA) adds its entries here and, if it needs one, its join there.
export type ColumnDef = ExportColumn & { sql: string };

const col = (id: string, group: ExportColumnGroup, type: ExportColumnType, sql: string): ColumnDef => ({
  id,
  group,
  type,
  labelKey: `exports.column.${id}`,
  sql,
});

// The first time the lead reached a stage, from the append-only transitions. Through the lead's
// own index: left alone SQLite picks the to_stage index and reads every lead's transitions.
const reached = (stage: string): string =>
  `(SELECT min(occurred_at) FROM stage_transitions t INDEXED BY stage_transitions_lead WHERE t.lead_id = leads.id AND t.to_stage = '${stage}')`;
const answer = (pathInAnswers: string): string => `json_extract(h.answers, '$.${pathInAnswers}')`;
// A field of the lead's latest handoff, through the handoffs_lead index.
const handoff = (expr: string): string => `(SELECT ${expr} FROM handoffs ho WHERE ho.lead_id = leads.id ORDER BY ho.submitted_at DESC LIMIT 1)`;

export const COLUMN_DEFS: readonly ColumnDef[] = [
  col('companyName', 'company', 'text', 'leads.company_name'),
  col('companyKana', 'company', 'text', 'leads.company_kana'),
  col('industry', 'company', 'text', 'leads.industry'),
  col('employeeCount', 'company', 'number', 'leads.employee_count'),
  col('postalCode', 'company', 'text', 'leads.postal_code'),
  col('prefecture', 'company', 'text', 'leads.prefecture'),
  col('address', 'company', 'text', 'leads.address'),
  col('department', 'contact', 'text', 'leads.department'),
  col('title', 'contact', 'text', 'leads.title'),
  col('familyName', 'contact', 'text', 'leads.family_name'),
  col('givenName', 'contact', 'text', 'leads.given_name'),
  col('familyNameKana', 'contact', 'text', 'leads.family_name_kana'),
  col('givenNameKana', 'contact', 'text', 'leads.given_name_kana'),
  col('email', 'contact', 'text', 'leads.email'),
  col('phone', 'contact', 'text', 'leads.phone'),
  col('mobile', 'contact', 'text', 'leads.mobile'),
  col('stage', 'lead', 'text', 'leads.stage'),
  col('temperature', 'lead', 'text', 'leads.temperature'),
  col('score', 'lead', 'number', 'leads.score'),
  col('owner', 'lead', 'text', 'leads.owner'),
  col('source', 'lead', 'text', 'leads.source'),
  col('campaign', 'lead', 'text', 'leads.campaign'),
  col('tags', 'lead', 'text', "(SELECT group_concat(value, ', ') FROM json_each(leads.tags))"),
  col('createdAt', 'lead', 'datetime', 'leads.created_at'),
  col('updatedAt', 'lead', 'datetime', 'leads.updated_at'),
  col('leadId', 'lead', 'text', 'leads.id'),
  col('stageChangedAt', 'stageDates', 'datetime', 'leads.stage_changed_at'),
  col('reachedMql', 'stageDates', 'datetime', reached('mql')),
  col('reachedTql', 'stageDates', 'datetime', reached('tql')),
  col('reachedSal', 'stageDates', 'datetime', reached('sal')),
  col('reachedSql', 'stageDates', 'datetime', reached('sql')),
  col('callCount', 'activity', 'number', 'leads.call_count'),
  col('lastCalledAt', 'activity', 'datetime', 'leads.last_called_at'),
  col('latestNote', 'activity', 'text', '(SELECT body FROM notes n WHERE n.lead_id = leads.id ORDER BY n.created_at DESC LIMIT 1)'),
  col('latestNoteAt', 'activity', 'datetime', '(SELECT max(created_at) FROM notes n WHERE n.lead_id = leads.id)'),
  col('budgetStatus', 'bant', 'text', answer('budget.status')),
  col('budgetAmountMin', 'bant', 'number', answer('budget.amountMin')),
  col('budgetAmountMax', 'bant', 'number', answer('budget.amountMax')),
  col('authorityRole', 'bant', 'text', answer('authority.role')),
  col('decisionMaker', 'bant', 'text', answer('authority.decisionMakerName')),
  col('needSeverity', 'bant', 'text', answer('need.severity')),
  col('painPoints', 'bant', 'text', answer('need.painPoints')),
  col('timelineHorizon', 'bant', 'text', answer('timeline.horizon')),
  col('timelineTargetDate', 'bant', 'date', answer('timeline.targetDate')),
  col('hearingUpdatedAt', 'bant', 'datetime', 'h.updated_at'),
  col('handoffAssignee', 'handoff', 'text', handoff('ho.assignee')),
  col('handoffSubmittedAt', 'handoff', 'datetime', handoff('ho.submitted_at')),
  col('handoffSlaDueAt', 'handoff', 'datetime', handoff('ho.sla_due_at')),
  col('handoffStatus', 'handoff', 'text', handoff('ho.status')),
  col('handoffDecidedAt', 'handoff', 'datetime', handoff('ho.decided_at')),
  col('handoffSlaMet', 'handoff', 'text', handoff("CASE WHEN ho.decided_at IS NULL THEN NULL WHEN ho.decided_at <= ho.sla_due_at THEN 'met' ELSE 'missed' END")),
  col('handoffRejectReason', 'handoff', 'text', handoff('ho.reason')),
  col('handoffRejectGroup', 'handoff', 'text', handoff('ho.reason_group')),
];

const BY_ID: ReadonlyMap<string, ColumnDef> = new Map(COLUMN_DEFS.map((c) => [c.id, c]));

// The registry as the contract shows it (no SQL).
export const exportColumns = (): ExportColumn[] => COLUMN_DEFS.map(({ id, group, labelKey, type }) => ({ id, group, labelKey, type }));

// The chosen columns in the chosen order; an unknown id or one chosen twice is refused by name.
export const resolveColumns = (ids: readonly string[]): ColumnDef[] => {
  const unknown = ids.filter((id) => !BY_ID.has(id));
  if (unknown.length > 0) {
    throw new BantamError('invalid_input', `Unknown export column: ${unknown.join(', ')}. Known columns: ${COLUMN_DEFS.map((c) => c.id).join(', ')}.`, {
      messageKey: 'exports.errors.unknownColumn',
      params: { columns: unknown.join(', ') },
    });
  }
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length > 0) {
    throw new BantamError('invalid_input', `The column ${twice[0]} is chosen twice; keep it once.`, {
      messageKey: 'exports.errors.duplicateColumn',
      params: { column: twice[0] ?? '' },
    });
  }
  return ids.map((id) => BY_ID.get(id) as ColumnDef);
};
