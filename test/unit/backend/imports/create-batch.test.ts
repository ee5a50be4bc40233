import { describe, expect, it } from 'vitest';
import { emptyLeadInput, type LeadInput } from '../../../../shared/domain/lead';
import { derivedKeys, NEW_LEAD_COLUMNS, NEW_LEAD_ID, newLeadValues } from '../../../../electron/backend/leads/lead-row';
import { createBatcher, LEADS_PER_BATCH, type CreateBatch, type LeadCreateBatch } from '../../../../electron/backend/imports/create-batch';
import { leadInput } from '../../../helpers/lead-input';

// What a receiver does with a batch: every field of every lead, defaults where the batch has none.
const DEFAULTS: LeadInput = { ...emptyLeadInput(), companyName: leadInput().companyName };
const rebuild = (batch: LeadCreateBatch): { id: string; lead: LeadInput }[] =>
  batch.ids.map((id, i) => {
    const lead: Record<string, unknown> = { ...DEFAULTS };
    for (const [field, values] of Object.entries(batch.fields)) if (values[i] !== null) lead[field] = values[i];
    return { id, lead: lead as LeadInput };
  });

describe('createBatcher', () => {
  it('hands on one batch per LEADS_PER_BATCH leads and one for the rest: each lead’s row values, id and search text, and a column-oriented op payload every lead is rebuilt from exactly', () => {
    const delivered: CreateBatch[] = [];
    const batcher = createBatcher('import-1', '2026-11-20T01:00:00.000Z', (batch) => delivered.push(batch));
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
    leads.forEach((lead) => batcher.add({ lead, keys: null }));
    expect(delivered).toHaveLength(1);
    batcher.flush();
    batcher.flush();
    expect(delivered.map((b) => [b.rows.length, b.searchTexts.length])).toEqual([
      [LEADS_PER_BATCH, LEADS_PER_BATCH],
      [3, 3],
    ]);
    const rows = delivered.flatMap((b) => b.rows);
    // Every lead has its own id, made in order (UUIDv7).
    const ids = rows.map((row) => row[NEW_LEAD_ID] as string);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    // Each row is the lead's insert, with the import and the time; its search text beside it.
    expect(rows).toEqual(leads.map((lead, i) => newLeadValues(ids[i]!, lead, derivedKeys(lead), 'import-1', '2026-11-20T01:00:00.000Z')));
    expect(rows[3]![NEW_LEAD_COLUMNS.indexOf('custom_fields')]).toBe('{"備考":"①"}');
    expect(delivered.flatMap((b) => b.searchTexts)).toEqual(leads.map((lead) => derivedKeys(lead).search_text));
    const payloads = delivered.map((b) => JSON.parse(new TextDecoder().decode(b.payload)) as LeadCreateBatch);
    expect(payloads.map((p) => p.ids)).toEqual(delivered.map((b) => b.rows.map((row) => row[NEW_LEAD_ID])));
    expect(payloads[0]).toMatchObject({ importId: 'import-1', createdAt: '2026-11-20T01:00:00.000Z' });
    // A field no lead of the batch has is left out; values are null where a lead has none.
    expect(Object.keys(payloads[1]!.fields)).not.toContain('doNotCall');
    expect(payloads[0]!.fields.doNotCall?.slice(0, 3)).toEqual([null, true, null]);
    expect(payloads[0]!.fields.score?.slice(3, 6)).toEqual([null, 0, null]);
    expect(payloads.flatMap(rebuild)).toEqual(leads.map((lead, i) => ({ id: ids[i], lead })));
  });
});
