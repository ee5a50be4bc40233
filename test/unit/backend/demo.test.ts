import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoLeads, seedDemoStore } from '../../../electron/backend/demo';
import { normalizePhone } from '../../../shared/domain/normalize';
import { createTempStore, type TempStore } from '../../helpers/temp-store';

const NOW = new Date('2026-11-23T03:00:00.000Z');
const KATAKANA = /^[\u30A0-\u30FF]+$/u;

describe('generateDemoLeads', () => {
  const leads = generateDemoLeads(500, 20261123, NOW);

  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateDemoLeads(500, 20261123, NOW)).toEqual(leads);
    expect(generateDemoLeads(500, 7, NOW)).not.toEqual(leads);
  });

  it('writes 株式会社 in front and behind, plus other legal forms', () => {
    const names = leads.map((l) => l.companyName);
    expect(names.some((n) => n.startsWith('株式会社'))).toBe(true);
    expect(names.some((n) => n.endsWith('株式会社'))).toBe(true);
    expect(names.some((n) => n.includes('合同会社') || n.includes('有限会社'))).toBe(true);
  });

  it('gives katakana readings for companies and people', () => {
    for (const lead of leads) {
      expect(lead.companyKana).toMatch(KATAKANA);
      expect(lead.familyNameKana).toMatch(KATAKANA);
      expect(lead.givenNameKana).toMatch(KATAKANA);
    }
  });

  it('writes phones in several formats that normalise to valid 10/11-digit numbers', () => {
    const phones = leads.flatMap((l) => [l.phone, l.mobile]).filter((p): p is string => p !== null);
    for (const phone of phones) expect(normalizePhone(phone)).toMatch(/^0\d{9,10}$/u);
    expect(phones.some((p) => /^0\d{1,3}-\d{3,4}-\d{4}$/u.test(p))).toBe(true);
    expect(phones.some((p) => /^0\d{9,10}$/u.test(p))).toBe(true);
    expect(phones.some((p) => p.includes('('))).toBe(true);
    expect(phones.some((p) => p.startsWith('+81 '))).toBe(true);
    expect(phones.some((p) => p.startsWith('０'))).toBe(true);
    expect(phones.some((p) => /^0[789]0/u.test(normalizePhone(p) ?? ''))).toBe(true);
  });

  it('spreads stages, mostly lead and MQL, with plausible fields', () => {
    const byStage = new Map<string, number>();
    for (const lead of leads) byStage.set(lead.stage, (byStage.get(lead.stage) ?? 0) + 1);
    for (const stage of ['lead', 'mql', 'tql', 'sal', 'sql', 'nurture', 'disqualified']) expect(byStage.get(stage)).toBeGreaterThan(0);
    expect((byStage.get('lead') ?? 0) + (byStage.get('mql') ?? 0)).toBeGreaterThan(leads.length / 2);
    for (const lead of leads) {
      expect(lead.score).toBeGreaterThanOrEqual(0);
      expect(lead.score).toBeLessThanOrEqual(100);
      expect(Date.parse(lead.createdAt)).toBeLessThan(NOW.getTime());
      expect(Date.parse(lead.createdAt)).toBeGreaterThan(NOW.getTime() - 91 * 86_400_000);
      if (lead.email) expect(lead.email).toMatch(/^[a-z.-]+@[a-z-]+\.example\.co\.jp$/u);
    }
    const meanScore = (t: string) => {
      const s = leads.filter((l) => l.temperature === t).map((l) => l.score ?? 0);
      return s.reduce((a, b) => a + b, 0) / s.length;
    };
    expect(meanScore('hot')).toBeGreaterThan(meanScore('warm'));
    expect(meanScore('warm')).toBeGreaterThan(meanScore('cold'));
  });
});

