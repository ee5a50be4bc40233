import { jstDay, startOfJstDay } from '../../../shared/domain/business-time';
import type { BackendContext } from '../context';
import { BantamError } from '../errors';
import type { Handlers } from '../handlers';
import type { LeadRepository } from '../leads/repository';
import { createQueueService } from '../queue/queue-service';
import { createRulesRepository } from '../queue/rules';
import { createActiveCalls } from './active-calls';
import { createCallbackAlarm } from './callback-alarm';
import { createCallbackRepository } from './callbacks';
import { createDraftRepository } from './drafts';
import { createCallLogger } from './log-call';
import { createCallRepository } from './repository';

type CallMethod = Extract<keyof Handlers, `queue.${string}` | `calls.${string}` | `callbacks.${string}` | `drafts.${string}`>;

const MINUTE_MS = 60_000;

// The call cockpit's methods: the queue, calls in progress and logged, callbacks, note drafts and
// the calling rules. The callback alarm starts with them and stops when the backend closes.
export const createCallHandlers = (ctx: BackendContext, leads: LeadRepository, onClose: (dispose: () => void) => void): Pick<Handlers, CallMethod> => {
  const { db } = ctx.store;
  const rules = createRulesRepository(ctx);
  const queue = createQueueService(ctx, rules);
  const calls = createCallRepository(ctx);
  const callbacks = createCallbackRepository(ctx);
  const drafts = createDraftRepository(ctx);
  const active = createActiveCalls(ctx);
  const logCall = createCallLogger(ctx, { calls, callbacks, drafts, active });
  const missedMinutes = (): number => rules.get().rules.missedAfterMinutes;
  const alarm = createCallbackAlarm(ctx, callbacks, missedMinutes);
  alarm.rearm();
  onClose(alarm.stop);
  // TQLs the rep decided today; a lead created or imported at TQL is not one.
  const tqlsSince = db.prepare("SELECT count(*) AS n FROM stage_transitions WHERE to_stage = 'tql' AND action = 'qualify' AND actor = ? AND occurred_at >= ?");

  const callbackChanged = (): void => {
    alarm.check();
    ctx.emit({ name: 'queue.changed', payload: { reason: 'callback' } });
  };

  return {
    'queue.get': (input) => {
      // The clock may have moved past a callback since the alarm was armed (sleep, test clocks).
      alarm.check();
      return queue.get(input);
    },
    'queue.rules': () => rules.get(),
    'queue.updateRules': (input) => rules.update(input.rules, input.version),
    'calls.start': (input) => {
      const started = active.start(input.leadId, input.phoneNumber);
      ctx.emit({ name: 'queue.changed', payload: { reason: 'call' } });
      return started;
    },
    'calls.abandon': (input) => {
      const call = active.get(input.callId);
      db.transaction(() => active.removeInTransaction(call.id))();
      ctx.emit({ name: 'queue.changed', payload: { reason: 'call' } });
      return { leadId: call.leadId };
    },
    'calls.active': () => active.list(),
    'calls.log': (input) => {
      const logged = logCall(input, rules.get().rules);
      alarm.check();
      return logged;
    },
    'calls.list': (input) => calls.list({ leadId: input.leadId, since: input.since === undefined ? undefined : new Date(input.since).toISOString(), limit: input.limit }),
    'calls.today': () => {
      const now = ctx.now();
      const me = ctx.actor();
      const current = rules.get().rules;
      const dayStart = startOfJstDay(now).toISOString();
      const perOutcome = calls.outcomesSince(me, dayStart);
      const connectedCodes = new Set(current.outcomes.filter((o) => o.effect === 'connected').map((o) => o.code));
      const callsMade = [...perOutcome.values()].reduce((sum, n) => sum + n, 0);
      const connects = [...perOutcome].reduce((sum, [code, n]) => sum + (connectedCodes.has(code) ? n : 0), 0);
      return {
        day: jstDay(now),
        callsMade,
        connects,
        connectRate: callsMade === 0 ? null : connects / callsMade,
        callbacksDue: callbacks.countDue(now.toISOString(), me),
        callbacksMissed: callbacks.countDue(new Date(now.getTime() - current.missedAfterMinutes * MINUTE_MS).toISOString(), me),
        tqlsToday: (tqlsSince.get(me, dayStart) as { n: number }).n,
      };
    },
    'callbacks.list': (input) => callbacks.list(input.status, input.leadId, missedMinutes()),
    'callbacks.schedule': (input) => {
      leads.get(input.leadId);
      const at = ctx.now();
      const dueAt = new Date(input.dueAt);
      if (dueAt <= at) {
        throw new BantamError('invalid_input', 'The callback time is in the past. Choose a time from now on; nothing was saved.', {
          messageKey: 'call.error.callbackInPast',
        });
      }
      const id = db.transaction(() => callbacks.scheduleInTransaction(input.leadId, dueAt.toISOString(), input.note?.trim() || null, at.toISOString()))();
      callbackChanged();
      return callbacks.get(id, missedMinutes());
    },
    'callbacks.cancel': (input) => {
      const callback = callbacks.get(input.id, missedMinutes());
      if (callback.status !== 'open') {
        throw new BantamError('conflict', `This callback is already ${callback.status}; there is nothing to cancel.`, {
          messageKey: 'call.error.callbackHandled',
        });
      }
      db.transaction(() => callbacks.cancelInTransaction(callback.id, callback.leadId, ctx.now().toISOString()))();
      callbackChanged();
      return callbacks.get(callback.id, missedMinutes());
    },
    'drafts.get': (input) => drafts.get(input.leadId),
    'drafts.save': (input) => {
      leads.get(input.leadId);
      return drafts.save(input.leadId, input.body);
    },
    'drafts.discard': (input) => {
      drafts.discard(input.leadId);
      return { leadId: input.leadId };
    },
  };
};
