import type { LeadInput } from '../../../shared/domain/lead';
import type { OutboxOp } from '../db/outbox';
import { carriesValue } from '../leads/repository';

// Leads per `lead.createBatch` op: big enough that the outbox holds ~50 rows for 100,000 leads
// instead of 100,000, small enough that one op stays well under a megabyte for sync to ship.
export const LEADS_PER_BATCH = 2000;

// The outbox op for the leads an import created, column by column: `ids[i]` is the i-th lead and
// `fields.x[i]` its value of x. As in `lead.create`, a missing value (null, false, [], {}) is null,
// and a field no lead of the batch has a value for is left out. With `createdAt`, `importId` and
// the first stage event ('created', by the import's actor) a receiver rebuilds every lead exactly.
export type LeadCreateBatch = {
  importId: string;
  createdAt: string;
  ids: string[];
  fields: Partial<Record<keyof LeadInput, unknown[]>>;
};

export const createBatchOp = (importId: string, createdAt: string, ids: readonly string[], leads: readonly LeadInput[]): OutboxOp => {
  const fields: Record<string, unknown[]> = {};
  leads.forEach((lead, i) => {
    // for-in, not Object.entries: no pair arrays for the ~25 fields of each of 100,000 leads.
    for (const field in lead) {
      const value = lead[field as keyof LeadInput];
      if (!carriesValue(value)) continue;
      const column = (fields[field] ??= new Array<unknown>(leads.length).fill(null));
      column[i] = value;
    }
  });
  const payload: LeadCreateBatch = { importId, createdAt, ids: [...ids], fields };
  return { entity: 'import', entityId: importId, op: 'lead.createBatch', payload };
};

// Collects the leads of an import as they are inserted and appends one op per full batch.
export const createBatchWriter = (importId: string, createdAt: string, append: (op: OutboxOp) => void) => {
  let ids: string[] = [];
  let leads: LeadInput[] = [];
  const flush = (): void => {
    if (ids.length === 0) return;
    append(createBatchOp(importId, createdAt, ids, leads));
    ids = [];
    leads = [];
  };
  return {
    add(id: string, lead: LeadInput): void {
      ids.push(id);
      leads.push(lead);
      if (ids.length === LEADS_PER_BATCH) flush();
    },
    flush,
  };
};
