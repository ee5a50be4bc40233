import { describe, expect, it } from 'vitest';
import { DEFAULT_CALLING_RULES, type CallingRules } from '../../../shared/domain/calling';
import { isHotLead, orderQueue } from '../../../shared/domain/queue-order';
import { queueLead } from './queue-lead';

const at = (jst: string): Date => new Date(`${jst}+09:00`);
const iso = (jst: string): string => at(jst).toISOString();
const rules = DEFAULT_CALLING_RULES;
const now = at('2026-11-24T14:00:00');
const noCalls = { inCall: new Set<string>(), limit: 50 };
const ids = (q: ReturnType<typeof orderQueue>) => q.entries.map((e) => e.lead.id);
const callback = (id: string, dueAt: string) => ({ id: `cb-${id}`, dueAt, note: null });

const mixed = [
  queueLead('rest-low', { score: 10 }),
  queueLead('cadence-warm', { callCount: 1, lastCalledAt: iso('2026-11-20T10:00:00'), temperature: 'warm', score: 90 }),
  queueLead('hot-old', { source: '問い合わせ', createdAt: iso('2026-11-22T10:00:00') }),
  queueLead('callback', { callCount: 2, lastCalledAt: iso('2026-11-24T13:30:00'), attemptsToday: 2, callback: callback('callback', iso('2026-11-24T13:59:59')) }),
  queueLead('rest-high', { score: 80 }),
  queueLead('cadence-hot', { callCount: 2, lastCalledAt: iso('2026-11-21T10:00:00'), temperature: 'hot', score: 20 }),
  queueLead('hot-fresh', { source: 'ウェビナー', createdAt: iso('2026-11-24T13:00:00') }),
];

describe('queue order', () => {
  it('puts due callbacks first, then hot new leads, then cadence, then the rest', () => {
    expect(ids(orderQueue(mixed, rules, now, noCalls))).toEqual([
      'callback',
      'hot-fresh',
      'hot-old',
      'cadence-hot',
      'cadence-warm',
      'rest-high',
      'rest-low',
    ]);
  });

  it('follows a bucket order the team lead changed', () => {
    const custom: CallingRules = { ...rules, bucketOrder: ['rest', 'cadence_due', 'callback_due', 'hot_new'] };
    expect(ids(orderQueue(mixed, custom, now, noCalls))).toEqual([
      'rest-high',
      'rest-low',
      'cadence-hot',
      'cadence-warm',
      'callback',
      'hot-fresh',
      'hot-old',
    ]);
  });

  it('offers a callback due one second ago and holds one due in one second', () => {
    const due = queueLead('due', { callback: callback('due', new Date(now.getTime() - 1000).toISOString()) });
    const later = queueLead('later', { callback: callback('later', new Date(now.getTime() + 1000).toISOString()) });
    const queue = orderQueue([due, later], rules, now, noCalls);
    expect(queue.entries).toEqual([{ lead: due, reason: { bucket: 'callback_due', dueAt: due.callback!.dueAt, overdueMinutes: 0, missed: false } }]);
    expect(queue.held).toEqual([{ lead: later, hold: { kind: 'callback_later', dueAt: later.callback!.dueAt } }]);
  });

  it('orders callbacks oldest promise first and marks them missed after the grace minutes', () => {
    const older = queueLead('older', { callback: callback('older', iso('2026-11-24T13:45:00')) });
    const newer = queueLead('newer', { callback: callback('newer', iso('2026-11-24T13:46:00')) });
    const queue = orderQueue([newer, older], rules, now, noCalls);
    expect(ids(queue)).toEqual(['older', 'newer']);
    expect(queue.entries.map((e) => e.reason)).toMatchObject([{ overdueMinutes: 15, missed: true }, { overdueMinutes: 14, missed: false }]);
    expect(queue.counts).toEqual({ offered: 2, held: 0, callbacksDue: 2, callbacksMissed: 1 });
  });

  it('offers a due callback even outside calling hours and past the daily cap', () => {
    const lead = queueLead('promised', { attemptsToday: 5, callCount: 9, lastCalledAt: iso('2026-11-24T19:00:00'), callback: callback('p', iso('2026-11-24T19:30:00')) });
    expect(ids(orderQueue([lead], rules, at('2026-11-24T19:31:00'), noCalls))).toEqual(['promised']);
  });

  it('shows how long a hot lead has waited against the speed-to-lead target', () => {
    const lead = queueLead('hot', { temperature: 'hot', source: null, createdAt: iso('2026-11-23T13:00:00') });
    expect(orderQueue([lead], rules, now, noCalls).entries[0]!.reason).toEqual({
      bucket: 'hot_new',
      arrivedAt: lead.createdAt,
      hoursSinceArrival: 25,
      targetHours: 24,
      overTarget: true,
    });
  });

  it('holds leads in a call on this machine and those outside the cadence, and says why', () => {
    const inCall = queueLead('in-call');
    const capped = queueLead('capped', { callCount: 2, attemptsToday: 2, lastCalledAt: iso('2026-11-24T11:00:00') });
    const tired = queueLead('tired', { callCount: 6, lastCalledAt: iso('2026-11-10T11:00:00') });
    const queue = orderQueue([inCall, capped, tired, queueLead('ok')], rules, now, { inCall: new Set(['in-call']), limit: 50 });
    expect(ids(queue)).toEqual(['ok']);
    expect(queue.held.map((h) => [h.lead.id, h.hold.kind])).toEqual([
      ['capped', 'daily_cap'],
      ['in-call', 'in_call'],
      ['tired', 'nurture_proposed'],
    ]);
  });

  it('cuts offered and held lists to the limit but counts them all', () => {
    const leads = Array.from({ length: 5 }, (_, i) => queueLead(`l${i}`, { score: i }));
    const queue = orderQueue(leads, rules, now, { inCall: new Set(), limit: 2 });
    expect(ids(queue)).toEqual(['l4', 'l3']);
    expect(queue.counts.offered).toBe(5);
  });
});

describe('hot leads', () => {
  it('are hot by temperature or by a source containing a hot source, ignoring case', () => {
    expect(isHotLead(queueLead('a', { source: 'お問い合わせ（Web）' }), rules.hotSources)).toBe(true);
    expect(isHotLead(queueLead('a', { source: 'Pricing page' }), rules.hotSources)).toBe(true);
    expect(isHotLead(queueLead('a', { source: '展示会', temperature: 'hot' }), rules.hotSources)).toBe(true);
    expect(isHotLead(queueLead('a', { source: '展示会' }), rules.hotSources)).toBe(false);
    expect(isHotLead(queueLead('a', { source: null }), rules.hotSources)).toBe(false);
  });
});
