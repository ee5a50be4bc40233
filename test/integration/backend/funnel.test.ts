import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FunnelInput, FunnelReport } from '../../../shared/api/reports';
import { createTempStore, type TempStore } from '../../helpers/temp-store';
import { NOW, PERIOD, seedFunnel } from './funnel-fixture';

let store: TempStore;

beforeEach(async () => {
  store = createTempStore({ now: () => NOW });
  await seedFunnel(store.backend);
});
afterEach(() => store.cleanup());

const funnel = async (input: Partial<FunnelInput> = {}): Promise<FunnelReport> => {
  const result = await store.backend.call('reports.funnel', { ...PERIOD, ...input });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as FunnelReport;
};

const groupOf = (report: FunnelReport, key: string | null) => report.groups.find((g) => g.key === key)?.metrics;

describe('reports.funnel on a hand-built data set', () => {
  it('counts the leads first reaching each stage in the period, and the conversions between them', async () => {
    const { totals, groups } = await funnel();
    // MQL: A, B, C, D, G (E's MQL is before the period, H's starts the day after it ends).
    // TQL: A, B, C, E, G (G twice: counted on the first). SAL: A, G. SQL: A. B and G sent back to
    // MQL in the period were MQL already.
    expect(totals.reached).toEqual({ mql: 5, tql: 5, sal: 2, sql: 1 });
    expect(totals.conversion).toEqual({ mqlToTql: 1, tqlToSal: 0.4, salToSql: 0.5, mqlToSql: 0.2 });
    expect(groups).toEqual([]);
  });

  it('counts the leads first qualified by override in the period, and their share of the TQLs', async () => {
    const { totals } = await funnel();
    // C once, G twice (one lead); H's override falls after the period.
    expect(totals.tqlOverrides).toBe(2);
    expect(totals.tqlOverrideShare).toBeCloseTo(0.4, 10);
    const { db } = store.backend.ctx.store;
    expect((db.prepare("SELECT count(*) AS n FROM stage_transitions WHERE action = 'qualify' AND override_reason IS NOT NULL").get() as { n: number }).n).toBe(4);
  });

  it("takes speed-to-lead as the median from a lead's first MQL to the first call after it", async () => {
    const { totals } = await funnel();
    // A 30, B 60, C 601 (its earlier call does not count), G 10; D is not called yet.
    expect(totals.speedToLead).toEqual({ medianMinutes: 45, called: 4, notCalled: 1 });
  });

  it('counts the calls made in the period per TQL', async () => {
    const { totals } = await funnel();
    // A 1, B 1, C 1 (one before the period), E 1, G 2; H's call is after the period.
    expect(totals.calls).toBe(6);
    expect(totals.callsPerTql).toBeCloseTo(1.2, 10);
  });

  it('judges each handoff submitted in the period against its own deadline', async () => {
    const { totals } = await funnel();
    // On time: A, G (rejected), G (accepted). Late: B. Open past due: C. Not yet due: E.
    expect(totals.sla).toEqual({ onTime: 3, late: 1, overdueOpen: 1, pending: 1, rate: 0.6 });
  });

  it('lists rejection reasons by group, every group present', async () => {
    const { totals } = await funnel();
    expect(totals.rejections).toEqual([
      { group: 'definitional', count: 1, reasons: [{ reason: 'authority_too_low', count: 1 }] },
      { group: 'clerical', count: 1, reasons: [{ reason: 'contact_info_wrong', count: 1 }] },
      { group: 'procedural', count: 0, reasons: [] },
    ]);
  });

  it('buckets the weekly trend by JST week starting Monday', async () => {
    const { weeks } = await funnel();
    // C's MQL at Sunday 23:59 JST stays in the first week; B's at Monday 08:00 JST (Sunday in
    // UTC) goes to the second.
    expect(weeks).toEqual([
      { week: '2026-11-02', reached: { mql: 4, tql: 2, sal: 2, sql: 0 }, slaRate: 1 },
      { week: '2026-11-09', reached: { mql: 1, tql: 3, sal: 0, sql: 1 }, slaRate: 0 },
    ]);
  });

  it('breaks the numbers down per owner, the groups adding up to the totals', async () => {
    const report = await funnel({ groupBy: 'owner' });
    expect(report.groups.map((g) => g.key)).toEqual(['佐藤', '鈴木']);
    const sato = groupOf(report, '佐藤')!;
    expect(sato.reached).toEqual({ mql: 3, tql: 4, sal: 2, sql: 1 });
    expect(sato.speedToLead).toEqual({ medianMinutes: 30, called: 3, notCalled: 0 });
    expect(sato.calls).toBe(5);
    expect([sato.tqlOverrides, sato.tqlOverrideShare]).toEqual([1, 0.25]);
    expect(sato.sla).toEqual({ onTime: 3, late: 1, overdueOpen: 0, pending: 1, rate: 0.75 });
    const suzuki = groupOf(report, '鈴木')!;
    expect(suzuki.reached).toEqual({ mql: 2, tql: 1, sal: 0, sql: 0 });
    expect(suzuki.conversion).toEqual({ mqlToTql: 0.5, tqlToSal: 0, salToSql: null, mqlToSql: 0 });
    expect(suzuki.speedToLead).toEqual({ medianMinutes: 601, called: 1, notCalled: 1 });
    expect(suzuki.sla.rate).toBe(0);
    expect([suzuki.tqlOverrides, suzuki.tqlOverrideShare]).toEqual([1, 1]);
    expect(report.totals.reached).toEqual({ mql: 5, tql: 5, sal: 2, sql: 1 });
  });

  it('breaks down per source with leads without one in their own group, last', async () => {
    const report = await funnel({ groupBy: 'source' });
    expect(report.groups.map((g) => g.key)).toEqual(['ウェビナー', '展示会', null]);
    expect(groupOf(report, '展示会')!.reached).toEqual({ mql: 3, tql: 4, sal: 2, sql: 1 });
    expect(groupOf(report, null)!.reached).toEqual({ mql: 1, tql: 0, sal: 0, sql: 0 });
    expect(report.groups.map((g) => [g.key, g.metrics.tqlOverrides, g.metrics.tqlOverrideShare])).toEqual([
      ['ウェビナー', 0, 0],
      ['展示会', 2, 0.5],
      [null, 0, null],
    ]);
  });

  it('filters by owner and source, the weekly trend included', async () => {
    const report = await funnel({ owner: '鈴木' });
    expect(report.totals.reached).toEqual({ mql: 2, tql: 1, sal: 0, sql: 0 });
    expect(report.weeks.map((w) => w.reached.mql)).toEqual([2, 0]);
    const both = await funnel({ owner: '佐藤', source: 'ウェビナー' });
    expect(both.totals.reached).toEqual({ mql: 1, tql: 1, sal: 0, sql: 0 });
    expect(both.totals.rejections[1]?.count).toBe(1);
    expect(report.totals.tqlOverrides).toBe(1);
    const grouped = await funnel({ owner: '鈴木', groupBy: 'source' });
    expect(grouped.groups.map((g) => [g.key, g.metrics.reached.mql])).toEqual([['展示会', 1], [null, 1]]);
    expect(grouped.weeks.map((w) => w.reached.mql)).toEqual([2, 0]);
  });

  it('leaves tombstoned leads out', async () => {
    const { db } = store.backend.ctx.store;
    db.prepare("UPDATE leads SET deleted_at = ? WHERE family_name = 'D'").run(NOW.toISOString());
    const { totals } = await funnel();
    expect(totals.reached.mql).toBe(4);
    expect(totals.speedToLead.notCalled).toBe(0);
  });

  it('answers an empty period with zeros and no rates', async () => {
    const { totals, weeks } = await funnel({ from: '2025-01-06', to: '2025-01-12' });
    expect(totals.reached).toEqual({ mql: 0, tql: 0, sal: 0, sql: 0 });
    expect(totals.conversion.mqlToTql).toBeNull();
    expect(totals.speedToLead.medianMinutes).toBeNull();
    expect(totals.callsPerTql).toBeNull();
    expect([totals.tqlOverrides, totals.tqlOverrideShare]).toEqual([0, null]);
    expect(totals.sla.rate).toBeNull();
    expect(weeks).toHaveLength(1);
  });

  it('refuses a period that ends before it starts, or one too long', async () => {
    const backwards = await store.backend.call('reports.funnel', { from: '2026-11-15', to: '2026-11-02' });
    expect(backwards.ok).toBe(false);
    if (!backwards.ok) expect(backwards.error.code).toBe('invalid_input');
    const long = await store.backend.call('reports.funnel', { from: '2020-01-01', to: '2026-01-01' });
    expect(long.ok).toBe(false);
  });
});

