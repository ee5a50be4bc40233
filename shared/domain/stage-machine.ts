import { z } from 'zod';
import { daySchema, type BantAnswers } from './bant';
import { jstDay } from './business-time';
import { evaluate, type Verdict } from './qualification';
import { findReason, type RejectGroup } from './reasons';
import type { StageDefinitions } from './stage-definitions';
import type { Stage } from './stages';

// Who makes a transition. `system` is the app itself and imports (an MA score, a CRM export).
export const ACTOR_ROLES = ['rep', 'field_sales', 'team_lead', 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const STAGE_ACTIONS = [
  'mark_mql',
  'qualify',
  'nurture',
  'disqualify',
  'accept',
  'reject',
  'confirm_deal',
  'open_opportunity',
  'win',
  'reopen',
] as const;
export type StageActionKind = (typeof STAGE_ACTIONS)[number];

// Where a rejected handoff goes: back to the reps as MQL, or to nurture.
export const REJECT_TARGETS = ['mql', 'nurture'] as const;

const comment = z.string().trim().max(2000, 'Keep the comment under 2000 characters.').optional();
const reason = z.string().max(40, 'Choose a reason from the list.').optional();

// A decision on a lead. Reasons, dates and comments are optional here because the stage machine
// refuses their absence with a message from the catalog, in the user's language.
export const stageActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mark_mql'), comment }).strict(),
  z.object({ kind: z.literal('qualify'), override: z.boolean().optional(), comment }).strict(),
  z.object({ kind: z.literal('nurture'), reason, recontactOn: daySchema.optional(), comment }).strict(),
  z.object({ kind: z.literal('disqualify'), reason, comment }).strict(),
  z.object({ kind: z.literal('accept'), comment }).strict(),
  z.object({ kind: z.literal('reject'), to: z.enum(REJECT_TARGETS), reason, recontactOn: daySchema.optional(), comment }).strict(),
  z.object({ kind: z.literal('confirm_deal'), comment }).strict(),
  z.object({ kind: z.literal('open_opportunity'), comment }).strict(),
  z.object({ kind: z.literal('win'), comment }).strict(),
  z.object({ kind: z.literal('reopen'), comment }).strict(),
]);
export type StageAction = z.infer<typeof stageActionSchema>;

// What a guard asks beyond stage and role.
type Guard = 'none' | 'tql_definition' | 'nurture_reason' | 'disqualify_reason' | 'reject_reason' | 'comment';

// `to: 'reject_target'`: the rejecting person chooses between MQL and nurture.
type Transition = { action: StageActionKind; from: readonly Stage[]; to: Stage | 'reject_target'; roles: readonly ActorRole[]; guard: Guard };

const REP_SIDE = ['lead', 'mql', 'tql', 'nurture'] as const;
const SALES_SIDE = ['sal', 'sql', 'opportunity'] as const;

// Every allowed transition. Anything not listed here is refused.
export const TRANSITIONS: readonly Transition[] = [
  { action: 'mark_mql', from: ['lead'], to: 'mql', roles: ['system', 'team_lead'], guard: 'none' },
  { action: 'qualify', from: ['lead', 'mql', 'nurture'], to: 'tql', roles: ['rep', 'team_lead'], guard: 'tql_definition' },
  { action: 'nurture', from: ['lead', 'mql', 'tql'], to: 'nurture', roles: ['rep', 'team_lead'], guard: 'nurture_reason' },
  { action: 'nurture', from: SALES_SIDE, to: 'nurture', roles: ['field_sales', 'team_lead'], guard: 'nurture_reason' },
  { action: 'disqualify', from: REP_SIDE, to: 'disqualified', roles: ['rep', 'team_lead', 'system'], guard: 'disqualify_reason' },
  { action: 'disqualify', from: SALES_SIDE, to: 'disqualified', roles: ['field_sales', 'team_lead'], guard: 'disqualify_reason' },
  { action: 'accept', from: ['tql'], to: 'sal', roles: ['field_sales', 'team_lead'], guard: 'none' },
  { action: 'reject', from: ['tql'], to: 'reject_target', roles: ['field_sales', 'team_lead'], guard: 'reject_reason' },
  { action: 'confirm_deal', from: ['sal'], to: 'sql', roles: ['field_sales', 'team_lead'], guard: 'none' },
  { action: 'open_opportunity', from: ['sql'], to: 'opportunity', roles: ['field_sales', 'team_lead'], guard: 'none' },
  { action: 'win', from: ['opportunity'], to: 'customer', roles: ['field_sales', 'team_lead', 'system'], guard: 'none' },
  { action: 'reopen', from: ['nurture'], to: 'mql', roles: ['rep', 'team_lead', 'system'], guard: 'none' },
  // Undoing a disqualification is the team lead's call, and needs a word on why.
  { action: 'reopen', from: ['disqualified'], to: 'mql', roles: ['team_lead'], guard: 'comment' },
];

// The event a transition appends: who, when, from, to, why, and the definitions that applied.
export type TransitionEvent = {
  action: StageActionKind;
  from: Stage;
  to: Stage;
  actorRole: ActorRole;
  reason: string | null;
  reasonGroup: RejectGroup | null;
  comment: string | null;
  recontactOn: string | null;
  // True when a lead was made TQL although the definition was not met; the comment says why.
  override: boolean;
  // The TQL definition's verdict on the answers, for a qualify; null otherwise.
  verdict: Verdict | null;
  definitionVersion: number;
  at: string;
};

