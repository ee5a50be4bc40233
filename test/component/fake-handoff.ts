import type { z } from 'zod';
import type { ApiEvent, Bridge, Envelope, MethodName } from '../../shared/api';
import { handoffApi, missingHandoffParts, type Handoff, type HandoffInbox, type Meeting, type SlaRecord } from '../../shared/api/handoff';
import type { Preferences } from '../../shared/api/settings';
import { DEFAULT_SLA_SETTINGS, slaClock, slaDueAt } from '../../shared/domain/handoff-sla';
import { personName, type Lead } from '../../shared/domain/lead';
import { decideTransition, type StageAction } from '../../shared/domain/stage-machine';
import { FAKE_NOW } from './fake-calls';
import { FakeFailure } from './fake-lead-edits';
import { fakeQualificationOf } from './fake-qualification';

// The handoff's methods in the fake host: an in-memory list with the same rules as the backend
// (only TQL, every part required, the stage machine decides, the SLA counted in business hours).
type HandoffMethod = Extract<MethodName, `handoff.${string}`>;
export type FakeHandoff = Pick<Bridge, HandoffMethod>;
type Answer = <T>(method: string, input: unknown, value: () => T) => Promise<Envelope<T>>;

export type FakeHandoffState = { now: () => Date; handoffs: Handoff[]; sla: SlaRecord };

const states = new WeakMap<Lead[], FakeHandoffState>();

export const fakeHandoffOf = (bridge: { leads: Lead[] }): FakeHandoffState => {
  const state = states.get(bridge.leads);
  if (!state) throw new Error('This bridge was not made by createFakeBridge');
  return state;
};

const parse = <M extends keyof typeof handoffApi>(method: M, input: unknown): z.output<(typeof handoffApi)[M]['input']> => {
  const parsed = handoffApi[method].input.safeParse(input);
  if (parsed.success) return parsed.data as z.output<(typeof handoffApi)[M]['input']>;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  throw new FakeFailure({ code: 'invalid_input', message: 'invalid', messageKey: 'errors.invalidInput', issues });
};

