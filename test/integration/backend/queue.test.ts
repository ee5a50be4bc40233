import { describe, expect, it } from 'vitest';
import { queueInput } from '../../../shared/api/calls';
import { DEFAULT_CALLING_RULES } from '../../../shared/domain/calling';
import { useTempDir } from '../../helpers/temp-dir';
import { createQueueReads } from '../../../electron/backend/queue/queue-reads';
import { addLead, callOk, jst, openCockpit, testClock } from './call-cockpit';

const HOUR = 60 * 60 * 1000;

describe('the queue on a real store', () => {
  const tempDir = useTempDir();

  it('orders my leads and the team pool by bucket, holds what the cadence holds and leaves out the rest', async () => {
    const clock = testClock('2026-11-24T08:00:00');
    const backend = openCockpit(tempDir(), clock);
    const at = (local: string) => jst(local).toISOString();
    const rest = addLead(backend, { source: '展示会', temperature: 'cold', score: 10 }, at('2026-11-01T10:00:00'));
    const hot = addLead(backend, { source: 'お問い合わせ', owner: 'local' }, at('2026-11-24T07:00:00'));
    const followUp = addLead(backend, { source: '展示会', temperature: 'warm' }, at('2026-11-01T10:00:00'));
    const promised = addLead(backend, { owner: 'local' }, at('2026-11-01T10:00:00'));
    const someoneElses = addLead(backend, { owner: '鈴木' });
    const dnc = addLead(backend, { doNotCall: true });
    const customer = addLead(backend, { stage: 'customer' });
    const disqualified = addLead(backend, { stage: 'disqualified' });
    // Yesterday's attempt on the follow-up lead.
    clock.set('2026-11-20T10:00:00');
    const first = await callOk(backend, 'calls.start', { leadId: followUp, phoneNumber: null });
    await callOk(backend, 'calls.log', { callId: first.id, outcome: 'no_answer' });
    clock.set('2026-11-24T08:00:00');
    await callOk(backend, 'callbacks.schedule', { leadId: promised, dueAt: at('2026-11-24T09:30:00') });

    // Before calling hours everything is held back, the callback until its time.
    const early = await callOk(backend, 'queue.get', {});
    expect(early.entries).toEqual([]);
    // Soonest callable first: three at 09:00 (in id order), then the callback at 09:30.
    expect(early.held.map((h) => [h.lead.id, h.hold.kind])).toEqual([
      ...[hot, rest, followUp].sort().map((id) => [id, 'outside_hours']),
      [promised, 'callback_later'],
    ]);

    clock.set('2026-11-24T09:30:00');
    const queue = await callOk(backend, 'queue.get', {});
    expect(queue.entries.map((e) => [e.lead.id, e.reason.bucket])).toEqual([
      [promised, 'callback_due'],
      [hot, 'hot_new'],
      [followUp, 'cadence_due'],
      [rest, 'rest'],
    ]);
    expect(queue.entries[1]!.reason).toEqual({ bucket: 'hot_new', arrivedAt: at('2026-11-24T07:00:00'), hoursSinceArrival: 2.5, targetHours: 24, overTarget: false });
    expect(queue.counts).toEqual({ offered: 4, held: 0, callbacksDue: 1, callbacksMissed: 0 });
    expect(queue.now).toBe(at('2026-11-24T09:30:00'));
    const all = await callOk(backend, 'queue.get', { owner: '*' });
    const everyone = [...all.entries, ...all.held].map((e) => e.lead.id);
    expect(everyone).toContain(someoneElses);
    for (const id of [dnc, customer, disqualified]) expect(everyone).not.toContain(id);
    expect((await callOk(backend, 'queue.get', { owner: '鈴木' })).entries.map((e) => e.lead.id)).toEqual([someoneElses]);
    backend.close();
  });

  it('filters by source, temperature and import, and takes a lead in a call out of the offer', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const webinar = addLead(backend, { source: 'ウェビナー', temperature: 'warm' });
    const fair = addLead(backend, { source: '展示会', temperature: 'cold' });
    expect((await callOk(backend, 'queue.get', { source: '展示会' })).entries.map((e) => e.lead.id)).toEqual([fair]);
    expect((await callOk(backend, 'queue.get', { temperature: 'warm' })).entries.map((e) => e.lead.id)).toEqual([webinar]);
    expect((await callOk(backend, 'queue.get', { importId: 'none' })).entries).toEqual([]);
    await callOk(backend, 'calls.start', { leadId: webinar, phoneNumber: null });
    const queue = await callOk(backend, 'queue.get', {});
    expect(queue.entries.map((e) => e.lead.id)).toEqual([fair]);
    expect(queue.held).toMatchObject([{ lead: { id: webinar }, hold: { kind: 'in_call' } }]);
    backend.close();
  });

  it('counts attempts today for the daily cap and the gap, and offers the lead again the next calling day', async () => {
    const clock = testClock('2026-11-24T09:00:00');
    const backend = openCockpit(tempDir(), clock);
    const leadId = addLead(backend);
    for (let i = 0; i < 2; i += 1) {
      const call = await callOk(backend, 'calls.start', { leadId, phoneNumber: null });
      await callOk(backend, 'calls.log', { callId: call.id, outcome: 'no_answer' });
      clock.advance(1 * HOUR);
      expect((await callOk(backend, 'queue.get', {})).held).toMatchObject([{ hold: { kind: i === 0 ? 'attempt_gap' : 'daily_cap' } }]);
      clock.advance(2 * HOUR);
    }
    const capped = await callOk(backend, 'queue.get', {});
    expect(capped.held).toMatchObject([{ lead: { attemptsToday: 2 }, hold: { kind: 'daily_cap', nextAt: jst('2026-11-25T09:00:00').toISOString() } }]);
    clock.set('2026-11-25T09:00:00');
    expect((await callOk(backend, 'queue.get', {})).entries).toMatchObject([{ lead: { id: leadId, attemptsToday: 0 }, reason: { bucket: 'cadence_due', attempts: 2 } }]);
    backend.close();
  });

  it('reads every bucket through an index, never by scanning the leads table', () => {
    const backend = openCockpit(tempDir(), testClock('2026-11-24T10:00:00'));
    const reads = createQueueReads(backend.ctx.store.db);
    const options = { now: new Date(), me: 'local', limit: 50, rules: DEFAULT_CALLING_RULES };
    const shapes = [queueInput.parse({}), queueInput.parse({ source: '展示会', temperature: 'hot' }), queueInput.parse({ owner: '鈴木' })];
    for (const input of shapes) {
      for (const sql of reads.sqlOf(input, options)) {
        const params = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1]!, m[1] === 'limit' || m[1] === 'maxAttempts' ? 1 : 'x']));
        const plan = (backend.ctx.store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
        expect(plan.join('\n'), sql).toMatch(/USING (COVERING )?INDEX leads_queue_/);
        expect(plan.join('\n'), sql).not.toMatch(/SCAN l\b(?! USING)|SCAN leads\b(?! USING)|USE TEMP B-TREE/);
      }
    }
    // Filters that rule out hot leads skip the hot read instead of scanning every fresh lead.
    const fresh = (input: object) => reads.sqlOf(queueInput.parse(input), options).filter((sql) => sql.includes('call_count = 0 AND (')).length;
    expect(fresh({})).toBe(2);
    expect(fresh({ source: '展示会', temperature: 'warm' })).toBe(0);
    expect(fresh({ source: 'ウェビナー', temperature: 'warm' })).toBe(2);
    backend.close();
  });

  it('finds hot new leads under a temperature or source filter', async () => {
    const backend = openCockpit(tempDir(), testClock('2026-11-24T10:00:00'));
    const hotFair = addLead(backend, { source: '展示会', temperature: 'hot' });
    const warmWebinar = addLead(backend, { source: 'ウェビナー', temperature: 'warm' });
    const bucketsOf = async (input: object) => (await callOk(backend, 'queue.get', input)).entries.map((e) => [e.lead.id, e.reason.bucket]);
    expect(await bucketsOf({ temperature: 'hot' })).toEqual([[hotFair, 'hot_new']]);
    expect(await bucketsOf({ source: 'ウェビナー' })).toEqual([[warmWebinar, 'hot_new']]);
    expect(await bucketsOf({ source: '展示会' })).toEqual([[hotFair, 'hot_new']]);
    expect(await bucketsOf({ source: '展示会', temperature: 'warm' })).toEqual([]);
    backend.close();
  });
});