export const REFUSAL_CODES = [
  'wrong_stage',
  'role_not_allowed',
  'definition_not_met',
  'override_reason_required',
  'reason_required',
  'unknown_reason',
  'recontact_required',
  'recontact_not_future',
  'comment_required',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export type Refusal = { allowed: false; code: RefusalCode; messageKey: string; params: Record<string, string | number> };
export type Decision = { allowed: true; to: Stage; event: TransitionEvent } | Refusal;

const refuse = (code: RefusalCode, params: Record<string, string | number> = {}): Refusal => ({
  allowed: false,
  code,
  messageKey: `qualification.refused.${code}`,
  params,
});

export const transitionFor = (stage: Stage, action: StageActionKind): Transition | null =>
  TRANSITIONS.find((t) => t.action === action && t.from.includes(stage)) ?? null;

// The decisions a role may offer on a lead in `stage`, in the order of STAGE_ACTIONS.
export const availableActions = (stage: Stage, role: ActorRole): StageActionKind[] =>
  STAGE_ACTIONS.filter((action) => transitionFor(stage, action)?.roles.includes(role) ?? false);

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

type GuardInput = { action: StageAction; definitions: StageDefinitions; answers: BantAnswers; today: string };
type GuardPass = Pick<TransitionEvent, 'reason' | 'reasonGroup' | 'recontactOn' | 'override' | 'verdict'>;

const PASS: GuardPass = { reason: null, reasonGroup: null, recontactOn: null, override: false, verdict: null };

const checkRecontact = (recontactOn: string | undefined, today: string): Refusal | null => {
  if (blank(recontactOn)) return refuse('recontact_required');
  return recontactOn! > today ? null : refuse('recontact_not_future', { date: recontactOn!, today });
};

const checkGuard = (guard: Guard, { action, definitions, answers, today }: GuardInput): GuardPass | Refusal => {
  const lists = definitions.reasons;
  switch (guard) {
    case 'none':
      return PASS;
    case 'comment':
      return blank(action.comment) ? refuse('comment_required', { action: action.kind }) : PASS;
    case 'tql_definition': {
      const { verdict, failed, missing } = evaluate(definitions.rules.tql, answers, today);
      if (verdict === 'met') return { ...PASS, verdict };
      const override = action.kind === 'qualify' && action.override === true;
      if (!override) return refuse('definition_not_met', { failed: failed.length, missing: missing.length, version: definitions.version });
      return blank(action.comment) ? refuse('override_reason_required') : { ...PASS, verdict, override: true };
    }
    case 'nurture_reason':
    case 'disqualify_reason': {
      const list = guard === 'nurture_reason' ? 'nurture' : 'disqualify';
      const code = 'reason' in action ? action.reason : undefined;
      if (blank(code)) return refuse('reason_required', { list });
      if (!findReason(lists, list, code!)) return refuse('unknown_reason', { list, reason: code! });
      if (list === 'disqualify') return { ...PASS, reason: code! };
      const recontact = 'recontactOn' in action ? action.recontactOn : undefined;
      return checkRecontact(recontact, today) ?? { ...PASS, reason: code!, recontactOn: recontact! };
    }
    case 'reject_reason': {
      if (action.kind !== 'reject') return refuse('reason_required', { list: 'reject' });
      if (blank(action.reason)) return refuse('reason_required', { list: 'reject' });
      const found = findReason(lists, 'reject', action.reason!);
      if (!found) return refuse('unknown_reason', { list: 'reject', reason: action.reason! });
      if (blank(action.comment)) return refuse('comment_required', { action: action.kind });
      const pass = { ...PASS, reason: found.code, reasonGroup: found.group };
      if (action.to === 'mql') return pass;
      return checkRecontact(action.recontactOn, today) ?? { ...pass, recontactOn: action.recontactOn! };
    }
  }
};

export type TransitionRequest = {
  stage: Stage;
  action: StageAction;
  role: ActorRole;
  definitions: StageDefinitions;
  answers: BantAnswers;
  now: Date;
};

// The one place that decides whether a lead may move: the stage, the role, then the guard. Pure:
// the backend writes the event it returns (or refuses with the key), the renderer previews it.
export const decideTransition = ({ stage, action, role, definitions, answers, now }: TransitionRequest): Decision => {
  const transition = transitionFor(stage, action.kind);
  if (!transition) return refuse('wrong_stage', { action: action.kind, stage });
  if (!transition.roles.includes(role)) return refuse('role_not_allowed', { action: action.kind, role });
  const passed = checkGuard(transition.guard, { action, definitions, answers, today: jstDay(now) });
  if ('allowed' in passed) return passed;
  const to = transition.to !== 'reject_target' ? transition.to : action.kind === 'reject' ? action.to : stage;
  const trimmed = action.comment?.trim();
  return {
    allowed: true,
    to,
    event: {
      action: action.kind,
      from: stage,
      to,
      actorRole: role,
      ...passed,
      comment: trimmed ? trimmed : null,
      definitionVersion: definitions.version,
      at: now.toISOString(),
    },
  };
};
