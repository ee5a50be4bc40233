import type { StageDecision, TransitionRecord } from '../../../shared/api/qualification';
import type { UserRole } from '../../../shared/api/settings';
import type { BantAnswers } from '../../../shared/domain/bant';
import type { ScriptContent } from '../../../shared/domain/hearing-script';
import type { DefinitionsContent } from '../../../shared/domain/stage-definitions';
import { decideTransition, type ActorRole, type StageAction, type StageActionKind, type TransitionEvent } from '../../../shared/domain/stage-machine';
import { isStage, type Stage } from '../../../shared/domain/stages';
import { isCallableStage } from '../../../shared/domain/calling';
import { createCallbackRepository } from '../calls/callbacks';
import type { Verdict } from '../../../shared/domain/qualification';
import type { RejectGroup } from '../../../shared/domain/reasons';
import type { BackendContext } from '../context';
import { newId } from '../db/ids';
import { BantamError } from '../errors';
import { leadNotFound, staleLead } from '../leads/lead-edits';
import type { LeadRepository } from '../leads/repository';
import type { HearingStore } from './hearing-store';
import { refusalError } from './refusal-error';
import type { VersionedContent } from './versioned-content';

export type DecideInput = { leadId: string; action: StageAction; leadVersion: number; patch?: BantAnswers; scriptVersion?: number };

type TransitionRow = {
  id: string;
  lead_id: string;
  action: StageActionKind;
  from_stage: string;
  to_stage: string;
  actor_role: ActorRole;
  reason: string | null;
  reason_group: RejectGroup | null;
  comment: string | null;
  recontact_on: string | null;
  override_reason: string | null;
  verdict: Verdict | null;
  definition_version: number;
  actor: string;
  occurred_at: string;
  answers: string | null;
};

const asStage = (value: string): Stage => (isStage(value) ? value : 'lead');

const toRecord = (r: TransitionRow): TransitionRecord => ({
  id: r.id,
  leadId: r.lead_id,
  action: r.action,
  from: asStage(r.from_stage),
  to: asStage(r.to_stage),
  actorRole: r.actor_role,
  reason: r.reason,
  reasonGroup: r.reason_group,
  comment: r.comment,
  recontactOn: r.recontact_on,
  override: r.override_reason !== null,
  verdict: r.verdict,
  definitionVersion: r.definition_version,
  at: r.occurred_at,
  actor: r.actor,
  answers: r.answers === null ? null : (JSON.parse(r.answers) as BantAnswers),
});

export type StageDecisionDeps = {
  leads: LeadRepository;
  hearing: HearingStore;
  definitions: VersionedContent<DefinitionsContent>;
  script: VersionedContent<ScriptContent>;
  role: () => UserRole;
};

export const unknownScriptVersion = (version: number, current: number): BantamError =>
  new BantamError('invalid_input', `Hearing script version ${version} does not exist (the newest is ${current}). Reload the hearing and save again; your answers are kept as a draft.`, {
    messageKey: 'qualification.error.unknownScriptVersion',
    params: { version, current },
  });

// Appends a transition event with the answers it was made on, moves the lead, and adds the
// outbox op. Call inside the write transaction.
export const createTransitionWriter = (ctx: BackendContext) => {
  const { db } = ctx.store;
  const insert = db.prepare(`INSERT INTO stage_transitions (id, lead_id, from_stage, to_stage, reason, definition_version, override_reason, actor,
      occurred_at, action, actor_role, reason_group, comment, recontact_on, verdict, answers)
    VALUES (@id, @leadId, @from, @to, @reason, @definitionVersion, @overrideReason, @actor, @at, @action, @actorRole, @reasonGroup, @comment,
      @recontactOn, @verdict, @answers)`);
  // A nurtured lead keeps its re-contact date until it leaves nurture; do-not-call is untouched.
  const setStage = db.prepare('UPDATE leads SET stage = ?, stage_changed_at = ?, recontact_on = ?, updated_at = ?, version = version + 1 WHERE id = ?');
  const callbacks = createCallbackRepository(ctx);
  return (leadId: string, event: TransitionEvent, answers: BantAnswers, actor: string): TransitionRecord => {
    const record: TransitionRecord = { ...event, id: newId(), leadId, actor, answers };
    insert.run({ ...record, overrideReason: event.override ? event.comment : null, answers: JSON.stringify(answers) });
    setStage.run(event.to, event.at, event.to === 'nurture' ? event.recontactOn : null, event.at, leadId);
    ctx.outbox.append({ entity: 'lead', entityId: leadId, op: 'lead.stage', payload: record }, event.at);
    if (!isCallableStage(event.to)) callbacks.cancelAllOfLeadInTransaction(leadId, event.at);
    return record;
  };
};

// stage.decide and stage.history. A decision is one transaction: the answers still in the form,
// then the stage machine's verdict with the role from preferences; a refusal throws and writes
// nothing, an allowed decision appends its event with the answers it was made on.
export const createStageDecisions = (ctx: BackendContext, deps: StageDecisionDeps) => {
  const { db } = ctx.store;
  const write = createTransitionWriter(ctx);
  const history = db.prepare(`SELECT id, lead_id, action, from_stage, to_stage, actor_role, reason, reason_group, comment, recontact_on, override_reason,
      verdict, definition_version, actor, occurred_at, answers
    FROM stage_transitions WHERE lead_id = ? AND action IS NOT NULL ORDER BY occurred_at DESC, id DESC`);

  return {
    decide(input: DecideInput): StageDecision {
      const now = ctx.now();
      const role = deps.role();
      const transition = db
        .transaction((): TransitionRecord => {
          const lead = deps.leads.find(input.leadId);
          if (!lead) throw leadNotFound();
          if (lead.version !== input.leadVersion) throw staleLead([]);
          if (input.patch) {
            const script = deps.script.current();
            const scriptVersion = input.scriptVersion ?? script.version;
            if (!deps.script.exists(scriptVersion)) throw unknownScriptVersion(scriptVersion, script.version);
            deps.hearing.saveInTransaction(lead.id, input.patch, scriptVersion, now);
          }
          const { answers } = deps.hearing.answersOf(lead.id);
          const decision = decideTransition({ stage: lead.stage, action: input.action, role, definitions: deps.definitions.current(), answers, now });
          if (!decision.allowed) throw refusalError(decision);
          return write(lead.id, decision.event, answers, ctx.actor());
        })
        .immediate();
      ctx.emit({ name: 'leads.changed', payload: { reason: 'updated' } });
      ctx.emit({ name: 'queue.changed', payload: { reason: 'leads' } });
      return { lead: deps.leads.get(input.leadId), transition };
    },
    history(leadId: string): TransitionRecord[] {
      if (!deps.leads.find(leadId)) throw leadNotFound();
      return (history.all(leadId) as TransitionRow[]).map(toRecord);
    },
  };
};
