import type { ApiErrorBody, ApiEvent, Bridge, Envelope, MethodName } from '../../shared/api';
import type { ActiveCall, Callback, CallLog, DayStats, Draft, QueueView, RulesRecord } from '../../shared/api/calls';
import { jstDay } from '../../shared/domain/business-time';
import { DEFAULT_CALLING_RULES, type QueueLead } from '../../shared/domain/calling';
import type { Lead } from '../../shared/domain/lead';
import { orderQueue } from '../../shared/domain/queue-order';

// The call cockpit's methods (queue, calls, callbacks, drafts) in the fake host.
type CallMethod = Extract<MethodName, `queue.${string}` | `calls.${string}` | `callbacks.${string}` | `drafts.${string}`>;
export type FakeCalls = Pick<Bridge, CallMethod>;
type Answer = <T>(method: string, input: unknown, value: () => T) => Promise<Envelope<T>>;

// What a test can see and steer: the in-memory model behind the fake methods.
export type FakeCallsState = {
  actor: string;
  now: () => Date;
  rules: RulesRecord;
  active: ActiveCall[];
  logs: CallLog[];
  callbacks: Callback[];
  drafts: Map<string, Draft>;
  tqlsToday: number;
};

// A backend-style error envelope raised inside a fake method.
class FakeFailure {
  constructor(readonly body: ApiErrorBody) {}
}

export const FAKE_NOW = '2026-11-24T01:00:00.000Z';

const states = new WeakMap<Lead[], FakeCallsState>();

// The model of a fake bridge, found by its lead array (the bridge spreads the methods, not the state).
export const fakeCallsOf = (bridge: { leads: Lead[] }): FakeCallsState => {
  const state = states.get(bridge.leads);
  if (!state) throw new Error('This bridge was not made by createFakeBridge');
  return state;
};

const personName = (lead: Lead): string => [lead.familyName, lead.givenName].filter(Boolean).join(' ');

const toQueueLead = (lead: Lead, state: FakeCallsState): QueueLead => {
  const callback = state.callbacks
    .filter((c) => c.leadId === lead.id && c.status === 'open')
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  return {
    id: lead.id,
    companyName: lead.companyName,
    familyName: lead.familyName,
    givenName: lead.givenName,
    familyNameKana: lead.familyNameKana,
    givenNameKana: lead.givenNameKana,
    title: lead.title,
    phone: lead.phone,
    mobile: lead.mobile,
    stage: lead.stage,
    temperature: lead.temperature,
    score: lead.score,
    source: lead.source,
    owner: lead.owner,
    importId: lead.importId,
    callCount: lead.callCount,
    lastCalledAt: lead.lastCalledAt,
    attemptsToday: 0,
    callWindow: null,
    createdAt: lead.createdAt,
    callback: callback ? { id: callback.id, dueAt: callback.dueAt, note: callback.note } : null,
  };
};

// The rep's callable leads, ordered by the real pure ordering; only the store query is faked here.
const buildQueue = (leads: Lead[], state: FakeCallsState, input: Parameters<Bridge['queue.get']>[0]): QueueView => {
  const now = state.now();
  const owner = input.owner ?? state.actor;
  const today = jstDay(now);
  const candidates = leads
    .filter(
      (l) =>
        (l.stage === 'lead' || l.stage === 'mql') &&
        !l.doNotCall &&
        (owner === '*' || l.owner === owner || l.owner === null) &&
        (input.source === undefined || l.source === input.source) &&
        (input.temperature === undefined || l.temperature === input.temperature) &&
        (input.importId === undefined || l.importId === input.importId),
    )
    .map((l) => ({
      ...toQueueLead(l, state),
      attemptsToday: state.logs.filter((c) => c.leadId === l.id && jstDay(new Date(c.startedAt)) === today).length,
    }));
  const ordered = orderQueue(candidates, state.rules.rules, now, {
    inCall: new Set(state.active.map((a) => a.leadId)),
    limit: input.limit ?? 50,
  });
  return { now: now.toISOString(), ...ordered };
};

