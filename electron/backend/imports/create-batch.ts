import type { LeadInput } from '../../../shared/domain/lead';
import { newId } from '../db/ids';
import type { OutboxOp } from '../db/outbox';
import { derivedKeys, newLeadValues, type NewLeadRows } from '../leads/lead-row';
import { carriesValue } from '../leads/repository';
import type { PlannedCreate } from './plan';

// Leads per `lead.createBatch` op, and per batch handed to the writer thread: big enough that the
// outbox holds ~200 rows for 100,000 leads instead of 100,000, small enough that one op stays
// well under a megabyte for sync to ship. And small enough that a batch is handed over before the
// reading thread's young generation fills: a batch of 2,000 outlived it, and copying and
// promoting the leads being batched cost 0.5 s of garbage collection per 100,000 (0.17 s now).
export const LEADS_PER_BATCH = 512;

// The outbox op payload for the leads an import created, column by column: `ids[i]` is the i-th lead and
// `fields.x[i]` its value of x. As in `lead.create`, a missing value (null, false, [], {}) is null,
// and a field no lead of the batch has a value for is left out. With `createdAt` and `importId` a
// receiver rebuilds every lead exactly, and the first stage event ('created', by the import's
// actor) of each lead that arrives at a stage other than 'lead' (see insertImportedInTransaction).
export type LeadCreateBatch = {
  importId: string;
  createdAt: string;
  ids: readonly string[];
  fields: Partial<Record<keyof LeadInput, unknown[]>>;
};

// An array of n nulls that V8 keeps packed (`new Array(n).fill(null)` stays holey), so
// JSON.stringify can take its fast path for packed arrays over it.
const nulls = (n: number): unknown[] => {
  const array: unknown[] = [];
  for (let i = 0; i < n; i += 1) array.push(null);
  return array;
};

const createBatchPayload = (importId: string, createdAt: string, ids: readonly string[], leads: readonly LeadInput[]): LeadCreateBatch => {
  const fields: Record<string, unknown[]> = {};
  leads.forEach((lead, i) => {
    // for-in, not Object.entries: no pair arrays for the ~25 fields of each of 100,000 leads.
    for (const field in lead) {
      const value = lead[field as keyof LeadInput];
      if (!carriesValue(value)) continue;
      const column = (fields[field] ??= nulls(leads.length));
      column[i] = value;
    }
  });
  return { importId, createdAt, ids, fields };
};

export const batchOpFor = (importId: string): Omit<OutboxOp, 'payload'> => ({ entity: 'import', entityId: importId, op: 'lead.createBatch' });

// New leads ready to be written: each lead's row values (with its id) and search text, and the
// batch's op payload as the UTF-8 bytes of its JSON. Bytes, because the batch goes to the writer
// thread: its buffer moves there without a copy, and the writer binds it without converting
// about 170 KB of mostly Japanese text to UTF-8 per batch (the writer has the more work to do).
export type CreateBatch = NewLeadRows & { payload: Uint8Array };

const utf8 = new TextEncoder();

// Groups the leads an import creates into batches, giving each lead its id and each batch its op.
export const createBatcher = (importId: string, createdAt: string, deliver: (batch: CreateBatch) => void) => {
  let ids: string[] = [];
  let leads: LeadInput[] = [];
  let rows: unknown[][] = [];
  let searchTexts: string[] = [];
  const flush = (): void => {
    if (ids.length === 0) return;
    const batch = { rows, searchTexts, payload: utf8.encode(JSON.stringify(createBatchPayload(importId, createdAt, ids, leads))) };
    [ids, leads, rows, searchTexts] = [[], [], [], []];
    deliver(batch);
  };
  return {
    // `keys`: the matching keys the plan found duplicates with, reused for the row.
    add({ lead, keys: matching }: PlannedCreate): void {
      const keys = derivedKeys(lead, matching ?? undefined);
      const id = newId();
      ids.push(id);
      leads.push(lead);
      rows.push(newLeadValues(id, lead, keys, importId, createdAt));
      searchTexts.push(keys.search_text);
      if (ids.length === LEADS_PER_BATCH) flush();
    },
    flush,
  };
};
