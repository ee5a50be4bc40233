import { z } from 'zod';
import { bantAnswersSchema, type BantAnswers, type HearingItem } from '../domain/bant';
import { scriptContentSchema, type HearingScript } from '../domain/hearing-script';
import type { Lead } from '../domain/lead';
import type { Evaluation } from '../domain/qualification';
import type { Stage } from '../domain/stages';
import { definitionsContentSchema, type StageDefinitions } from '../domain/stage-definitions';
import { stageActionSchema, type StageActionKind, type TransitionEvent } from '../domain/stage-machine';
import { method } from './define';

const id = z.string().min(1).max(64);

// Everything the hearing form needs for one lead, computed by the backend with the current
// definitions and script; the renderer re-evaluates live with the same pure functions while typing.
export type HearingView = {
  leadId: string;
  stage: Stage;
  leadVersion: number;
  // The answers saved so far (accumulated over calls), and when they last changed.
  answers: BantAnswers;
  updatedAt: string | null;
  // Edits typed but not saved yet (autosaved on every change), restored when the form opens.
  draft: { answers: BantAnswers; savedAt: string } | null;
  script: HearingScript;
  definitions: StageDefinitions;
  // The saved answers against the TQL definition, and whether the nurture rule proposes nurture.
  check: Evaluation;
  nurtureCheck: Evaluation;
  missingRequired: HearingItem[];
  // What the current user's role may do with this lead now.
  actions: StageActionKind[];
};

// One item's change in the hearing's history: before and after, who, with which script version.
export type HearingChange = {
  id: string;
  leadId: string;
  item: HearingItem;
  before: unknown;
  after: unknown;
  scriptVersion: number;
  actor: string;
  at: string;
};

// A stage transition as stored: the pure event plus who made it and the answers it was made on.
export type TransitionRecord = TransitionEvent & { id: string; leadId: string; actor: string; answers: BantAnswers | null };

export type StageDecision = { lead: Lead; transition: TransitionRecord };

export type VersionInfo = { version: number; updatedAt: string; updatedBy: string };

export const qualificationApi = {
  'hearing.get': method<HearingView>()(z.object({ leadId: id }).strict(), "A lead's hearing: answers, draft, script, definitions and the live check."),
  'hearing.saveDraft': method<{ leadId: string; savedAt: string }>()(
    z.object({ leadId: id, answers: bantAnswersSchema }).strict(),
    'Keep the edits being typed into the hearing form (device-local, no history).',
  ),
  'hearing.save': method<HearingView>()(
    z.object({ leadId: id, patch: bantAnswersSchema, scriptVersion: z.number().int().min(1) }).strict(),
    'Merge answers onto the lead; each changed item is appended to the history with the outbox op.',
  ),
  'hearing.history': method<HearingChange[]>()(z.object({ leadId: id }).strict(), "Every change to a lead's answers, newest first."),
  'stage.decide': method<StageDecision>()(
    z
      .object({
        leadId: id,
        action: stageActionSchema,
        leadVersion: z.number().int().min(1),
        // Answers still in the form are saved in the same transaction as the decision.
        patch: bantAnswersSchema.optional(),
        scriptVersion: z.number().int().min(1).optional(),
      })
      .strict(),
    "Apply a decision (TQL, nurture, disqualify, accept, ...) by the stage machine's rules; refused decisions write nothing.",
  ),
  'stage.history': method<TransitionRecord[]>()(z.object({ leadId: id }).strict(), "A lead's stage transitions, newest first."),
  'definitions.get': method<StageDefinitions>()(z.object({}).strict(), "The team's current stage definitions."),
  'definitions.update': method<StageDefinitions>()(
    z.object({ content: definitionsContentSchema, version: z.number().int().min(1) }).strict(),
    'Publish a new version of the definitions (team lead); `version` must be the one being edited.',
  ),
  'definitions.versions': method<VersionInfo[]>()(z.object({}).strict(), 'Every published version of the definitions, newest first.'),
  'script.get': method<HearingScript>()(z.object({}).strict(), 'The current hearing script.'),
  'script.update': method<HearingScript>()(
    z.object({ content: scriptContentSchema, version: z.number().int().min(1) }).strict(),
    'Publish a new version of the hearing script (team lead); `version` must be the one being edited.',
  ),
};
