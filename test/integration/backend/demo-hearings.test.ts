import { afterEach, describe, expect, it } from 'vitest';
import { seedDemoStore } from '../../../electron/backend/demo';
import { createTempStore, type TempStore } from '../../helpers/temp-store';
import { callOk } from './call-cockpit';

const NOW = new Date('2026-11-24T10:00:00+09:00');

describe('the demo store’s hearings and decisions', () => {
  let temp: TempStore | undefined;
  afterEach(() => {
    temp?.cleanup();
    temp = undefined;
  });

  it('holds partial and complete hearings, and decisions with reasons, re-contact dates and the definition version', async () => {
    temp = createTempStore({ now: () => NOW });
    seedDemoStore(temp.backend, { count: 500, now: NOW });
    const { db } = temp.backend.ctx.store;
    const all = <T>(sql: string) => db.prepare(sql).all() as T[];

    // Every TQL decision met the definition of its day, on answers that are in its snapshot.
    const qualified = all<{ verdict: string; definition_version: number; answers: string; lead_id: string }>(
      "SELECT verdict, definition_version, answers, lead_id FROM stage_transitions WHERE action = 'qualify'",
    );
    expect(qualified.length).toBeGreaterThan(50);
    expect(new Set(qualified.map((q) => `${q.verdict} v${q.definition_version}`))).toEqual(new Set(['met v1']));
    const tqlLead = qualified[0]!.lead_id;
    const view = await callOk(temp.backend, 'hearing.get', { leadId: tqlLead });
    expect(view.answers).toEqual(JSON.parse(qualified[0]!.answers));
    expect(view.missingRequired).toEqual([]);
    // Nurture and disqualification carry coded reasons from the default lists; nurture a date.
    const exits = all<{ action: string; reason: string; recontact_on: string | null }>(
      "SELECT action, reason, recontact_on FROM stage_transitions WHERE action IN ('nurture', 'disqualify')",
    );
    expect(new Set(exits.filter((e) => e.action === 'nurture').map((e) => e.reason))).toEqual(new Set(['budget_next_fy', 'timing_later', 'gathering_information']));
    expect(exits.filter((e) => e.action === 'nurture').every((e) => /^\d{4}-\d\d-\d\d$/.test(e.recontact_on ?? ''))).toBe(true);
    expect(exits.filter((e) => e.action === 'disqualify').every((e) => e.recontact_on === null && e.reason.length > 0)).toBe(true);
    // Some MQLs were heard in part; some nurtured leads are due again, others still waiting.
    const partial = all<{ n: number }>("SELECT count(*) AS n FROM lead_hearings h JOIN leads l ON l.id = h.lead_id WHERE l.stage = 'mql'")[0]!.n;
    expect(partial).toBeGreaterThanOrEqual(5);
    const today = '2026-11-24';
    const nurtured = all<{ recontact_on: string }>("SELECT recontact_on FROM leads WHERE stage = 'nurture'");
    expect(nurtured.some((n) => n.recontact_on <= today)).toBe(true);
    expect(nurtured.some((n) => n.recontact_on > today)).toBe(true);
    // The timeline shows the decision and the hearing.
    const timeline = await callOk(temp.backend, 'leads.timeline', { id: tqlLead });
    expect(timeline.entries.map((e) => e.kind)).toEqual(expect.arrayContaining(['hearing', 'stage']));
    expect(timeline.entries.find((e) => e.kind === 'stage' && e.to === 'tql')).toMatchObject({ decision: { action: 'qualify', definitionVersion: 1 } });
  });
});
