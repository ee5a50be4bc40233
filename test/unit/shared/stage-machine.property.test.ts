import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITEM_CHOICES, mergeAnswers, type BantAnswers } from '../../../shared/domain/bant';
import { jstDay } from '../../../shared/domain/business-time';
import { evaluate } from '../../../shared/domain/qualification';
import { DISQUALIFY_REASONS, NURTURE_REASONS, REJECT_REASONS } from '../../../shared/domain/reasons';
import { defaultDefinitions } from '../../../shared/domain/stage-definitions';
import { ACTOR_ROLES, decideTransition, type StageAction, type TransitionEvent } from '../../../shared/domain/stage-machine';
import type { Stage } from '../../../shared/domain/stages';

const definitions = defaultDefinitions('2026-01-01T00:00:00.000Z');
const start = Date.parse('2026-11-24T01:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;

// Reasons and dates drawn to be sometimes right, sometimes missing, sometimes wrong.
const reasonArb = fc.option(fc.constantFrom(...DISQUALIFY_REASONS, ...NURTURE_REASONS, ...Object.keys(REJECT_REASONS), 'made_up', ''), { nil: undefined });
const dayArb = fc.option(
  fc.integer({ min: -5, max: 400 }).map((offset) => new Date(start + offset * DAY_MS).toISOString().slice(0, 10)),
  { nil: undefined },
);
const commentArb = fc.option(fc.constantFrom('', '  ', '理由あり', 'override: 部長の強い要望'), { nil: undefined });

const actionArb: fc.Arbitrary<StageAction> = fc.oneof(
  fc.record({ kind: fc.constant('mark_mql' as const), comment: commentArb }),
  fc.record({ kind: fc.constant('qualify' as const), override: fc.option(fc.boolean(), { nil: undefined }), comment: commentArb }),
  fc.record({ kind: fc.constant('nurture' as const), reason: reasonArb, recontactOn: dayArb, comment: commentArb }),
  fc.record({ kind: fc.constant('disqualify' as const), reason: reasonArb, comment: commentArb }),
  fc.record({ kind: fc.constant('accept' as const), comment: commentArb }),
  fc.record({ kind: fc.constant('reject' as const), to: fc.constantFrom('mql' as const, 'nurture' as const), reason: reasonArb, recontactOn: dayArb, comment: commentArb }),
  fc.record({ kind: fc.constant('confirm_deal' as const), comment: commentArb }),
  fc.record({ kind: fc.constant('open_opportunity' as const), comment: commentArb }),
  fc.record({ kind: fc.constant('win' as const), comment: commentArb }),
  fc.record({ kind: fc.constant('reopen' as const), comment: commentArb }),
);

const patchArb: fc.Arbitrary<BantAnswers> = fc.record(
  {
    budget: fc.record({ status: fc.constantFrom(...ITEM_CHOICES.budget) }),
    authority: fc.record({ role: fc.constantFrom(...ITEM_CHOICES.authority) }),
    need: fc.record({ severity: fc.constantFrom(...ITEM_CHOICES.need) }),
    timeline: fc.record({ horizon: fc.constantFrom(...ITEM_CHOICES.timeline) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

type Step = { kind: 'hear'; patch: BantAnswers; days: number } | { kind: 'decide'; action: StageAction; role: (typeof ACTOR_ROLES)[number]; days: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('hear' as const), patch: patchArb, days: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ kind: fc.constant('decide' as const), action: actionArb, role: fc.constantFrom(...ACTOR_ROLES), days: fc.integer({ min: 0, max: 30 }) }),
);

type Recorded = { event: TransitionEvent; answers: BantAnswers };

// What a consistent lead looks like, stated without the machine's table.
const checkConsistent = (stage: Stage, history: Recorded[], initial: Stage): void => {
  let current = initial;
  for (const { event, answers } of history) {
    expect(event.from).toBe(current);
    expect(event.to).not.toBe(event.from);
    expect(event.definitionVersion).toBe(definitions.version);
    current = event.to;
    const today = jstDay(new Date(event.at));
    switch (event.to) {
      case 'tql': {
        expect(event.action).toBe('qualify');
        expect(['rep', 'team_lead']).toContain(event.actorRole);
        const met = evaluate(definitions.rules.tql, answers, today).met;
        // Met, or an explicit override carrying a reason: never TQL silently.
        if (met) expect(event.override).toBe(false);
        else expect(event.override && Boolean(event.comment)).toBe(true);
        break;
      }
      case 'sal':
        expect(event.from).toBe('tql');
        expect(['field_sales', 'team_lead']).toContain(event.actorRole);
        break;
      case 'nurture':
        expect(event.reason).toBeTruthy();
        expect(event.recontactOn! > today).toBe(true);
        break;
      case 'disqualified':
        expect(DISQUALIFY_REASONS as readonly string[]).toContain(event.reason);
        break;
      case 'customer':
        expect(event.from).toBe('opportunity');
        break;
    }
    if (event.action === 'reject') {
      expect(event.reasonGroup).toBe(REJECT_REASONS[event.reason as keyof typeof REJECT_REASONS]);
      expect(event.comment).toBeTruthy();
    }
    if (event.actorRole === 'rep') expect(['sal', 'sql', 'opportunity', 'customer']).not.toContain(event.to);
    if (event.from === 'disqualified') expect(event.actorRole).toBe('team_lead');
  }
  expect(current).toBe(stage);
};

describe('no sequence of allowed actions reaches an inconsistent lead', () => {
  it('holds for random hearings and decisions by any role, down to every stage', () => {
    const reached = new Set<Stage>();
    fc.assert(
      fc.property(fc.constantFrom<Stage>('lead', 'mql'), fc.array(stepArb, { minLength: 1, maxLength: 150, size: 'max' }), (initial, steps) => {
        let stage = initial;
        let answers: BantAnswers = {};
        let at = start;
        const history: Recorded[] = [];
        for (const step of steps) {
          at += step.days * DAY_MS;
          const now = new Date(at);
          if (step.kind === 'hear') {
            answers = mergeAnswers(answers, step.patch, jstDay(now)).answers;
            continue;
          }
          const decision = decideTransition({ stage, action: step.action, role: step.role, definitions, answers, now });
          if (!decision.allowed) continue;
          history.push({ event: decision.event, answers });
          stage = decision.to;
          reached.add(stage);
        }
        checkConsistent(stage, history, initial);
      }),
      { numRuns: 1000 },
    );
    // The runs must get deep enough for the invariants to mean something.
    expect([...reached].sort()).toEqual(['customer', 'disqualified', 'mql', 'nurture', 'opportunity', 'sal', 'sql', 'tql']);
  });
});
