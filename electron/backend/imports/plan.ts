import type { ImportCounts, OnDuplicate, RejectedRow } from '../../../shared/api/imports';
import type { LeadInput } from '../../../shared/domain/lead';
import type { LeadPatch } from '../leads/lead-patch';
import { PATCHABLE_FIELDS, type PatchableField } from '../leads/lead-patch';
import { matchKeys, type createDuplicateIndex } from './duplicates';

export type RowOutcome = { ok: true; lead: LeadInput } | { ok: false; errors: RejectedRow['reasons'] };

export type ImportPlan = {
  creates: LeadInput[];
  // One merged patch per existing lead, in the order the file first touched it.
  updates: Map<string, LeadPatch>;
  counts: ImportCounts;
  rejected: RejectedRow[];
};

const isEmpty = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0);

// What a duplicate row contributes to the lead it matches: `fill` only where the lead is empty
// (decided at commit against the stored values), `overwrite` every field the row has a value for.
// Tags and custom fields are merged, never dropped.
export const contribution = (lead: LeadInput): LeadPatch => {
  const patch: Record<string, unknown> = {};
  for (const field of Object.keys(PATCHABLE_FIELDS) as PatchableField[]) {
    if (!isEmpty(lead[field])) patch[field] = lead[field];
  }
  return patch as LeadPatch;
};

export const mergePatch = (base: LeadPatch, incoming: LeadPatch, mode: 'fill' | 'overwrite'): LeadPatch => {
  const out: Record<string, unknown> = { ...base };
  for (const [field, value] of Object.entries(incoming)) {
    const current = out[field];
    if (field === 'tags') out.tags = [...new Set([...((current as string[] | undefined) ?? []), ...(value as string[])])];
    else if (field === 'customFields')
      out.customFields =
        mode === 'fill'
          ? { ...(value as Record<string, string>), ...((current as Record<string, string> | undefined) ?? {}) }
          : { ...((current as Record<string, string> | undefined) ?? {}), ...(value as Record<string, string>) };
    else if (mode === 'overwrite' || isEmpty(current)) out[field] = value;
  }
  return out as LeadPatch;
};

// Decides, row by row and in file order, what the import will do. Writes nothing: the same plan
// gives the preview's counts and the commit's work.
export const planImport = (
  outcomes: Iterable<{ line: number; cells: string[]; outcome: RowOutcome }>,
  index: ReturnType<typeof createDuplicateIndex>,
  onDuplicate: OnDuplicate,
): ImportPlan => {
  const creates: LeadInput[] = [];
  // What each earlier valid row became: a lead to create (its index), or an existing lead's id.
  const resolved = new Map<number, { create: number } | { lead: string }>();
  const updates = new Map<string, LeadPatch>();
  const rejected: RejectedRow[] = [];
  const counts: ImportCounts = { totalRows: 0, toCreate: 0, toUpdate: 0, skipped: 0, rejected: 0, duplicatesInStore: 0, duplicatesInFile: 0 };
  let rowIndex = -1;
  for (const { line, cells, outcome } of outcomes) {
    rowIndex += 1;
    counts.totalRows += 1;
    if (!outcome.ok) {
      rejected.push({ line, reasons: outcome.errors, cells });
      continue;
    }
    const keys = matchKeys(outcome.lead);
    const match = onDuplicate === 'create' ? null : index.find(keys);
    // Every valid row is remembered, so a later row matching it follows the same resolution.
    index.remember(keys, rowIndex);
    if (match === null) {
      resolved.set(rowIndex, { create: creates.length });
      creates.push(outcome.lead);
      continue;
    }
    const target = match.kind === 'store' ? { lead: match.leadId } : resolved.get(match.rowIndex);
    if (target) resolved.set(rowIndex, target);
    // Counted by where the lead really is: a row matching an earlier row that matched the store
    // is a duplicate of a stored lead.
    if (target && 'lead' in target) counts.duplicatesInStore += 1;
    else counts.duplicatesInFile += 1;
    if (onDuplicate === 'skip' || !target) {
      counts.skipped += 1;
      continue;
    }
    const patch = contribution(outcome.lead);
    const mode = onDuplicate === 'overwrite' ? 'overwrite' : 'fill';
    if ('lead' in target) {
      updates.set(target.lead, mergePatch(updates.get(target.lead) ?? {}, patch, mode));
    } else {
      // The earlier row creates a lead: fold this row into it before anything is written.
      const earlier = creates[target.create]!;
      creates[target.create] = { ...earlier, ...mergePatch(contribution(earlier), patch, mode) };
    }
  }
  counts.toCreate = creates.length;
  counts.toUpdate = updates.size;
  counts.rejected = rejected.length;
  return { creates, updates, counts, rejected };
};
