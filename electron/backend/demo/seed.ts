import type { BantAnswers } from '../../../shared/domain/bant';
import { addDays, jstDay } from '../../../shared/domain/business-time';
import { evaluate } from '../../../shared/domain/qualification';
import type { ActorRole, StageActionKind, TransitionEvent } from '../../../shared/domain/stage-machine';
import type { Stage } from '../../../shared/domain/stages';
import { createCallbackRepository } from '../calls/callbacks';
import { createCallRepository } from '../calls/repository';
import type { BackendContext } from '../context';
import type { LeadRepository } from '../leads/repository';
import { generateDemoLeads } from './generate';
import { DEFINITIONS_SPEC, SCRIPT_SPEC } from '../qualification/content-specs';
import { createHearingStore } from '../qualification/hearing-store';
import { createTransitionWriter } from '../qualification/stage-decisions';
import { createVersionedContent } from '../qualification/versioned-content';
import { planAnswers } from './hearings';
import { planHistory, type PlannedTransition } from './history';
import { createRandom } from './random';
import { FIELD_SALES, OWNERS } from './word-lists';

export type SeedDemoOptions = { count?: number; seed?: number; now?: Date };
export type SeedTarget = { ctx: BackendContext; leads: LeadRepository };

export const DEMO_SEED = 20261123;
// The decision that leads to each stage in the demo's histories, and who in inside sales takes it.
const ACTIONS: Partial<Record<Stage, StageActionKind>> = {
  mql: 'mark_mql',
  tql: 'qualify',
  sal: 'accept',
  sql: 'confirm_deal',
  nurture: 'nurture',
  disqualified: 'disqualify',
};
const ROLE: ActorRole = 'rep';
const iso = (ms: number): string => new Date(ms).toISOString();
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const PROMISES_MINUTES = [-5, 90, 24 * 60] as const;
// Open promises older than this are left out of the demo (see below).
const RECENT_PROMISE_MS = 2 * DAY_MS;

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
  const markDemo = db.prepare("INSERT INTO store_meta (key, value) VALUES ('demo', '1') ON CONFLICT (key) DO UPDATE SET value = excluded.value");

  const hearing = createHearingStore(ctx);
  const writeTransition = createTransitionWriter(ctx);
  const definitions = createVersionedContent(ctx, () => 'team_lead', DEFINITIONS_SPEC);
  const script = createVersionedContent(ctx, () => 'team_lead', SCRIPT_SPEC);

  // A planned move as the decision a person (or the MA tool) made, with the definitions of the day.
  const decided = (t: PlannedTransition, answers: BantAnswers, recontactOn: string | null): TransitionEvent => {
    const action = ACTIONS[t.to] ?? 'mark_mql';
    const coded = t.to === 'nurture' || t.to === 'disqualified';
    const rules = definitions.current();
    return {
      action,
      from: t.from,
      to: t.to,
      actorRole: t.to === 'mql' ? 'system' : t.byFieldSales ? 'field_sales' : ROLE,
      reason: coded ? t.reason : null,
      reasonGroup: null,
      comment: coded ? null : t.reason,
      recontactOn: t.to === 'nurture' ? recontactOn : null,
      override: false,
      verdict: action === 'qualify' ? evaluate(rules.rules.tql, answers, jstDay(new Date(t.at))).verdict : null,
      definitionVersion: rules.version,
      at: iso(t.at),
    };
  };

  // Immediate: the emptiness check and the writes see the same store.
  const made = db
    .transaction((): number => {
      if (anyLead.get() !== undefined) return 0;
      const actor = ctx.actor();
      const random = createRandom((seed ^ 0x9e3779b9) >>> 0);
      // Answers draw from their own sequence, so the leads and calls stay as they were.
      const hearingRandom = createRandom((seed ^ 0x85ebca6b) >>> 0);
      const scriptVersion = script.current().version;
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
        // depending on its time it is due, missed or still to come. Older promises were settled
        // on the phone long ago; a demo full of months-old missed callbacks would show nothing real.
        const last = history.calls.at(-1);
        const callable = lead.stage === 'lead' || lead.stage === 'mql';
        if (last?.callbackAt && callable && last.callbackAt >= now.getTime() - RECENT_PROMISE_MS) callbacks.scheduleInTransaction(leadId, iso(last.callbackAt), null, iso(last.endedAt));
        else if (callable && lead.owner === actor && promised.length < PROMISES_MINUTES.length) promised.push(leadId);
        // What was heard on the last connected call, saved before the decision made on it.
        const heard = planAnswers(hearingRandom, lead.stage, history.transitions.at(-1)?.reason ?? null);
        const connected = history.calls.filter((c) => c.outcome === 'connected').at(-1);
        if (heard && connected) hearing.saveInTransaction(leadId, heard, scriptVersion, new Date(connected.endedAt), rep);
        const answers = hearing.answersOf(leadId).answers;
        for (const t of history.transitions) {
          // Nurtured leads come back some weeks after the decision: the older ones are due now.
          const recontactOn = t.to === 'nurture' ? addDays(jstDay(new Date(t.at)), hearingRandom.int(14, 120)) : null;
          writeTransition(leadId, decided(t, t.to === 'mql' ? {} : answers, recontactOn), answers, t.to === 'mql' ? 'MA' : t.byFieldSales ? random.pick(FIELD_SALES) : rep);
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
