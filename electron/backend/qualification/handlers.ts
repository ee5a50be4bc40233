import type { HearingView } from '../../../shared/api/qualification';
import { jstDay } from '../../../shared/domain/business-time';
import { missingRequired } from '../../../shared/domain/hearing-script';
import { evaluate } from '../../../shared/domain/qualification';
import { availableActions } from '../../../shared/domain/stage-machine';
import type { BackendContext } from '../context';
import type { Handlers } from '../handlers';
import { leadNotFound } from '../leads/lead-edits';
import type { LeadRepository } from '../leads/repository';
import type { PreferencesStore } from '../settings/preferences';
import { DEFINITIONS_SPEC, SCRIPT_SPEC } from './content-specs';
import { createHearingStore } from './hearing-store';
import { createStageDecisions, unknownScriptVersion } from './stage-decisions';
import { createVersionedContent } from './versioned-content';

type QualificationMethod = Extract<keyof Handlers, `hearing.${string}` | `stage.${string}` | `definitions.${string}` | `script.${string}`>;

// The hearing, the stage decisions, and the team's definitions and script.
export const createQualificationHandlers = (ctx: BackendContext, leads: LeadRepository, preferences: PreferencesStore): Pick<Handlers, QualificationMethod> => {
  const { db } = ctx.store;
  const role = () => preferences.get().role;
  const definitions = createVersionedContent(ctx, role, DEFINITIONS_SPEC);
  const script = createVersionedContent(ctx, role, SCRIPT_SPEC);
  const hearing = createHearingStore(ctx);
  const decisions = createStageDecisions(ctx, { leads, hearing, definitions, script, role });

  const view = (leadId: string): HearingView => {
    const lead = leads.find(leadId);
    if (!lead) throw leadNotFound();
    const { answers, updatedAt } = hearing.answersOf(leadId);
    const currentDefinitions = definitions.current();
    const currentScript = script.current();
    const today = jstDay(ctx.now());
    return {
      leadId,
      stage: lead.stage,
      leadVersion: lead.version,
      answers,
      updatedAt,
      draft: hearing.draftOf(leadId),
      script: currentScript,
      definitions: currentDefinitions,
      check: evaluate(currentDefinitions.rules.tql, answers, today),
      nurtureCheck: evaluate(currentDefinitions.rules.nurture, answers, today),
      missingRequired: missingRequired(currentScript, answers),
      actions: availableActions(lead.stage, role()),
    };
  };

  return {
    'hearing.get': (input) => view(input.leadId),
    'hearing.saveDraft': (input) => {
      if (!leads.find(input.leadId)) throw leadNotFound();
      return hearing.saveDraft(input.leadId, input.answers);
    },
    'hearing.save': (input) => {
      const changed = db
        .transaction(() => {
          if (!leads.find(input.leadId)) throw leadNotFound();
          if (!script.exists(input.scriptVersion)) throw unknownScriptVersion(input.scriptVersion, script.current().version);
          return hearing.saveInTransaction(input.leadId, input.patch, input.scriptVersion, ctx.now()).changed;
        })
        .immediate();
      if (changed.length > 0) ctx.emit({ name: 'leads.changed', payload: { reason: 'updated' } });
      return view(input.leadId);
    },
    'hearing.history': (input) => {
      if (!leads.find(input.leadId)) throw leadNotFound();
      return hearing.history(input.leadId);
    },
    'stage.decide': (input) => decisions.decide(input),
    'stage.history': (input) => decisions.history(input.leadId),
    'definitions.get': () => definitions.current(),
    'definitions.update': (input) => definitions.update(input.content, input.version),
    'definitions.versions': () => definitions.versions(),
    'script.get': () => script.current(),
    'script.update': (input) => script.update(input.content, input.version),
  };
};