describe('seedDemoStore', () => {
  let temp: TempStore | undefined;
  afterEach(() => {
    temp?.cleanup();
    temp = undefined;
  });

  const count = (store: TempStore, sql: string): number => (store.backend.ctx.store.db.prepare(sql).get() as { n: number }).n;

  it('writes leads, calls and stage history with one outbox op each', () => {
    temp = createTempStore({ now: () => NOW });
    expect(seedDemoStore(temp.backend, { count: 500, now: NOW })).toBe(500);

    const leads = count(temp, 'SELECT count(*) AS n FROM leads');
    const calls = count(temp, 'SELECT count(*) AS n FROM calls');
    // The 'created' transition of each lead rides on its lead.create op.
    const moves = count(temp, "SELECT count(*) AS n FROM stage_transitions WHERE reason IS NOT 'created'");
    expect(leads).toBe(500);
    expect(calls).toBeGreaterThan(200);
    expect(moves).toBeGreaterThan(150);
    expect(count(temp, "SELECT count(*) AS n FROM outbox WHERE op = 'lead.create'")).toBe(leads);
    expect(count(temp, "SELECT count(*) AS n FROM outbox WHERE op = 'call.log'")).toBe(calls);
    expect(count(temp, "SELECT count(*) AS n FROM outbox WHERE op = 'lead.stage'")).toBe(moves);
    const callbacks = count(temp, 'SELECT count(*) AS n FROM callbacks');
    // Plus one op per hearing saved, and the shipped definitions and script published as version 1.
    const hearings = count(temp, "SELECT count(*) AS n FROM outbox WHERE op = 'hearing.save'");
    expect(hearings).toBe(count(temp, 'SELECT count(*) AS n FROM lead_hearings'));
    expect(count(temp, 'SELECT count(*) AS n FROM outbox')).toBe(leads + calls + moves + callbacks + hearings + 2);
    expect(count(temp, "SELECT count(*) AS n FROM store_meta WHERE key = 'demo' AND value = '1'")).toBe(1);
    // Nothing lies in the future, and every lead past MQL had a connected call.
    expect(count(temp, `SELECT count(*) AS n FROM calls WHERE ended_at > '${NOW.toISOString()}'`)).toBe(0);
    expect(
      count(temp, "SELECT count(*) AS n FROM leads l WHERE stage IN ('tql','sal','sql') AND NOT EXISTS (SELECT 1 FROM calls c WHERE c.lead_id = l.id AND c.outcome = 'connected')"),
    ).toBe(0);
    expect(count(temp, 'SELECT count(*) AS n FROM leads l WHERE call_count <> (SELECT count(*) FROM calls c WHERE c.lead_id = l.id)')).toBe(0);
    // History ends where the generator put each lead.
    const wanted = new Map<string, number>();
    for (const lead of generateDemoLeads(500, 20261123, NOW)) wanted.set(lead.stage, (wanted.get(lead.stage) ?? 0) + 1);
    const stored = temp.backend.ctx.store.db.prepare('SELECT stage, count(*) AS n FROM leads GROUP BY stage').all() as { stage: string; n: number }[];
    expect(new Map(stored.map((r) => [r.stage, r.n]))).toEqual(wanted);
  });

  it('does nothing on a store that already has leads', () => {
    temp = createTempStore({ now: () => NOW });
    expect(seedDemoStore(temp.backend, { count: 50, now: NOW })).toBe(50);
    const ops = count(temp, 'SELECT count(*) AS n FROM outbox');
    expect(seedDemoStore(temp.backend, { count: 50, now: NOW })).toBe(0);
    expect(count(temp, 'SELECT count(*) AS n FROM leads')).toBe(50);
    expect(count(temp, 'SELECT count(*) AS n FROM outbox')).toBe(ops);
  });

  it('gives a SAL lead a history that walks lead → mql → tql → sal in time order', () => {
    temp = createTempStore({ now: () => NOW });
    seedDemoStore(temp.backend, { count: 200, now: NOW });
    const { db } = temp.backend.ctx.store;
    const sal = db.prepare("SELECT id, stage_changed_at FROM leads WHERE stage = 'sal' LIMIT 1").get() as { id: string; stage_changed_at: string };
    expect(sal).toBeDefined();
    const history = db
      .prepare('SELECT from_stage, to_stage, occurred_at FROM stage_transitions WHERE lead_id = ? ORDER BY occurred_at, rowid')
      .all(sal.id) as { from_stage: string | null; to_stage: string; occurred_at: string }[];
    expect(history.map((h) => h.to_stage)).toEqual(['lead', 'mql', 'tql', 'sal']);
    expect(history.map((h) => h.from_stage)).toEqual([null, 'lead', 'mql', 'tql']);
    expect(history.at(-1)?.occurred_at).toBe(sal.stage_changed_at);
    expect(temp.backend.leads.get(sal.id).stage).toBe('sal');
  });
});
