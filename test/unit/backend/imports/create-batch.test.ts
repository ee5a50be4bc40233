import { describe, expect, it } from 'vitest';
import { emptyLeadInput, type LeadInput } from '../../../../shared/domain/lead';
import type { OutboxOp } from '../../../../electron/backend/db/outbox';
import { createBatchWriter, LEADS_PER_BATCH, type LeadCreateBatch } from '../../../../electron/backend/imports/create-batch';
import { leadInput } from '../../../helpers/lead-input';

// What a receiver does with a batch: every field of every lead, defaults where the batch has none.
const DEFAULTS: LeadInput = { ...emptyLeadInput(), companyName: leadInput().companyName };
const rebuild = (batch: LeadCreateBatch): { id: string; lead: LeadInput }[] =>
  batch.ids.map((id, i) => {
    const lead: Record<string, unknown> = { ...DEFAULTS };
    for (const [field, values] of Object.entries(batch.fields)) if (values[i] !== null) lead[field] = values[i];
    return { id, lead: lead as LeadInput };
  });

describe('createBatchWriter', () => {
  it('writes one column-oriented op per full batch and one for the rest, from which every lead is rebuilt exactly', () => {
    const ops: OutboxOp[] = [];
    const writer = createBatchWriter('import-1', '2026-11-20T01:00:00.000Z', (op) => ops.push(op));
    const leads = Array.from({ length: LEADS_PER_BATCH + 3 }, (_, i) =>
      leadInput({
        companyName: `会社${i}`,
        email: i % 2 === 0 ? `u${i}@x.jp` : null,
        doNotCall: i === 1,
        tags: i === 2 ? ['展示会'] : [],
        customFields: i === 3 ? { 備考: '①' } : {},
        score: i === 4 ? 0 : null,
      }),
    );
    leads.forEach((lead, i) => writer.add(`lead-${i}`, lead));
    expect(ops).toHaveLength(1);
    writer.flush();
    writer.flush();
    expect(ops.map(({ entity, entityId, op }) => ({ entity, entityId, op }))).toEqual([
      { entity: 'import', entityId: 'import-1', op: 'lead.createBatch' },
      { entity: 'import', entityId: 'import-1', op: 'lead.createBatch' },
    ]);
    // Through JSON, as the outbox stores it.
    const batches = ops.map((op) => JSON.parse(JSON.stringify(op.payload)) as LeadCreateBatch);
    expect(batches.map((b) => b.ids.length)).toEqual([LEADS_PER_BATCH, 3]);
    expect(batches[0]).toMatchObject({ importId: 'import-1', createdAt: '2026-11-20T01:00:00.000Z' });
    // A field no lead of the batch has is left out; values are null where a lead has none.
    expect(Object.keys(batches[1]!.fields)).not.toContain('doNotCall');
    expect(batches[0]!.fields.doNotCall?.slice(0, 3)).toEqual([null, true, null]);
    expect(batches[0]!.fields.score?.slice(3, 6)).toEqual([null, 0, null]);
    expect(batches.flatMap(rebuild)).toEqual(leads.map((lead, i) => ({ id: `lead-${i}`, lead })));
  });
});