export const createFakeHandoff = (leads: Lead[], answer: Answer, emit: (event: ApiEvent) => void, preferences: () => Preferences): FakeHandoff => {
  const state: FakeHandoffState = {
    now: () => new Date(FAKE_NOW),
    handoffs: [],
    sla: { settings: DEFAULT_SLA_SETTINGS, version: 0, updatedAt: new Date(0).toISOString(), updatedBy: 'default' },
  };
  states.set(leads, state);
  let seq = 0;
  const actor = () => preferences().userName || 'local';
  const leadOf = (id: string): Lead => {
    const lead = leads.find((l) => l.id === id);
    if (!lead) throw new FakeFailure({ code: 'not_found', message: 'No such lead.', messageKey: 'errors.lead.notFound' });
    return lead;
  };
  const find = (id: string): Handoff => {
    const handoff = state.handoffs.find((h) => h.id === id);
    if (!handoff) throw new FakeFailure({ code: 'not_found', message: 'No such handoff.', messageKey: 'handoff.error.notFound' });
    return handoff;
  };
  // The clock is read again on every answer, like the backend.
  const fresh = (h: Handoff): Handoff => ({ ...h, sla: slaClock(h.sla.dueAt, h.decidedAt, state.now(), state.sla.settings) });
  const changed = () => emit({ name: 'handoffs.changed', payload: {} });

  const decide = (id: string, action: StageAction): Handoff => {
    const handoff = find(id);
    if (handoff.status !== 'pending' && action.kind !== 'confirm_deal') {
      throw new FakeFailure({ code: 'conflict', message: 'Already decided.', messageKey: 'handoff.error.alreadyDecided', params: { status: handoff.status, by: handoff.decidedBy ?? '' } });
    }
    const lead = leadOf(handoff.leadId);
    const qualification = fakeQualificationOf({ leads });
    const answers = qualification.answers.get(lead.id)?.answers ?? {};
    const decision = decideTransition({ stage: lead.stage, action, role: preferences().role, definitions: qualification.definitions, answers, now: state.now() });
    if (!decision.allowed) {
      const params = Object.fromEntries(Object.entries(decision.params).map(([k, v]) => [k, String(v)]));
      throw new FakeFailure({ code: decision.code === 'role_not_allowed' ? 'forbidden' : 'invalid_input', message: decision.code, messageKey: decision.messageKey, params });
    }
    Object.assign(lead, { stage: decision.to, version: lead.version + 1 });
    const { event } = decision;
    if (action.kind === 'confirm_deal') Object.assign(handoff, { dealConfirmedAt: event.at });
    else {
      Object.assign(handoff, {
        status: action.kind === 'accept' ? 'accepted' : 'rejected',
        decidedAt: event.at,
        decidedBy: actor(),
        reason: event.reason,
        reasonGroup: event.reasonGroup,
        comment: event.comment,
        rejectedTo: action.kind === 'reject' ? event.to : null,
        recontactOn: event.recontactOn,
      });
    }
    changed();
    return fresh(handoff);
  };

  return {
    'handoff.draft': (input) =>
      answer('handoff.draft', input, () => {
        const lead = leadOf(parse('handoff.draft', input).leadId);
        return {
          leadId: lead.id,
          leadVersion: lead.version,
          stage: lead.stage,
          summary: `【ヒアリング】\n${lead.companyName}`,
          meeting: {},
          knownAssignees: [...new Set(state.handoffs.map((h) => h.assignee))],
          pendingId: state.handoffs.find((h) => h.leadId === lead.id && h.status === 'pending')?.id ?? null,
        };
      }),
    'handoff.submit': (input) =>
      answer('handoff.submit', input, () => {
        const parsed = parse('handoff.submit', input);
        const lead = leadOf(parsed.leadId);
        if (lead.stage !== 'tql') throw new FakeFailure({ code: 'conflict', message: 'Not TQL.', messageKey: 'handoff.error.notTql', params: { stage: lead.stage } });
        const missing = missingHandoffParts(parsed);
        if (missing.length > 0) {
          throw new FakeFailure({
            code: 'invalid_input',
            message: 'Missing parts.',
            messageKey: 'handoff.error.incomplete',
            params: { count: String(missing.length), parts: missing.join(',') },
            issues: missing.map((path) => ({ path, message: 'missing' })),
          });
        }
        const now = state.now();
        const handoff: Handoff = {
          id: `handoff-${++seq}`,
          leadId: lead.id,
          companyName: lead.companyName,
          personName: personName(lead),
          fromRep: actor(),
          assignee: parsed.assignee,
          meeting: parsed.meeting as Meeting,
          summary: parsed.summary,
          definitionVersion: 1,
          submittedAt: now.toISOString(),
          status: 'pending',
          sla: slaClock(slaDueAt(now, state.sla.settings).toISOString(), null, now, state.sla.settings),
          decidedAt: null,
          decidedBy: null,
          reason: null,
          reasonGroup: null,
          comment: null,
          rejectedTo: null,
          recontactOn: null,
          dealConfirmedAt: null,
        };
        state.handoffs.push(handoff);
        changed();
        return handoff;
      }),
    'handoff.inbox': (input) =>
      answer('handoff.inbox', input, (): HandoffInbox => {
        const { status, assignee, mine, limit } = parse('handoff.inbox', input);
        const matching = state.handoffs
          .map(fresh)
          .filter((h) => (assignee === undefined || h.assignee === assignee) && (!mine || h.fromRep === actor()));
        const pending = matching.filter((h) => h.status === 'pending');
        const items = matching
          .filter((h) => status === 'all' || h.status === status)
          .sort((a, b) => (a.status === 'pending' ? 0 : 1) - (b.status === 'pending' ? 0 : 1) || (a.status === 'pending' ? a.sla.dueAt.localeCompare(b.sla.dueAt) : (b.decidedAt ?? '').localeCompare(a.decidedAt ?? '')))
          .slice(0, limit);
        return { now: state.now().toISOString(), items, counts: { pending: pending.length, overdue: pending.filter((h) => h.sla.overdue).length } };
      }),
    'handoff.get': (input) =>
      answer('handoff.get', input, () => {
        const handoff = fresh(find(parse('handoff.get', input).id));
        return { ...handoff, lead: leadOf(handoff.leadId), answers: fakeQualificationOf({ leads }).answers.get(handoff.leadId)?.answers ?? {}, calls: [], notes: [] };
      }),
    'handoff.ofLead': (input) =>
      answer('handoff.ofLead', input, () => {
        const { leadId } = parse('handoff.ofLead', input);
        leadOf(leadId);
        return state.handoffs.filter((h) => h.leadId === leadId).map(fresh).reverse();
      }),
    'handoff.accept': (input) =>
      answer('handoff.accept', input, () => {
        const { id, comment } = parse('handoff.accept', input);
        return decide(id, { kind: 'accept', ...(comment ? { comment } : {}) });
      }),
    'handoff.reject': (input) =>
      answer('handoff.reject', input, () => {
        const { id, ...action } = parse('handoff.reject', input);
        return decide(id, { kind: 'reject', ...action });
      }),
    'handoff.confirmDeal': (input) =>
      answer('handoff.confirmDeal', input, () => {
        const { id } = parse('handoff.confirmDeal', input);
        if (find(id).status !== 'accepted') throw new FakeFailure({ code: 'conflict', message: 'Not accepted.', messageKey: 'handoff.error.notAccepted', params: { status: find(id).status } });
        return decide(id, { kind: 'confirm_deal' });
      }),
    'handoff.sla': (input) => answer('handoff.sla', input, () => state.sla),
    'handoff.updateSla': (input) =>
      answer('handoff.updateSla', input, () => {
        const { settings, version } = parse('handoff.updateSla', input);
        if (preferences().role !== 'team_lead') throw new FakeFailure({ code: 'forbidden', message: 'Team lead only.', messageKey: 'handoff.error.slaForbidden', params: { role: preferences().role } });
        if (version !== state.sla.version) throw new FakeFailure({ code: 'conflict', message: 'Changed.', messageKey: 'handoff.error.slaConflict', params: { by: state.sla.updatedBy, version: String(state.sla.version) } });
        state.sla = { settings, version: version + 1, updatedAt: state.now().toISOString(), updatedBy: actor() };
        changed();
        return state.sla;
      }),
  };
};
