import { newId } from '../db/ids';
import { createCallbackRepository } from '../calls/callbacks';
import { createCallRepository } from '../calls/repository';
import type { BackendContext } from '../context';
import type { LeadRepository } from '../leads/repository';
import { generateDemoLeads } from './generate';
import { planHistory, type PlannedTransition } from './history';
import { createRandom } from './random';
import { FIELD_SALES, OWNERS } from './word-lists';

export type SeedDemoOptions = { count?: number; seed?: number; now?: Date };
export type SeedTarget = { ctx: BackendContext; leads: LeadRepository };

export const DEMO_SEED = 20261123;
const iso = (ms: number): string => new Date(ms).toISOString();
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const PROMISES_MINUTES = [-5, 90, 24 * 60] as const;

// Fills an empty store with demo leads, their calls and stage history, in one transaction with
// an outbox op for every lead, call and stage change. Returns how many leads it made (0 if the
// store already held leads: a real store is never touched).
export const seedDemoStore = (target: SeedTarget, options: SeedDemoOptions = {}): number => {
  const { ctx, leads } = target;
  const { db } = ctx.store;
  const seed = options.seed ?? DEMO_SEED;
  const now = options.now ?? ctx.now();
  const calls = createCallRepository(ctx);
  const callbacks = createCallbackRepository(ctx);
  const anyLead = db.prepare('SELECT 1 FROM leads LIMIT 1');
  const insertTransition = db.prepare(
    'INSERT INTO stage_transitions (id, lead_id, from_stage, to_stage, reason, actor, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const setStage = db.prepare('UPDATE leads SET stage = ?, stage_changed_at = ?, updated_at = ?, version = version + 1 WHERE id = ?');
  const markDemo = db.prepare("INSERT INTO store_meta (key, value) VALUES ('demo', '1') ON CONFLICT (key) DO UPDATE SET value = excluded.value");

  const writeTransition = (leadId: string, t: PlannedTransition, actor: string): void => {
    const id = newId();
    const at = iso(t.at);
    insertTransition.run(id, leadId, t.from, t.to, t.reason, actor, at);
    setStage.run(t.to, at, at, leadId);
    ctx.outbox.append({ entity: 'lead', entityId: leadId, op: 'lead.stage', payload: { id, leadId, from: t.from, to: t.to, reason: t.reason, actor, occurredAt: at } }, at);
  };

  // Immediate: the emptiness check and the writes see the same store.
  const made = db
    .transaction((): number => {
      if (anyLead.get() !== undefined) return 0;
      const actor = ctx.actor();
      const random = createRandom((seed ^ 0x9e3779b9) >>> 0);
      const generated = generateDemoLeads(options.count ?? 500, seed, now);
      const promised: string[] = [];
      for (const { createdAt, ...generatedLead } of generated) {
        // The first rep's leads are the demo user's, so the call queue has leads of its own.
        const lead = generatedLead.owner === OWNERS[0] ? { ...generatedLead, owner: actor } : generatedLead;
        const history = planHistory(random, { ...lead, createdAt }, now.getTime());
        const leadId = leads.insertOneInTransaction({ ...lead, stage: 'lead' }, { createdAt }, actor);
        const rep = lead.owner ?? actor;
        for (const call of history.calls) {
          calls.appendInTransaction(
            {
              leadId,
              phoneNumber: (call.useMobile ? lead.mobile : lead.phone) ?? lead.phone ?? lead.mobile,
              outcome: call.outcome,
              startedAt: iso(call.startedAt),
              endedAt: iso(call.endedAt),
              note: call.note,
              callbackAt: call.callbackAt === null ? null : iso(call.callbackAt),
            },
            rep,
          );
        }
        // A callback asked for on the last call of a lead still being called is an open promise:
        // depending on its time it is due, missed or still to come.
        const last = history.calls.at(-1);
        const callable = lead.stage === 'lead' || lead.stage === 'mql';
        if (last?.callbackAt && callable) callbacks.scheduleInTransaction(leadId, iso(last.callbackAt), null, iso(last.endedAt));
        else if (callable && lead.owner === actor && promised.length < PROMISES_MINUTES.length) promised.push(leadId);
        for (const t of history.transitions) {
          writeTransition(leadId, t, t.to === 'mql' ? 'MA' : t.byFieldSales ? random.pick(FIELD_SALES) : rep);
        }
      }
      // A few promises of the demo user around now: one just due, one later today, one tomorrow.
      promised.forEach((leadId, i) => {
        callbacks.scheduleInTransaction(leadId, iso(now.getTime() + PROMISES_MINUTES[i]! * MINUTE_MS), null, iso(now.getTime() - DAY_MS));
      });
      markDemo.run();
      return generated.length;
    })
    .immediate();
  if (made > 0) ctx.emit({ name: 'leads.changed', payload: { reason: 'bulk' } });
  return made;
};