// queue.*, calls.*, callbacks.* and drafts.* over the in-memory leads, with the backend's consequences.
export const createFakeCalls = (leads: Lead[], answer: Answer, emit: (event: ApiEvent) => void): FakeCalls => {
  const state: FakeCallsState = {
    actor: '佐藤',
    // A Tuesday, 10:00 JST: inside the default calling hours, so leads are offered.
    now: () => new Date(FAKE_NOW),
    rules: { rules: structuredClone(DEFAULT_CALLING_RULES), version: 1, updatedAt: '2026-11-01T00:00:00.000Z', updatedBy: 'local' },
    active: [],
    logs: [],
    callbacks: [],
    drafts: new Map(),
    tqlsToday: 0,
  };
  states.set(leads, state);
  let seq = 0;
  const nextId = (prefix: string): string => `${prefix}-${++seq}`;
  const fail = (code: ApiErrorBody['code'], message: string, messageKey?: string, params?: Record<string, string | number>) =>
    new FakeFailure({ code, message, messageKey, params });
  const leadOf = (id: string): Lead => {
    const lead = leads.find((l) => l.id === id);
    if (!lead) throw fail('not_found', 'No such lead.', 'errors.lead.notFound');
    return lead;
  };
  const changed = (reason: 'call' | 'callback' | 'rules'): void => emit({ name: 'queue.changed', payload: { reason } });

  // Runs a fake method; a thrown FakeFailure becomes an error envelope like the real host's.
  const run = async <T>(method: string, input: unknown, value: () => T): Promise<Envelope<T>> => {
    const envelope = await answer<T | FakeFailure>(method, input, () => {
      try {
        return value();
      } catch (error) {
        if (error instanceof FakeFailure) return error;
        throw error;
      }
    });
    if (envelope.ok && envelope.value instanceof FakeFailure) return { ok: false, error: envelope.value.body };
    return envelope as Envelope<T>;
  };

  const schedule = (lead: Lead, dueAt: string, note: string | null): Callback => {
    const callback: Callback = {
      id: nextId('callback'),
      leadId: lead.id,
      companyName: lead.companyName,
      personName: personName(lead),
      dueAt: new Date(dueAt).toISOString(),
      note,
      status: 'open',
      missed: false,
      createdAt: state.now().toISOString(),
    };
    state.callbacks.push(callback);
    return callback;
  };

  const dayStats = (): DayStats => {
    const day = jstDay(state.now());
    const todays = state.logs.filter((l) => jstDay(new Date(l.startedAt)) === day);
    const connects = todays.filter((l) => state.rules.rules.outcomes.find((o) => o.code === l.outcome)?.effect === 'connected').length;
    const now = state.now().getTime();
    const due = state.callbacks.filter((c) => c.status === 'open' && Date.parse(c.dueAt) <= now);
    return {
      day,
      callsMade: todays.length,
      connects,
      connectRate: todays.length === 0 ? null : connects / todays.length,
      callbacksDue: due.length,
      callbacksMissed: due.filter((c) => now - Date.parse(c.dueAt) >= state.rules.rules.missedAfterMinutes * 60_000).length,
      tqlsToday: state.tqlsToday,
    };
  };

  return {
    'queue.get': (input) => run('queue.get', input, () => buildQueue(leads, state, input)),
    'queue.rules': (input) => run('queue.rules', input, () => structuredClone(state.rules)),
    'queue.updateRules': (input) =>
      run('queue.updateRules', input, () => {
        if (input.version !== state.rules.version) {
          throw fail('conflict', 'The rules changed meanwhile.', 'errors.conflict', { version: state.rules.version });
        }
        state.rules = { rules: structuredClone(input.rules), version: state.rules.version + 1, updatedAt: state.now().toISOString(), updatedBy: state.actor };
        changed('rules');
        return structuredClone(state.rules);
      }),
    'calls.start': (input) =>
      run('calls.start', input, () => {
        leadOf(input.leadId);
        if (state.active.some((a) => a.leadId === input.leadId)) throw fail('conflict', 'The lead is already in a call.');
        const call: ActiveCall = { id: nextId('call'), leadId: input.leadId, phoneNumber: input.phoneNumber, startedAt: state.now().toISOString() };
        state.active.push(call);
        changed('call');
        return call;
      }),
    'calls.abandon': (input) =>
      run('calls.abandon', input, () => {
        const call = state.active.find((a) => a.id === input.callId);
        if (!call) throw fail('not_found', 'No such call.');
        state.active = state.active.filter((a) => a !== call);
        changed('call');
        return { leadId: call.leadId };
      }),
    'calls.active': (input) => run('calls.active', input, () => [...state.active]),
    'calls.log': (input) =>
      run('calls.log', input, () => {
        const call = state.active.find((a) => a.id === input.callId);
        if (!call) throw fail('not_found', 'No such call.');
        const outcome = state.rules.rules.outcomes.find((o) => o.code === input.outcome && o.enabled);
        if (!outcome) throw fail('invalid_input', 'Unknown outcome.');
        if (outcome.effect === 'callback' && !input.callbackAt) throw fail('invalid_input', 'A callback outcome needs callbackAt.');
        const lead = leadOf(call.leadId);
        const ended = state.now();
        // Like the backend: the call is logged, its effect applied and the draft dropped, all at once.
        for (const c of state.callbacks) if (c.leadId === lead.id && c.status === 'open' && Date.parse(c.dueAt) <= ended.getTime()) c.status = 'done';
        if (outcome.effect === 'callback' && input.callbackAt) schedule(lead, input.callbackAt, input.callbackNote ?? null);
        if (outcome.effect === 'do_not_call') lead.doNotCall = true;
        lead.callCount += 1;
        lead.lastCalledAt = ended.toISOString();
        lead.owner ??= state.actor;
        state.active = state.active.filter((a) => a !== call);
        state.drafts.delete(lead.id);
        const log: CallLog = {
          id: nextId('log'),
          leadId: lead.id,
          companyName: lead.companyName,
          personName: personName(lead),
          phoneNumber: call.phoneNumber,
          outcome: outcome.code,
          startedAt: call.startedAt,
          endedAt: ended.toISOString(),
          durationSeconds: Math.max(0, Math.round((ended.getTime() - Date.parse(call.startedAt)) / 1000)),
          note: input.note || null,
          callbackAt: input.callbackAt ? new Date(input.callbackAt).toISOString() : null,
          actor: state.actor,
        };
        state.logs.unshift(log);
        changed('call');
        return log;
      }),
    'calls.list': (input) =>
      run('calls.list', input, () =>
        state.logs
          .filter((l) => (input.leadId === undefined || l.leadId === input.leadId) && (input.since === undefined || l.startedAt >= input.since))
          .slice(0, input.limit ?? 200),
      ),
    'calls.today': (input) => run('calls.today', input, dayStats),
    'callbacks.list': (input) =>
      run('callbacks.list', input, () => {
        const now = state.now().getTime();
        const missedMs = state.rules.rules.missedAfterMinutes * 60_000;
        return state.callbacks
          .filter((c) => c.status === (input.status ?? 'open') && (input.leadId === undefined || c.leadId === input.leadId))
          .map((c) => ({ ...c, missed: c.status === 'open' && now - Date.parse(c.dueAt) >= missedMs }))
          .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
      }),
    'callbacks.schedule': (input) =>
      run('callbacks.schedule', input, () => {
        const callback = schedule(leadOf(input.leadId), input.dueAt, input.note ?? null);
        changed('callback');
        return callback;
      }),
    'callbacks.cancel': (input) =>
      run('callbacks.cancel', input, () => {
        const callback = state.callbacks.find((c) => c.id === input.id && c.status === 'open');
        if (!callback) throw fail('not_found', 'No open callback with this id.');
        callback.status = 'cancelled';
        changed('callback');
        return { ...callback };
      }),
    'drafts.get': (input) => run('drafts.get', input, () => state.drafts.get(input.leadId) ?? null),
    'drafts.save': (input) =>
      run('drafts.save', input, () => {
        leadOf(input.leadId);
        const draft: Draft = { leadId: input.leadId, body: input.body, savedAt: state.now().toISOString() };
        state.drafts.set(input.leadId, draft);
        return draft;
      }),
    'drafts.discard': (input) =>
      run('drafts.discard', input, () => {
        state.drafts.delete(input.leadId);
        return { leadId: input.leadId };
      }),
  };
};