describe('reports.funnelCsv', () => {
  it('writes UTF-8 with a BOM: the groups, the totals, then the weekly trend', async () => {
    const file = path.join(store.dir, 'ファネル.csv');
    const result = await store.backend.call('reports.funnelCsv', { report: { ...PERIOD, groupBy: 'owner' }, path: file });
    expect(result.ok).toBe(true);
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]?.startsWith('内訳,MQL 到達,TQL 到達,SAL 到達,SQL 到達,MQL→TQL 転換率(%)')).toBe(true);
    expect(lines[0]).toContain(',SAL→SQL 転換率(%),MQL→SQL 転換率(%),例外TQL(定義未達),TQLに占める例外TQLの割合(%),初回架電までの時間(中央値・分),');
    // 佐藤: 3 MQL, 4 TQL, 2 SAL, 1 SQL, conversions 133.3 / 50 / 50 / 33.3, 1 TQL by override
    // (25 %), median 30 minutes.
    expect(lines[1]).toBe('佐藤,3,4,2,1,133.3,50,50,33.3,1,25,30,0,5,1.3,3,1,0,1,75,1,1,0');
    expect(lines[3]).toBe('全体,5,5,2,1,100,40,50,20,2,40,45,1,6,1.2,3,1,1,1,60,1,1,0');
    expect(lines[4]).toBe('');
    expect(lines.slice(5, 8)).toEqual(['週(月曜始まり),MQL,TQL,SAL,SQL,SLA遵守率(%)', '2026-11-02,4,2,2,0,100', '2026-11-09,1,3,0,1,0']);
    expect(result.ok && result.value).toEqual({ path: file, fileName: 'ファネル.csv', rowCount: 8 });
  });

  it('writes the headers in the language the user chose', async () => {
    const saved = await store.backend.call('settings.update', { language: 'en' });
    expect(saved.ok).toBe(true);
    const file = path.join(store.dir, 'funnel-en.csv');
    expect((await store.backend.call('reports.funnelCsv', { report: PERIOD, path: file })).ok).toBe(true);
    const lines = fs.readFileSync(file).subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]?.startsWith('Group,Reached MQL,Reached TQL,Reached SAL,Reached SQL,MQL→TQL conversion (%)')).toBe(true);
    expect(lines[0]).toContain(',MQL→SQL conversion (%),TQL by override (definition not met),Share of TQLs by override (%),"Time to first call (median, minutes)",');
    expect(lines[1]?.startsWith('All,5,5,2,1,100,40,50,20,2,40,45,')).toBe(true);
  });

  it('never replaces a file unless told to', async () => {
    const file = path.join(store.dir, 'report.csv');
    fs.writeFileSync(file, 'keep');
    const refused = await store.backend.call('reports.funnelCsv', { report: PERIOD, path: file });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.messageKey).toBe('exports.errors.exists');
    expect(fs.readFileSync(file, 'utf8')).toBe('keep');
    const replaced = await store.backend.call('reports.funnelCsv', { report: PERIOD, path: file, overwrite: true });
    expect(replaced.ok).toBe(true);
  });
});
