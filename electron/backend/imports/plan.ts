import type { ImportCounts, OnDuplicate, RejectedRow } from '../../../shared/api/imports';
import type { LeadInput } from '../../../shared/domain/lead';
import type { LeadPatch } from '../leads/lead-patch';
import type { MatchingKeys } from '../leads/lead-row';
import { PATCHABLE_FIELDS, type PatchableField } from '../leads/lead-patch';
import { matchKeys, type createDuplicateIndex } from './duplicates';
import { detach } from './record-parser';

export type RowOutcome = { ok: true; lead: LeadInput } | { ok: false; errors: RejectedRow['reasons'] };

// A lead to create, with the matching keys computed for dedupe (null once other rows were folded in).
export type PlannedCreate = { lead: LeadInput; keys: MatchingKeys | null };

export type ImportPlan = {
  // Calls `visit` for each lead to create, in file order. Replayable: a large file is read again.
  eachCreate: (visit: (create: PlannedCreate) => void) => void;
  // One merged patch per existing lead, in the order the file first touched it.
  updates: Map<string, LeadPatch>;
  counts: ImportCounts;
  rejected: RejectedRow[];
};

export type PlannedRow = { line: number; cells: string[]; outcome: RowOutcome };

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

// A patch kept until the commit holds copies, not slices of the file's chunks (see detach).
const detachPatch = (patch: LeadPatch): LeadPatch => {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(patch)) {
    if (typeof value === 'string') out[field] = detach(value);
    else if (Array.isArray(value)) out[field] = value.map((v: string) => detach(v));
    else if (value !== null && typeof value === 'object') out[field] = Object.fromEntries(Object.entries(value as Record<string, string>).map(([k, v]) => [detach(k), detach(v)]));
    else out[field] = value;
  }
  return out as LeadPatch;
};

// The leads to create, mapped again from the file. Built outside createPlanner so that the plan
// does not keep the planner's duplicate index alive while the import is written.
const replayCreates =
  (createRows: readonly number[], folds: ReadonlyMap<number, LeadPatch>, mode: 'fill' | 'overwrite', replay: (visit: (row: PlannedRow) => void) => void) =>
  (visit: (create: PlannedCreate) => void): void => {
    let i = -1;
    let next = 0;
    replay(({ outcome }) => {
      i += 1;
      if (createRows[next] !== i) return;
      next += 1;
      if (!outcome.ok) throw new Error('import: a row planned as valid no longer is');
      const fold = folds.get(i);
      visit({ lead: fold ? { ...outcome.lead, ...mergePatch(contribution(outcome.lead), fold, mode) } : outcome.lead, keys: null });
    });
  };

// Where the planner puts the leads to create: 'keep' holds them in memory; 'replay' keeps only their
// row numbers (and the patches of later duplicate rows folded into them) and `finish`'s replay maps
// the file's rows again; a function receives each one as soon as it is planned, which only skip and
// create allow (no later row can change a lead planned earlier).
export type CreateSink = 'keep' | 'replay' | ((create: PlannedCreate) => void);

const handedOn = (): void => {
  throw new Error('import: the leads to create were handed on as they were planned');
};

