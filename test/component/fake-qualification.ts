import type { z } from 'zod';
import type { ApiEvent, Bridge, Envelope, MethodName } from '../../shared/api';
import { qualificationApi, type HearingChange, type HearingView, type TransitionRecord, type VersionInfo } from '../../shared/api/qualification';
import type { Preferences } from '../../shared/api/settings';
import { mergeAnswers, type BantAnswers } from '../../shared/domain/bant';
import { jstDay } from '../../shared/domain/business-time';
import { defaultScript, missingRequired, type HearingScript } from '../../shared/domain/hearing-script';
import type { Lead } from '../../shared/domain/lead';
import { evaluate } from '../../shared/domain/qualification';
import { defaultDefinitions, type StageDefinitions } from '../../shared/domain/stage-definitions';
import { availableActions, decideTransition } from '../../shared/domain/stage-machine';
import { FAKE_NOW } from './fake-calls';
import { FakeFailure } from './fake-lead-edits';

// The hearing's methods (hearing, stage decisions, definitions, script) in the fake host.
type QualificationMethod = Extract<MethodName, `hearing.${string}` | `stage.${string}` | `definitions.${string}` | `script.${string}`>;
export type FakeQualification = Pick<Bridge, QualificationMethod>;
type Answer = <T>(method: string, input: unknown, value: () => T) => Promise<Envelope<T>>;

// What a test can see and steer: the in-memory model behind the fake methods.
export type FakeQualificationState = {
  now: () => Date;
  definitions: StageDefinitions;
  definitionVersions: VersionInfo[];
  script: HearingScript;
  answers: Map<string, { answers: BantAnswers; updatedAt: string }>;
  drafts: Map<string, { answers: BantAnswers; savedAt: string }>;
  changes: HearingChange[];
  transitions: TransitionRecord[];
};

const stringParams = (params: Record<string, string | number>): Record<string, string> =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));

const states = new WeakMap<Lead[], FakeQualificationState>();

export const fakeQualificationOf = (bridge: { leads: Lead[] }): FakeQualificationState => {
  const state = states.get(bridge.leads);
  if (!state) throw new Error('This bridge was not made by createFakeBridge');
  return state;
};

// Input is checked with the contract's own schemas, like dispatch.
const parse = <M extends keyof typeof qualificationApi>(method: M, input: unknown): z.output<(typeof qualificationApi)[M]['input']> => {
  const parsed = qualificationApi[method].input.safeParse(input);
  if (parsed.success) return parsed.data as z.output<(typeof qualificationApi)[M]['input']>;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  throw new FakeFailure({ code: 'invalid_input', message: 'invalid', messageKey: 'errors.invalidInput', issues });
};

