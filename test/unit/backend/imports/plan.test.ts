import { afterEach, describe, expect, it } from 'vitest';
import type { OnDuplicate } from '../../../../shared/api/imports';
import { createDuplicateIndex } from '../../../../electron/backend/imports/duplicates';
import { createKeyTable, keyHash128, type KeyHash } from '../../../../electron/backend/imports/key-table';
import { createPlanner, type CreateSink, type PlannedCreate, type PlannedRow } from '../../../../electron/backend/imports/plan';
import { createTempStore, type TempStore } from '../../../helpers/temp-store';
import { leadInput } from '../../../helpers/lead-input';

// Rows with duplicates of a stored lead and of earlier rows, by every key, and a rejected row.
const rows: PlannedRow[] = [
  { line: 2, cells: [], outcome: { ok: true, lead: leadInput({ email: 'a@x.jp', phone: null, department: null, tags: ['展示会'] }) } },
  { line: 3, cells: [], outcome: { ok: true, lead: leadInput({ email: 'A@X.JP', phone: '06-1111-2222', title: '部長', customFields: { 備考: '二回目' } }) } },
  { line: 4, cells: ['x'], outcome: { ok: false, errors: [{ field: 'companyName', code: 'required', message: 'm', messageKey: 'errors.importRow.required' }] } },
  { line: 5, cells: [], outcome: { ok: true, lead: leadInput({ companyName: '別会社', familyName: '佐藤', email: null, phone: '０６（１１１１）２２２２', department: '総務部', tags: ['Web'] }) } },
  { line: 6, cells: [], outcome: { ok: true, lead: leadInput({ companyName: '株式会社ストア', familyName: '鈴木', email: 'stored@x.jp', phone: null, industry: '小売' }) } },
  { line: 7, cells: [], outcome: { ok: true, lead: leadInput({ companyName: '新規株式会社', familyName: '伊藤', email: 'new@x.jp', phone: null }) } },
  { line: 8, cells: [], outcome: { ok: true, lead: leadInput({ companyName: '新規(株)', familyName: '伊藤', email: null, phone: '045-000-0000', mobile: '090-1111-0000' }) } },
];

describe('createPlanner', () => {
  let store: TempStore;
  afterEach(() => store.cleanup());

  it('plans the same leads whether it keeps them in memory, maps the rows again or hands them on at once', () => {
    store = createTempStore();
    store.backend.leads.createMany([leadInput({ companyName: '株式会社ストア', familyName: '鈴木', email: 'stored@x.jp', phone: null, industry: null })]);
    for (const policy of ['skip', 'fill', 'overwrite', 'create'] as OnDuplicate[]) {
      const streams = policy === 'skip' || policy === 'create';
      const sinks = streams ? (['keep', 'replay', 'stream'] as const) : (['keep', 'replay'] as const);
      const plans = sinks.map((kind) => {
        const handed: PlannedCreate['lead'][] = [];
        const sink: CreateSink = kind === 'stream' ? ({ lead }) => handed.push(lead) : kind;
        const planner = createPlanner(createDuplicateIndex(store.backend.ctx.store.db), policy, sink);
        rows.forEach((row) => planner.add(row));
        const plan = planner.finish((visit) => rows.forEach(visit));
        const creates: PlannedCreate['lead'][] = [];
        if (kind === 'stream') {
          expect(() => plan.eachCreate(() => undefined)).toThrow(/handed on/);
          creates.push(...handed);
        } else plan.eachCreate(({ lead }) => creates.push(lead));
        return { creates, counts: plan.counts, updates: [...plan.updates], rejected: plan.rejected };
      });
      for (const plan of plans.slice(1)) expect(plan, policy).toEqual(plans[0]);
      expect(plans[0]!.creates.length, policy).toBe(plans[0]!.counts.toCreate);
    }
  });

  it('hands leads on as planned only where no later row can change them', () => {
    store = createTempStore();
    const index = createDuplicateIndex(store.backend.ctx.store.db);
    for (const policy of ['fill', 'overwrite'] as const) expect(() => createPlanner(index, policy, () => undefined)).toThrow(/skipped or created/);
  });

  it('folds later rows of the file into the lead an earlier row creates', () => {
    store = createTempStore();
    const planner = createPlanner(createDuplicateIndex(store.backend.ctx.store.db), 'fill', 'replay');
    rows.forEach((row) => planner.add(row));
    const plan = planner.finish((visit) => rows.forEach(visit));
    const creates: PlannedCreate['lead'][] = [];
    plan.eachCreate(({ lead }) => creates.push(lead));
    expect(plan.counts).toMatchObject({ totalRows: 7, toCreate: 3, rejected: 1, duplicatesInFile: 3 });
    expect(creates[0]).toMatchObject({ email: 'a@x.jp', phone: '06-1111-2222', department: '営業部', title: '課長', tags: ['展示会', 'Web'], customFields: { 備考: '二回目' } });
    expect(creates[2]).toMatchObject({ companyName: '新規株式会社', phone: '045-000-0000', mobile: '090-1111-0000' });
  });
});

describe('createKeyTable', () => {
  it('keeps the first value of a key unless told to replace it, across growth', () => {
    const table = createKeyTable(4);
    for (let i = 0; i < 50_000; i += 1) table.set(`key-${i}@example.jp`, i, false);
    for (let i = 0; i < 50_000; i += 1) table.set(`key-${i}@example.jp`, -1, false);
    expect(table.size).toBe(50_000);
    expect(table.get('key-0@example.jp')).toBe(0);
    expect(table.get('key-49999@example.jp')).toBe(49_999);
    expect(table.get('key-50000@example.jp')).toBeUndefined();
    table.set('key-7@example.jp', -3);
    expect(table.get('key-7@example.jp')).toBe(-3);
    // Keys that differ in one character, or only in order, are different keys.
    table.set('ab', 1);
    table.set('ba', 2);
    expect([table.get('ab'), table.get('ba'), table.get('aa')]).toEqual([1, 2, undefined]);
  });

  it('tells keys apart that share 96 of their 128 hash bits', () => {
    // A hash where 'x' and 'y' agree on three lanes and differ only in the one given.
    for (const lane of [0, 1, 2, 3]) {
      const hash: KeyHash = (key, out) => {
        out.fill(7);
        out[lane] = key === 'x' ? 1 : 2;
      };
      const table = createKeyTable(4, hash);
      table.set('x', 10);
      expect([table.get('x'), table.get('y')], `lane ${lane}`).toEqual([10, undefined]);
    }
  });

  it('hashes into four lanes that differ from each other and between similar keys', () => {
    const seen = new Set<string>();
    const out = new Int32Array(4);
    let sameLanes = 0;
    for (let i = 0; i < 50_000; i += 1) {
      keyHash128(`0312${String(i).padStart(6, '0')}`, out);
      if (new Set(out).size < 4) sameLanes += 1;
      // Phone keys differing in a digit or two never share their first 96 bits.
      seen.add(`${out[0]}:${out[1]}:${out[2]}`);
    }
    expect(sameLanes).toBe(0);
    expect(seen.size).toBe(50_000);
  });
});