describe('calling rules', () => {
  const tempDir = useTempDir();

  it('start as the defaults, save as new versions and refuse a save based on an old version', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const initial = await callOk(backend, 'queue.rules', {});
    expect(initial).toMatchObject({ version: 0, rules: DEFAULT_CALLING_RULES, updatedBy: 'default' });
    const changed = { ...DEFAULT_CALLING_RULES, maxAttemptsPerDay: 3, bucketOrder: ['rest', 'hot_new', 'cadence_due', 'callback_due'] };
    const saved = await callOk(backend, 'queue.updateRules', { rules: changed, version: 0 });
    expect(saved).toEqual({ rules: changed, version: 1, updatedAt: clock.now().toISOString(), updatedBy: 'local' });
    const stale = await backend.call('queue.updateRules', { rules: DEFAULT_CALLING_RULES, version: 0 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'call.error.rulesConflict', params: { version: 1, by: 'local' } } });
    expect(await callOk(backend, 'queue.rules', {})).toEqual(saved);
    const ops = backend.ctx.store.db.prepare("SELECT entity, entity_id, op FROM outbox WHERE entity = 'calling_rules'").all();
    expect(ops).toEqual([{ entity: 'calling_rules', entity_id: '1', op: 'rules.update' }]);
    const invalid = await backend.call('queue.updateRules', { rules: { ...changed, callingHours: { start: '18:00', end: '09:00' } }, version: 1 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    backend.close();
  });

  it('change the queue: a bucket order the team lead chose is followed', async () => {
    const backend = openCockpit(tempDir(), testClock('2026-11-24T10:00:00'));
    const hot = addLead(backend, { source: 'ウェビナー', score: 1 });
    const rest = addLead(backend, { source: '展示会', score: 99 });
    expect((await callOk(backend, 'queue.get', {})).entries.map((e) => e.lead.id)).toEqual([hot, rest]);
    await callOk(backend, 'queue.updateRules', { rules: { ...DEFAULT_CALLING_RULES, bucketOrder: ['rest', 'hot_new', 'cadence_due', 'callback_due'] }, version: 0 });
    expect((await callOk(backend, 'queue.get', {})).entries.map((e) => e.lead.id)).toEqual([rest, hot]);
    backend.close();
  });
});

describe('callbacks far ahead', () => {
  const tempDir = useTempDir();

  it('hold their lead back even when more callbacks come first than the queue reads', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const sooner = Array.from({ length: 12 }, () => addLead(backend, { score: 1 }));
    const later = addLead(backend, { score: 99 });
    for (const leadId of sooner) await callOk(backend, 'callbacks.schedule', { leadId, dueAt: jst('2026-11-25T10:00:00').toISOString() });
    await callOk(backend, 'callbacks.schedule', { leadId: later, dueAt: jst('2026-12-01T10:00:00').toISOString(), note: '月初に' });
    const queue = await callOk(backend, 'queue.get', { limit: 1 });
    expect(queue.entries).toEqual([]);
    const all = await callOk(backend, 'queue.get', { limit: 20 });
    expect(all.held.find((h) => h.lead.id === later)).toMatchObject({ lead: { callback: { note: '月初に' } }, hold: { kind: 'callback_later' } });
    backend.close();
  });
});
