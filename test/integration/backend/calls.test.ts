import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../shared/api';
import { useTempDir } from '../../helpers/temp-dir';
import { addLead, callOk, jst, openCockpit, testClock } from './call-cockpit';

const rowsOf = (backend: ReturnType<typeof openCockpit>, sql: string, ...params: unknown[]) => backend.ctx.store.db.prepare(sql).all(...params);

describe('logging calls', () => {
  const tempDir = useTempDir();

  it('writes the call, the counters, the outbox ops and claims an unowned lead, in one step', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const leadId = addLead(backend);
    const events: ApiEvent[] = [];
    backend.subscribe((e) => events.push(e));
    const call = await callOk(backend, 'calls.start', { leadId, phoneNumber: '03-1234-5678' });
    await callOk(backend, 'drafts.save', { leadId, body: '予算は来期' });
    clock.advance(95_000);
    const logged = await callOk(backend, 'calls.log', { callId: call.id, outcome: 'connected', note: '予算は来期' });
    expect(logged).toMatchObject({
      leadId,
      outcome: 'connected',
      note: '予算は来期',
      durationSeconds: 95,
      phoneNumber: '03-1234-5678',
      actor: 'local',
      startedAt: jst('2026-11-24T10:00:00').toISOString(),
      endedAt: jst('2026-11-24T10:01:35').toISOString(),
    });
    expect(rowsOf(backend, 'SELECT call_count, last_called_at, owner FROM leads WHERE id = ?', leadId)).toEqual([
      { call_count: 1, last_called_at: jst('2026-11-24T10:00:00').toISOString(), owner: 'local' },
    ]);
    expect(rowsOf(backend, "SELECT entity, op, payload FROM outbox WHERE entity <> 'lead' OR op <> 'lead.create' ORDER BY seq")).toEqual([
      { entity: 'call', op: 'call.log', payload: expect.stringContaining('"outcome":"connected"') },
      { entity: 'lead', op: 'lead.update', payload: JSON.stringify({ owner: 'local' }) },
    ]);
    expect(await callOk(backend, 'calls.active', {})).toEqual([]);
    expect(await callOk(backend, 'drafts.get', { leadId })).toBeNull();
    expect(events.map((e) => e.name)).toEqual(['queue.changed', 'queue.changed', 'leads.changed']);
    expect(await callOk(backend, 'calls.list', {})).toEqual([logged]);
    backend.close();
  });

  it('keeps the owner of a lead that already has one', async () => {
    const backend = openCockpit(tempDir(), testClock('2026-11-24T10:00:00'));
    const leadId = addLead(backend, { owner: '佐藤' });
    const call = await callOk(backend, 'calls.start', { leadId, phoneNumber: null });
    await callOk(backend, 'calls.log', { callId: call.id, outcome: 'no_answer' });
    expect(rowsOf(backend, 'SELECT owner FROM leads WHERE id = ?', leadId)).toEqual([{ owner: '佐藤' }]);
    expect(rowsOf(backend, "SELECT count(*) AS n FROM outbox WHERE op = 'lead.update'")).toEqual([{ n: 0 }]);
    backend.close();
  });

  it('honours do-not-call: the lead leaves every queue, its callbacks are dropped and no new call can start', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const leadId = addLead(backend);
    await callOk(backend, 'callbacks.schedule', { leadId, dueAt: jst('2026-11-25T10:00:00').toISOString() });
    expect((await callOk(backend, 'queue.get', {})).held.map((h) => h.lead.id)).toEqual([leadId]);
    const call = await callOk(backend, 'calls.start', { leadId, phoneNumber: '03-1234-5678' });
    await callOk(backend, 'calls.log', { callId: call.id, outcome: 'do_not_call' });
    expect(rowsOf(backend, 'SELECT do_not_call FROM leads WHERE id = ?', leadId)).toEqual([{ do_not_call: 1 }]);
    expect(await callOk(backend, 'callbacks.list', {})).toEqual([]);
    const queue = await callOk(backend, 'queue.get', { owner: '*' });
    expect([...queue.entries, ...queue.held].map((e) => e.lead.id)).not.toContain(leadId);
    const again = await backend.call('calls.start', { leadId, phoneNumber: null });
    expect(again).toMatchObject({ ok: false, error: { code: 'forbidden', messageKey: 'call.error.doNotCall' } });
    expect(rowsOf(backend, "SELECT payload FROM outbox WHERE op = 'lead.update' ORDER BY seq")).toEqual([
      { payload: JSON.stringify({ doNotCall: true }) },
      { payload: JSON.stringify({ owner: 'local' }) },
    ]);
    expect(rowsOf(backend, "SELECT op FROM outbox WHERE entity = 'callback' ORDER BY seq")).toEqual([{ op: 'callback.schedule' }, { op: 'callback.cancelled' }]);
    backend.close();
  });

  it('marks the dialled number as wrong, whatever its format, and leaves the other', async () => {
    const backend = openCockpit(tempDir(), testClock('2026-11-24T10:00:00'));
    const leadId = addLead(backend, { phone: '03-1234-5678', mobile: '090-1111-2222' });
    const call = await callOk(backend, 'calls.start', { leadId, phoneNumber: '09011112222' });
    await callOk(backend, 'calls.log', { callId: call.id, outcome: 'wrong_number' });
    expect(rowsOf(backend, 'SELECT phone_status, mobile_status FROM leads WHERE id = ?', leadId)).toEqual([{ phone_status: null, mobile_status: 'wrong_number' }]);
    const lead = (await callOk(backend, 'queue.get', { owner: '*' })).held.find((h) => h.lead.id === leadId)?.lead;
    expect(lead?.wrongNumbers).toEqual(['mobile']);
    backend.close();
  });

  it('refuses a callback outcome without a time or with a past time and writes nothing, keeping the draft', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const leadId = addLead(backend);
    const call = await callOk(backend, 'calls.start', { leadId, phoneNumber: null });
    await callOk(backend, 'drafts.save', { leadId, body: '来週かけ直し' });
    const missing = await backend.call('calls.log', { callId: call.id, outcome: 'callback_requested', note: '来週かけ直し' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_input', messageKey: 'call.error.callbackTimeMissing' } });
    const past = await backend.call('calls.log', { callId: call.id, outcome: 'callback_requested', callbackAt: jst('2026-11-24T09:59:59').toISOString() });
    expect(past).toMatchObject({ ok: false, error: { messageKey: 'call.error.callbackInPast' } });
    const unknown = await backend.call('calls.log', { callId: call.id, outcome: 'hung_up' });
    expect(unknown).toMatchObject({ ok: false, error: { messageKey: 'call.error.unknownOutcome', params: { outcome: 'hung_up' } } });
    expect(rowsOf(backend, 'SELECT count(*) AS n FROM calls')).toEqual([{ n: 0 }]);
    expect(rowsOf(backend, 'SELECT call_count FROM leads')).toEqual([{ call_count: 0 }]);
    expect(rowsOf(backend, "SELECT count(*) AS n FROM outbox WHERE op <> 'lead.create'")).toEqual([{ n: 0 }]);
    expect((await callOk(backend, 'drafts.get', { leadId }))?.body).toBe('来週かけ直し');
    expect(await callOk(backend, 'calls.active', {})).toHaveLength(1);
    backend.close();
  });

  it('creates the callback a callback outcome asks for', async () => {
    const backend = openCockpit(tempDir(), testClock('2026-11-24T10:00:00'));
    const leadId = addLead(backend);
    const call = await callOk(backend, 'calls.start', { leadId, phoneNumber: null });
    const logged = await callOk(backend, 'calls.log', {
      callId: call.id,
      outcome: 'callback_requested',
      callbackAt: '2026-11-24T15:00:00+09:00',
      callbackNote: '部長が戻る時間',
    });
    expect(logged.callbackAt).toBe(jst('2026-11-24T15:00:00').toISOString());
    expect(await callOk(backend, 'callbacks.list', {})).toMatchObject([
      { leadId, dueAt: jst('2026-11-24T15:00:00').toISOString(), note: '部長が戻る時間', status: 'open', missed: false },
    ]);
    backend.close();
  });

  it('tells a log of a call no longer in progress apart, and abandons a call without writing history', async () => {
    const backend = openCockpit(tempDir(), testClock('2026-11-24T10:00:00'));
    const leadId = addLead(backend);
    const call = await callOk(backend, 'calls.start', { leadId, phoneNumber: null });
    expect(await callOk(backend, 'calls.start', { leadId, phoneNumber: null })).toEqual(call);
    expect(await callOk(backend, 'calls.abandon', { callId: call.id })).toEqual({ leadId });
    const late = await backend.call('calls.log', { callId: call.id, outcome: 'connected' });
    expect(late).toMatchObject({ ok: false, error: { code: 'not_found', messageKey: 'call.error.callNotActive' } });
    expect(rowsOf(backend, 'SELECT count(*) AS n FROM calls')).toEqual([{ n: 0 }]);
    backend.close();
  });

  it("counts the rep's day: calls, connects, rate, callbacks due and missed", async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const [a, b, c] = [addLead(backend), addLead(backend), addLead(backend, { owner: '他の人' })];
    for (const [leadId, outcome] of [[a, 'connected'], [b, 'busy']] as const) {
      const call = await callOk(backend, 'calls.start', { leadId, phoneNumber: null });
      await callOk(backend, 'calls.log', { callId: call.id, outcome });
    }
    await callOk(backend, 'callbacks.schedule', { leadId: b, dueAt: jst('2026-11-24T10:30:00').toISOString() });
    await callOk(backend, 'callbacks.schedule', { leadId: c, dueAt: jst('2026-11-24T10:30:00').toISOString() });
    clock.set('2026-11-24T11:00:00');
    expect(await callOk(backend, 'calls.today', {})).toEqual({
      day: '2026-11-24',
      callsMade: 2,
      connects: 1,
      connectRate: 0.5,
      callbacksDue: 1,
      callbacksMissed: 1,
      tqlsToday: 0,
    });
    // Yesterday's calls do not count today.
    clock.set('2026-11-25T09:00:00');
    expect(await callOk(backend, 'calls.today', {})).toMatchObject({ day: '2026-11-25', callsMade: 0, connectRate: null });
    backend.close();
  });

  it('lists calls since a date and per lead, newest first', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const [a, b] = [addLead(backend), addLead(backend)];
    for (const leadId of [a, b, a]) {
      const call = await callOk(backend, 'calls.start', { leadId, phoneNumber: null });
      await callOk(backend, 'calls.log', { callId: call.id, outcome: 'no_answer' });
      clock.advance(3 * 60 * 60 * 1000);
    }
    expect((await callOk(backend, 'calls.list', { leadId: a })).map((c) => c.startedAt)).toEqual([
      jst('2026-11-24T16:00:00').toISOString(),
      jst('2026-11-24T10:00:00').toISOString(),
    ]);
    expect(await callOk(backend, 'calls.list', { since: '2026-11-24T12:00:00+09:00' })).toHaveLength(2);
    backend.close();
  });
});

describe('drafts', () => {
  const tempDir = useTempDir();

  it('keep the latest text per lead across a restart and are never put in the outbox', async () => {
    const dir = tempDir();
    const clock = testClock('2026-11-24T10:00:00');
    let backend = openCockpit(dir, clock);
    const leadId = addLead(backend);
    await callOk(backend, 'drafts.save', { leadId, body: '一' });
    clock.advance(1000);
    await callOk(backend, 'drafts.save', { leadId, body: '一二' });
    backend.close();
    backend = openCockpit(dir, clock);
    expect(await callOk(backend, 'drafts.get', { leadId })).toEqual({ leadId, body: '一二', savedAt: jst('2026-11-24T10:00:01').toISOString() });
    expect(rowsOf(backend, "SELECT count(*) AS n FROM outbox WHERE op <> 'lead.create'")).toEqual([{ n: 0 }]);
    await callOk(backend, 'drafts.discard', { leadId });
    expect(await callOk(backend, 'drafts.get', { leadId })).toBeNull();
    expect(await backend.call('drafts.save', { leadId: 'nope', body: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    backend.close();
  });
});
