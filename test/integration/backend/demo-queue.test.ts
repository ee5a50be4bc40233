import { afterEach, describe, expect, it } from 'vitest';
import { seedDemoStore } from '../../../electron/backend/demo';
import type { QueueView } from '../../../shared/api/calls';
import { createTempStore, type TempStore } from '../../helpers/temp-store';

// A Tuesday morning in JST: calling hours.
const NOW = new Date('2026-11-24T10:30:00+09:00');

describe('the demo store in the call cockpit', () => {
  let temp: TempStore | undefined;
  afterEach(() => temp?.cleanup());

  it("gives the demo user a queue with callbacks due and missed, hot new leads and follow-ups, and callbacks to come", async () => {
    temp = createTempStore({ now: () => NOW });
    seedDemoStore(temp.backend, { now: NOW });
    const answer = await temp.backend.call('queue.get', { limit: 500 });
    if (!answer.ok) throw new Error(answer.error.message);
    const queue = answer.value as QueueView;
    const buckets = new Set(queue.entries.map((e) => e.reason.bucket));
    expect([...buckets].sort()).toEqual(['cadence_due', 'callback_due', 'hot_new', 'rest']);
    expect(queue.counts.callbacksMissed).toBeGreaterThan(0);
    expect(queue.entries.some((e) => e.reason.bucket === 'hot_new' && !e.reason.overTarget)).toBe(true);
    expect(queue.held.some((h) => h.hold.kind === 'callback_later')).toBe(true);
    // Only the demo user's leads and the team pool.
    expect(new Set(queue.entries.map((e) => e.lead.owner ?? 'pool'))).toEqual(new Set(['local', 'pool']));
  });
});
