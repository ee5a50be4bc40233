import type { QueueInput, QueueView } from '../../../shared/api/calls';
import { orderQueue, type QueueCandidate } from '../../../shared/domain/queue-order';
import type { BackendContext } from '../context';
import { createQueueReads } from './queue-reads';
import type { RulesRepository } from './rules';

// queue.get: the candidate reads plus the pure ordering, for the current user and clock.
export const createQueueService = (ctx: BackendContext, rules: RulesRepository) => {
  const reads = createQueueReads(ctx.store.db);
  const activeLeads = ctx.store.db.prepare('SELECT lead_id FROM active_calls');
  return {
    reads,
    get(input: QueueInput): QueueView {
      const now = ctx.now();
      const current = rules.get().rules;
      const leads = reads.candidates(input, { now, me: ctx.actor(), limit: input.limit, rules: current });
      const inCall = new Set((activeLeads.all() as { lead_id: string }[]).map((r) => r.lead_id));
      const ordered = orderQueue(leads, current, now, { inCall, limit: input.limit });
      const details = reads.details([...ordered.entries, ...ordered.held].map((e) => e.lead.id));
      const full = <E extends { lead: QueueCandidate }>(entry: E) => ({ ...entry, lead: { ...details.get(entry.lead.id)!, ...entry.lead } });
      return { now: now.toISOString(), entries: ordered.entries.map(full), held: ordered.held.map(full), counts: ordered.counts };
    },
  };
};
