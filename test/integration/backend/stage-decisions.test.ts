import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import type { ApiEvent } from '../../../shared/api';
import type { LeadTimeline } from '../../../shared/api/lead-edits';
import { useTempDir } from '../../helpers/temp-dir';
import { addLead, callOk, openCockpit, testClock } from './call-cockpit';
import { callError, hasCatalogText, setRole, tableCounts, TQL_ANSWERS } from './hearing-fixture';

const rows = (backend: Backend, sql: string, ...params: unknown[]) => backend.ctx.store.db.prepare(sql).all(...params);
const leadVersion = (backend: Backend, id: string) => backend.leads.get(id).version;
const queueIds = async (backend: Backend) => {
  const view = await callOk(backend, 'queue.get', { limit: 50 });
  return [...view.entries, ...view.held].map((e) => e.lead.id);
};

describe('stage decisions', () => {
  const tempDir = useTempDir();

  it('a TQL decision writes the answers, the transition with its BANT snapshot and the outbox ops in one transaction', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const leadId = addLead(backend);
    // Created at TQL by hand: not a TQL the rep decided today.
    addLead(backend, { stage: 'tql' });
    expect(await queueIds(backend)).toContain(leadId);
    const events: ApiEvent[] = [];
    backend.subscribe((e) => events.push(e));
    const outboxBefore = (rows(backend, 'SELECT max(seq) AS seq FROM outbox')[0] as { seq: number }).seq;

    const { lead, transition } = await callOk(backend, 'stage.decide', {
      leadId,
      leadVersion: leadVersion(backend, leadId),
      action: { kind: 'qualify' },
      patch: TQL_ANSWERS,
      scriptVersion: 1,
    });

    expect(lead).toMatchObject({ stage: 'tql', version: 2, stageChangedAt: clock.now().toISOString() });
    expect(transition).toMatchObject({ action: 'qualify', from: 'mql', to: 'tql', actorRole: 'rep', actor: 'local', verdict: 'met', override: false, definitionVersion: 1 });
    expect(transition.answers?.need).toMatchObject({ severity: 'high', answeredOn: '2026-11-24' });
    const [stored] = rows(backend, "SELECT action, verdict, definition_version, override_reason, actor_role, answers FROM stage_transitions WHERE action = 'qualify'") as {
      answers: string;
    }[];
    expect(stored).toMatchObject({ action: 'qualify', verdict: 'met', definition_version: 1, override_reason: null, actor_role: 'rep' });
    expect(JSON.parse(stored!.answers)).toEqual(transition.answers);
    expect(rows(backend, 'SELECT item FROM hearing_changes WHERE lead_id = ? ORDER BY item', leadId)).toEqual(
      ['authority', 'budget', 'need', 'timeline'].map((item) => ({ item })),
    );
    // A fresh store publishes the shipped script and definitions as version 1 on first use, in
    // the same transaction as the answers and the decision made with them.
    expect(rows(backend, 'SELECT entity, op FROM outbox WHERE seq > ? ORDER BY seq', outboxBefore)).toEqual([
      { entity: 'hearing_script', op: 'hearing_script.publish' },
      { entity: 'lead_hearing', op: 'hearing.save' },
      { entity: 'stage_definitions', op: 'stage_definitions.publish' },
      { entity: 'lead', op: 'lead.stage' },
    ]);
    expect(new Set((rows(backend, 'SELECT created_at FROM outbox WHERE seq > ?', outboxBefore) as { created_at: string }[]).map((r) => r.created_at))).toEqual(
      new Set([clock.now().toISOString()]),
    );
    expect(events.map((e) => e.name)).toEqual(['leads.changed', 'queue.changed']);
    // A TQL lead leaves the queue, counts as today's TQL and shows in its history.
    expect(await queueIds(backend)).not.toContain(leadId);
    expect((await callOk(backend, 'calls.today', {})).tqlsToday).toBe(1);
    expect(await callOk(backend, 'stage.history', { leadId })).toEqual([transition]);
    const timeline: LeadTimeline = await callOk(backend, 'leads.timeline', { id: leadId });
    expect(timeline.entries.slice(0, 2)).toMatchObject([
      { kind: 'stage', from: 'mql', to: 'tql', decision: { action: 'qualify', override: false, definitionVersion: 1 } },
      { kind: 'hearing', scriptVersion: 1, items: expect.arrayContaining(['budget', 'authority', 'need', 'timeline']) },
    ]);
    backend.close();
  });

  it('rolls the answers back with the decision when any part of it fails', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const leadId = addLead(backend);
    await callOk(backend, 'hearing.get', { leadId });
    // Make the decision's own outbox op fail after the answers and the transition were written.
    backend.ctx.store.db.exec(
      "CREATE TEMP TRIGGER fail_stage_op BEFORE INSERT ON outbox WHEN NEW.op = 'lead.stage' BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    const before = tableCounts(backend);
    await callError(backend, 'stage.decide', { leadId, leadVersion: 1, action: { kind: 'qualify' }, patch: TQL_ANSWERS, scriptVersion: 1 });
    expect(tableCounts(backend)).toEqual(before);
    expect(backend.leads.get(leadId).stage).toBe('mql');
    backend.close();
  });

  it('refuses decisions the stage machine does not allow, writing nothing, with a message the catalog knows', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const leadId = addLead(backend);
    const gone = addLead(backend, { stage: 'disqualified' });
    await callOk(backend, 'hearing.get', { leadId });
    const before = tableCounts(backend);
    const partial = { need: { severity: 'high' }, timeline: { horizon: 'later' } };
    const refusals = [
      [{ leadId, leadVersion: 1, action: { kind: 'qualify' }, patch: partial, scriptVersion: 1 }, 'invalid_input', 'definition_not_met'],
      [{ leadId, leadVersion: 1, action: { kind: 'qualify', override: true }, patch: partial }, 'invalid_input', 'override_reason_required'],
      [{ leadId, leadVersion: 1, action: { kind: 'disqualify' } }, 'invalid_input', 'reason_required'],
      [{ leadId, leadVersion: 1, action: { kind: 'disqualify', reason: 'bored' } }, 'invalid_input', 'unknown_reason'],
      [{ leadId, leadVersion: 1, action: { kind: 'nurture', reason: 'timing_later' } }, 'invalid_input', 'recontact_required'],
      [{ leadId, leadVersion: 1, action: { kind: 'nurture', reason: 'timing_later', recontactOn: '2026-11-24' } }, 'invalid_input', 'recontact_not_future'],
      [{ leadId, leadVersion: 1, action: { kind: 'accept' } }, 'conflict', 'wrong_stage'],
      [{ leadId: gone, leadVersion: 1, action: { kind: 'qualify' }, patch: TQL_ANSWERS }, 'conflict', 'wrong_stage'],
      [{ leadId: gone, leadVersion: 1, action: { kind: 'reopen', comment: 'まだ可能性あり' } }, 'forbidden', 'role_not_allowed'],
    ] as const;
    for (const [input, code, refusal] of refusals) {
      const error = await callError(backend, 'stage.decide', input);
      expect({ code: error.code, key: error.messageKey }, refusal).toEqual({ code, key: `qualification.refused.${refusal}` });
      expect(hasCatalogText(error.messageKey)).toBe(true);
      expect(error.message).toMatch(/Nothing was changed/);
    }
    // A decision on a lead changed since the form loaded it is refused too.
    const stale = await callError(backend, 'stage.decide', { leadId, leadVersion: 7, action: { kind: 'qualify' }, patch: TQL_ANSWERS });
    expect(stale.code).toBe('conflict');
    expect(tableCounts(backend)).toEqual(before);
    backend.close();
  });

  it('records a TQL made against the definition as an override with its reason', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const leadId = addLead(backend);
    const { transition } = await callOk(backend, 'stage.decide', {
      leadId,
      leadVersion: 1,
      action: { kind: 'qualify', override: true, comment: '  決裁者同席の商談が確定済み  ' },
      patch: { need: { severity: 'high' } },
    });
    expect(transition).toMatchObject({ override: true, verdict: 'unknown', comment: '決裁者同席の商談が確定済み' });
    expect(rows(backend, "SELECT override_reason, verdict FROM stage_transitions WHERE action = 'qualify'")).toEqual([
      { override_reason: '決裁者同席の商談が確定済み', verdict: 'unknown' },
    ]);
    const timeline = await callOk(backend, 'leads.timeline', { id: leadId });
    expect(timeline.entries[0]).toMatchObject({ kind: 'stage', decision: { override: true, comment: '決裁者同席の商談が確定済み' } });
    backend.close();
  });

  it('sends a lead to nurture until its re-contact day, then offers it in the queue again', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const leadId = addLead(backend);
    const { lead, transition } = await callOk(backend, 'stage.decide', {
      leadId,
      leadVersion: 1,
      action: { kind: 'nurture', reason: 'budget_next_fy', recontactOn: '2026-12-01' },
      patch: { budget: { status: 'planned_next_fy' } },
    });
    expect(lead.stage).toBe('nurture');
    expect(transition).toMatchObject({ reason: 'budget_next_fy', recontactOn: '2026-12-01' });
    expect(rows(backend, 'SELECT recontact_on, do_not_call FROM leads WHERE id = ?', leadId)).toEqual([{ recontact_on: '2026-12-01', do_not_call: 0 }]);
    expect(await queueIds(backend)).not.toContain(leadId);
    clock.set('2026-11-30T17:00:00');
    expect(await queueIds(backend)).not.toContain(leadId);
    clock.set('2026-12-01T10:00:00');
    const view = await callOk(backend, 'queue.get', { limit: 50 });
    expect(view.entries.find((e) => e.lead.id === leadId)?.lead.stage).toBe('nurture');
    // Back from nurture, the date is cleared with the stage.
    await callOk(backend, 'stage.decide', { leadId, leadVersion: 2, action: { kind: 'qualify' }, patch: TQL_ANSWERS });
    expect(rows(backend, 'SELECT stage, recontact_on FROM leads WHERE id = ?', leadId)).toEqual([{ stage: 'tql', recontact_on: null }]);
    expect(await queueIds(backend)).not.toContain(leadId);
    backend.close();
  });

  it('disqualifies with a coded reason from the current list', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const leadId = addLead(backend);
    const other = addLead(backend);
    const { lead, transition } = await callOk(backend, 'stage.decide', { leadId, leadVersion: 1, action: { kind: 'disqualify', reason: 'competitor_chosen' } });
    expect(lead.stage).toBe('disqualified');
    expect(transition).toMatchObject({ reason: 'competitor_chosen', answers: {}, verdict: null, definitionVersion: 1 });
    expect(await queueIds(backend)).not.toContain(leadId);
    // A reason the team lead switched off is refused from then on.
    await setRole(backend, 'team_lead');
    const definitions = await callOk(backend, 'definitions.get', {});
    const { version: _v, updatedAt: _a, updatedBy: _b, ...content } = definitions;
    const disqualify = content.reasons.disqualify.map((r) => (r.code === 'competitor_chosen' ? { ...r, enabled: false } : r));
    await callOk(backend, 'definitions.update', { version: 1, content: { ...content, reasons: { ...content.reasons, disqualify } } });
    await setRole(backend, 'rep');
    const error = await callError(backend, 'stage.decide', { leadId: other, leadVersion: 1, action: { kind: 'disqualify', reason: 'competitor_chosen' } });
    expect(error.messageKey).toBe('qualification.refused.unknown_reason');
    backend.close();
  });

  it('lets each role take only its own decisions', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const leadId = addLead(backend, { stage: 'tql' });
    expect((await callOk(backend, 'hearing.get', { leadId })).actions).toEqual(['nurture', 'disqualify']);
    const refused = await callError(backend, 'stage.decide', { leadId, leadVersion: 1, action: { kind: 'accept' } });
    expect(refused).toMatchObject({ code: 'forbidden', messageKey: 'qualification.refused.role_not_allowed', params: { role: 'rep', action: 'accept' } });
    await setRole(backend, 'field_sales');
    expect((await callOk(backend, 'hearing.get', { leadId })).actions).toEqual(['accept', 'reject']);
    const { lead, transition } = await callOk(backend, 'stage.decide', { leadId, leadVersion: 1, action: { kind: 'accept' } });
    expect(lead.stage).toBe('sal');
    expect(transition.actorRole).toBe('field_sales');
    backend.close();
  });

  it('cancels the promised callbacks of a lead that leaves the stages reps call in', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const leadId = addLead(backend);
    const callback = await callOk(backend, 'callbacks.schedule', { leadId, dueAt: '2026-11-25T10:00:00+09:00' });
    await callOk(backend, 'stage.decide', { leadId, leadVersion: leadVersion(backend, leadId), action: { kind: 'disqualify', reason: 'competitor_chosen' } });

    expect(await callOk(backend, 'callbacks.list', { status: 'open' })).toEqual([]);
    expect(await callOk(backend, 'callbacks.list', { status: 'cancelled' })).toMatchObject([{ id: callback.id, leadId }]);
    expect(rows(backend, 'SELECT next_callback_at FROM leads WHERE id = ?', leadId)).toEqual([{ next_callback_at: null }]);
    expect(rows(backend, "SELECT op FROM outbox WHERE entity_id = ? AND op LIKE 'callback.%' ORDER BY seq", callback.id)).toEqual([
      { op: 'callback.schedule' },
      { op: 'callback.cancelled' },
    ]);
  });

  it('offers a lead back from nurture without proposing nurture again for the attempts that led there', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const leadId = addLead(backend);
    // Six unanswered attempts over three days (two a day, three hours apart): nurture is proposed.
    for (const at of ['2026-11-24T10:00', '2026-11-24T13:00', '2026-11-25T10:00', '2026-11-25T13:00', '2026-11-26T10:00', '2026-11-26T13:00']) {
      clock.set(`${at}:00`);
      const call = await callOk(backend, 'calls.start', { leadId, phoneNumber: null });
      await callOk(backend, 'calls.log', { callId: call.id, outcome: 'no_answer' });
    }
    clock.set('2026-11-27T10:00:00');
    const proposed = await callOk(backend, 'queue.get', { limit: 50 });
    expect(proposed.held.find((h) => h.lead.id === leadId)?.hold).toEqual({ kind: 'nurture_proposed', attempts: 6, max: 6 });

    await callOk(backend, 'stage.decide', {
      leadId,
      leadVersion: leadVersion(backend, leadId),
      action: { kind: 'nurture', reason: 'unreachable', recontactOn: '2026-12-07' },
    });
    clock.set('2026-12-07T10:00:00');
    const back = await callOk(backend, 'queue.get', { limit: 50 });
    expect(back.entries.find((e) => e.lead.id === leadId)?.reason).toMatchObject({ attempts: 0 });
    expect(back.held.map((h) => h.lead.id)).not.toContain(leadId);
    backend.close();
  });
});