// Decides, row by row and in file order, what the import will do. Writes nothing: the same plan
// gives the preview's counts and the commit's work.
export const createPlanner = (index: ReturnType<typeof createDuplicateIndex>, onDuplicate: OnDuplicate, sink: CreateSink) => {
  if (typeof sink === 'function' && (onDuplicate === 'fill' || onDuplicate === 'overwrite')) {
    throw new Error('import: leads can be handed on as planned only when duplicates are skipped or created');
  }
  const keepLeads = sink === 'keep';
  const mode = onDuplicate === 'overwrite' ? 'overwrite' : 'fill';
  const creates: PlannedCreate[] = [];
  // File row index of each lead to create, and the patches folded into some of them.
  const createRows: number[] = [];
  const folds = new Map<number, LeadPatch>();
  // What each earlier valid row became: a lead to create (its index, >= 0) or -1; an existing lead's id.
  const resolvedCreate: number[] = [];
  const resolvedLead = new Map<number, string>();
  const updates = new Map<string, LeadPatch>();
  const rejected: RejectedRow[] = [];
  const counts: ImportCounts = { totalRows: 0, toCreate: 0, toUpdate: 0, skipped: 0, rejected: 0, duplicatesInStore: 0, duplicatesInFile: 0, mergedInFile: 0 };
  let rowIndex = -1;

  const add = ({ line, cells, outcome }: PlannedRow): void => {
    rowIndex += 1;
    counts.totalRows += 1;
    resolvedCreate.push(-1);
    if (!outcome.ok) {
      rejected.push({ line, reasons: outcome.errors, cells: cells.map(detach) });
      return;
    }
    const keys = matchKeys(outcome.lead);
    const match = onDuplicate === 'create' ? null : index.find(keys);
    // Every valid row is remembered, so a later row matching it follows the same resolution.
    index.remember(keys, rowIndex);
    if (match === null) {
      resolvedCreate[rowIndex] = createRows.length;
      createRows.push(rowIndex);
      if (keepLeads) creates.push({ lead: outcome.lead, keys: keys.columns });
      else if (typeof sink === 'function') sink({ lead: outcome.lead, keys: keys.columns });
      return;
    }
    const leadId = match.kind === 'store' ? match.leadId : resolvedLead.get(match.rowIndex);
    const createIndex = match.kind === 'file' && leadId === undefined ? resolvedCreate[match.rowIndex]! : -1;
    if (leadId !== undefined) resolvedLead.set(rowIndex, leadId);
    else resolvedCreate[rowIndex] = createIndex;
    // Counted by where the lead really is: a row matching an earlier row that matched the store
    // is a duplicate of a stored lead.
    if (leadId !== undefined) counts.duplicatesInStore += 1;
    else counts.duplicatesInFile += 1;
    if (onDuplicate === 'skip' || (leadId === undefined && createIndex < 0)) {
      counts.skipped += 1;
      return;
    }
    const patch = detachPatch(contribution(outcome.lead));
    // Every row is counted once: the first row to reach a lead creates or updates it, later ones merge.
    if (leadId === undefined || updates.has(leadId)) counts.mergedInFile += 1;
    if (leadId !== undefined) {
      updates.set(leadId, mergePatch(updates.get(leadId) ?? {}, patch, mode));
    } else if (keepLeads) {
      // The earlier row creates a lead: fold this row into it before anything is written.
      const earlier = creates[createIndex]!.lead;
      creates[createIndex] = { lead: { ...earlier, ...mergePatch(contribution(earlier), patch, mode) }, keys: null };
    } else {
      // Merging the patches first and the lead last gives the same lead (see mergePatch).
      const at = createRows[createIndex]!;
      folds.set(at, mergePatch(folds.get(at) ?? {}, patch, mode));
    }
  };

  // `replay` maps the file's rows again, in the same order, when the leads were not kept.
  const finish = (replay: (visit: (row: PlannedRow) => void) => void): ImportPlan => {
    counts.toCreate = createRows.length;
    counts.toUpdate = updates.size;
    counts.rejected = rejected.length;
    resolvedCreate.length = 0;
    resolvedLead.clear();
    const eachCreate =
      typeof sink === 'function'
        ? handedOn
        : keepLeads
          ? (visit: (create: PlannedCreate) => void) => creates.forEach((c) => visit(c))
          : replayCreates(createRows, folds, mode, replay);
    return { eachCreate, updates, counts, rejected };
  };

  return { add, finish };
};

// Plans rows already in memory.
export const planImport = (outcomes: Iterable<PlannedRow>, index: ReturnType<typeof createDuplicateIndex>, onDuplicate: OnDuplicate): ImportPlan => {
  const planner = createPlanner(index, onDuplicate, 'keep');
  for (const row of outcomes) planner.add(row);
  return planner.finish(() => undefined);
};