export const createFakeQualification = (
  leads: Lead[],
  answer: Answer,
  emit: (event: ApiEvent) => void,
  preferences: () => Preferences,
): FakeQualification => {
  const at = '2026-11-01T00:00:00.000Z';
  const state: FakeQualificationState = {
    now: () => new Date(FAKE_NOW),
    definitions: defaultDefinitions(at),
    definitionVersions: [{ version: 1, updatedAt: at, updatedBy: 'system' }],
    script: defaultScript(at),
    answers: new Map(),
    drafts: new Map(),
    changes: [],
    transitions: [],
  };
  states.set(leads, state);
  let seq = 0;
  const leadOf = (id: string): Lead => {
    const lead = leads.find((l) => l.id === id);
    if (!lead) throw new FakeFailure({ code: 'not_found', message: 'No such lead.', messageKey: 'errors.lead.notFound' });
    return lead;
  };
  const answersOf = (leadId: string): BantAnswers => state.answers.get(leadId)?.answers ?? {};
  const today = () => jstDay(state.now());

  // Merges a patch like the backend: each changed item is one history entry.
  const saveAnswers = (leadId: string, patch: BantAnswers, scriptVersion: number): void => {
    const before = answersOf(leadId);
    const merged = mergeAnswers(before, patch, today());
    const now = state.now().toISOString();
    for (const item of merged.changed) {
      state.changes.unshift({ id: `change-${++seq}`, leadId, item, before: before[item] ?? null, after: merged.answers[item] ?? null, scriptVersion, actor: preferences().userName || 'local', at: now });
    }
    if (merged.changed.length > 0) state.answers.set(leadId, { answers: merged.answers, updatedAt: now });
    state.drafts.delete(leadId);
  };

  const view = (leadId: string): HearingView => {
    const lead = leadOf(leadId);
    const answers = answersOf(leadId);
    return {
      leadId,
      stage: lead.stage,
      leadVersion: lead.version,
      answers,
      updatedAt: state.answers.get(leadId)?.updatedAt ?? null,
      draft: state.drafts.get(leadId) ?? null,
      script: state.script,
      definitions: state.definitions,
      check: evaluate(state.definitions.rules.tql, answers, today()),
      nurtureCheck: evaluate(state.definitions.rules.nurture, answers, today()),
      missingRequired: missingRequired(state.script, answers),
      actions: availableActions(lead.stage, preferences().role),
    };
  };

  const conflict = (what: 'definitions' | 'script', version: number) =>
    new FakeFailure({ code: 'conflict', message: `The ${what} changed since version ${version}.`, params: { version: String(version) } });

  return {
    'hearing.get': (input) => answer('hearing.get', input, () => view(parse('hearing.get', input).leadId)),
    'hearing.saveDraft': (input) =>
      answer('hearing.saveDraft', input, () => {
        const { leadId, answers } = parse('hearing.saveDraft', input);
        leadOf(leadId);
        const savedAt = state.now().toISOString();
        state.drafts.set(leadId, { answers, savedAt });
        return { leadId, savedAt };
      }),
    'hearing.save': (input) =>
      answer('hearing.save', input, () => {
        const { leadId, patch, scriptVersion } = parse('hearing.save', input);
        leadOf(leadId);
        saveAnswers(leadId, patch, scriptVersion);
        return view(leadId);
      }),
    'hearing.history': (input) => answer('hearing.history', input, () => state.changes.filter((c) => c.leadId === parse('hearing.history', input).leadId)),
    'stage.decide': (input) =>
      answer('stage.decide', input, () => {
        const { leadId, action, leadVersion, patch, scriptVersion } = parse('stage.decide', input);
        const lead = leadOf(leadId);
        if (lead.version !== leadVersion) throw new FakeFailure({ code: 'conflict', message: 'The lead changed.', messageKey: 'errors.conflict' });
        const answers = patch ? mergeAnswers(answersOf(leadId), patch, today()).answers : answersOf(leadId);
        const decision = decideTransition({ stage: lead.stage, action, role: preferences().role, definitions: state.definitions, answers, now: state.now() });
        // A refused decision writes nothing, not even the answers.
        if (!decision.allowed) throw new FakeFailure({ code: 'invalid_input', message: decision.code, messageKey: decision.messageKey, params: stringParams(decision.params) });
        if (patch) saveAnswers(leadId, patch, scriptVersion ?? state.script.version);
        const now = state.now().toISOString();
        const next: Lead = { ...lead, stage: decision.to, stageChangedAt: now, updatedAt: now, version: lead.version + 1 };
        leads[leads.indexOf(lead)] = next;
        const transition: TransitionRecord = { ...decision.event, id: `transition-${++seq}`, leadId, actor: preferences().userName || 'local', answers };
        state.transitions.unshift(transition);
        emit({ name: 'leads.changed', payload: { reason: 'updated' } });
        emit({ name: 'queue.changed', payload: { reason: 'leads' } });
        return { lead: next, transition };
      }),
    'stage.history': (input) => answer('stage.history', input, () => state.transitions.filter((t) => t.leadId === parse('stage.history', input).leadId)),
    'definitions.get': (input) => answer('definitions.get', input, () => state.definitions),
    'definitions.update': (input) =>
      answer('definitions.update', input, () => {
        const { content, version } = parse('definitions.update', input);
        if (version !== state.definitions.version) throw conflict('definitions', version);
        const info = { version: version + 1, updatedAt: state.now().toISOString(), updatedBy: preferences().userName || 'local' };
        state.definitions = { ...content, ...info };
        state.definitionVersions.unshift(info);
        emit({ name: 'definitions.changed', payload: { version: info.version } });
        return state.definitions;
      }),
    'definitions.versions': (input) => answer('definitions.versions', input, () => state.definitionVersions),
    'script.get': (input) => answer('script.get', input, () => state.script),
    'script.update': (input) =>
      answer('script.update', input, () => {
        const { content, version } = parse('script.update', input);
        if (version !== state.script.version) throw conflict('script', version);
        state.script = { ...content, version: version + 1, updatedAt: state.now().toISOString(), updatedBy: preferences().userName || 'local' };
        emit({ name: 'script.changed', payload: { version: state.script.version } });
        return state.script;
      }),
  } as FakeQualification;
};
