import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../shared/api';
import { useTempDir } from '../../helpers/temp-dir';
import { addLead, callOk, jst, openCockpit, testClock } from './call-cockpit';

const iso = (local: string) => jst(local).toISOString();
const dueEvents = (events: ApiEvent[]) => events.flatMap((e) => (e.name === 'callback.due' ? [e.payload.id] : []));
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('callbacks', () => {
  const tempDir = useTempDir();

  it('come back due in the queue, turn missed after the grace minutes, and are handled by the next logged call', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const leadId = addLead(backend);
    const callback = await callOk(backend, 'callbacks.schedule', { leadId, dueAt: '2026-11-24T11:00:00+09:00', note: '決裁者同席' });
    expect(callback).toMatchObject({ leadId, dueAt: iso('2026-11-24T11:00:00'), status: 'open', missed: false, note: '決裁者同席', personName: '山田 太郎' });
    expect((await callOk(backend, 'queue.get', {})).held).toMatchObject([{ hold: { kind: 'callback_later' } }]);
    clock.set('2026-11-24T11:00:00');
    expect((await callOk(backend, 'queue.get', {})).entries).toMatchObject([{ reason: { bucket: 'callback_due', missed: false } }]);
    clock.set('2026-11-24T11:15:00');
    expect((await callOk(backend, 'queue.get', {})).entries).toMatchObject([{ reason: { bucket: 'callback_due', overdueMinutes: 15, missed: true } }]);
    expect(await callOk(backend, 'callbacks.list', {})).toMatchObject([{ id: callback.id, missed: true }]);
    const call = await callOk(backend, 'calls.start', { leadId, phoneNumber: null });
    const logged = await callOk(backend, 'calls.log', { callId: call.id, outcome: 'connected' });
    expect(await callOk(backend, 'callbacks.list', {})).toEqual([]);
    expect(await callOk(backend, 'callbacks.list', { status: 'done' })).toMatchObject([{ id: callback.id, status: 'done', missed: false }]);
    expect(backend.ctx.store.db.prepare('SELECT handled_by_call, handled_at FROM callbacks').get()).toEqual({ handled_by_call: logged.id, handled_at: iso('2026-11-24T11:15:00') });
    expect(backend.ctx.store.db.prepare('SELECT next_callback_at FROM leads').get()).toEqual({ next_callback_at: null });
    expect((await callOk(backend, 'queue.get', {})).held).toMatchObject([{ hold: { kind: 'attempt_gap' } }]);
    backend.close();
  });

  it('stay open when the lead is called before they fall due', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const leadId = addLead(backend);
    await callOk(backend, 'callbacks.schedule', { leadId, dueAt: iso('2026-11-24T15:00:00') });
    const call = await callOk(backend, 'calls.start', { leadId, phoneNumber: null });
    await callOk(backend, 'calls.log', { callId: call.id, outcome: 'no_answer' });
    expect(await callOk(backend, 'callbacks.list', {})).toMatchObject([{ status: 'open' }]);
    backend.close();
  });

  it('replace the open one of the lead, can be cancelled once, and refuse a past time', async () => {
    const backend = openCockpit(tempDir(), testClock('2026-11-24T10:00:00'));
    const leadId = addLead(backend);
    const first = await callOk(backend, 'callbacks.schedule', { leadId, dueAt: iso('2026-11-24T15:00:00') });
    const second = await callOk(backend, 'callbacks.schedule', { leadId, dueAt: iso('2026-11-25T15:00:00') });
    expect((await callOk(backend, 'callbacks.list', {})).map((c) => c.id)).toEqual([second.id]);
    expect((await callOk(backend, 'callbacks.list', { status: 'cancelled' })).map((c) => c.id)).toEqual([first.id]);
    const nextCallback = () => backend.ctx.store.db.prepare('SELECT next_callback_at AS at FROM leads').get();
    expect(nextCallback()).toEqual({ at: iso('2026-11-25T15:00:00') });
    expect(await callOk(backend, 'callbacks.cancel', { id: second.id })).toMatchObject({ status: 'cancelled' });
    expect(nextCallback()).toEqual({ at: null });
    expect(await backend.call('callbacks.cancel', { id: second.id })).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'call.error.callbackHandled' } });
    expect(await backend.call('callbacks.cancel', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await backend.call('callbacks.schedule', { leadId, dueAt: iso('2026-11-24T10:00:00') })).toMatchObject({ ok: false, error: { messageKey: 'call.error.callbackInPast' } });
    const ops = backend.ctx.store.db.prepare("SELECT op FROM outbox WHERE entity = 'callback' ORDER BY seq").all();
    expect(ops).toEqual([{ op: 'callback.schedule' }, { op: 'callback.cancelled' }, { op: 'callback.schedule' }, { op: 'callback.cancelled' }]);
    backend.close();
  });
});

describe('the callback alarm', () => {
  const tempDir = useTempDir();

  it('announces a callback when it falls due, once', async () => {
    const start = Date.now();
    const clock = { now: () => new Date(Date.now() - start + jst('2026-11-24T10:00:00').getTime()) };
    const backend = openCockpit(tempDir(), { ...clock, set: () => undefined, advance: () => undefined });
    const events: ApiEvent[] = [];
    backend.subscribe((e) => events.push(e));
    const leadId = addLead(backend);
    const soon = new Date(clock.now().getTime() + 150).toISOString();
    const callback = await callOk(backend, 'callbacks.schedule', { leadId, dueAt: soon });
    expect(dueEvents(events)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(dueEvents(events)).toEqual([callback.id]);
    await callOk(backend, 'queue.get', {});
    expect(dueEvents(events)).toEqual([callback.id]);
    backend.close();
  });

  it('announces at start, once, the callbacks that fell due while the app was closed', async () => {
    const dir = tempDir();
    const clock = testClock('2026-11-24T10:00:00');
    let backend = openCockpit(dir, clock);
    const leadId = addLead(backend);
    const callback = await callOk(backend, 'callbacks.schedule', { leadId, dueAt: iso('2026-11-24T12:00:00') });
    backend.close();
    clock.set('2026-11-24T13:00:00');
    backend = openCockpit(dir, clock);
    const events: ApiEvent[] = [];
    backend.subscribe((e) => events.push(e));
    await nextTurn();
    expect(events).toEqual([{ name: 'callback.due', payload: expect.objectContaining({ id: callback.id, missed: true }) }]);
    await callOk(backend, 'queue.get', {});
    expect(dueEvents(events)).toEqual([callback.id]);
    backend.close();
  });

  it('announces a callback the clock moved past when the queue is read (a controllable clock)', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const events: ApiEvent[] = [];
    backend.subscribe((e) => events.push(e));
    const leadId = addLead(backend);
    const callback = await callOk(backend, 'callbacks.schedule', { leadId, dueAt: iso('2026-11-24T11:00:00') });
    await nextTurn();
    clock.set('2026-11-24T10:59:59');
    await callOk(backend, 'queue.get', {});
    expect(dueEvents(events)).toEqual([]);
    clock.set('2026-11-24T11:00:00');
    await callOk(backend, 'queue.get', {});
    expect(dueEvents(events)).toEqual([callback.id]);
    backend.close();
  });
});
