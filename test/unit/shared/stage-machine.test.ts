import { describe, expect, it } from 'vitest';
import type { BantAnswers } from '../../../shared/domain/bant';
import { DEFAULT_REASON_LISTS } from '../../../shared/domain/reasons';
import { defaultDefinitions, type StageDefinitions } from '../../../shared/domain/stage-definitions';
import {
  ACTOR_ROLES,
  availableActions,
  decideTransition,
  STAGE_ACTIONS,
  stageActionSchema,
  type ActorRole,
  type StageAction,
  type StageActionKind,
  type TransitionRequest,
} from '../../../shared/domain/stage-machine';
import { STAGES, type Stage } from '../../../shared/domain/stages';
import { qualificationJa } from '../../../shared/i18n/qualification';

const now = new Date('2026-11-24T10:00:00+09:00');
const definitions: StageDefinitions = { ...defaultDefinitions('2026-11-01T00:00:00.000Z'), version: 7 };
const qualified: BantAnswers = {
  budget: { status: 'secured_this_fy' },
  authority: { role: 'decision_maker' },
  need: { severity: 'high' },
  timeline: { horizon: 'within_3_months', answeredOn: '2026-11-24' },
};

// The expected machine, written out by hand: from, action, to, the roles that may do it.
// Anything not on this list must be refused.
const EXPECTED = `
  lead          mark_mql          mql           system team_lead
  lead          qualify           tql           rep team_lead
  mql           qualify           tql           rep team_lead
  nurture       qualify           tql           rep team_lead
  lead          nurture           nurture       rep team_lead
  mql           nurture           nurture       rep team_lead
  tql           nurture           nurture       rep team_lead
  sal           nurture           nurture       field_sales team_lead
  sql           nurture           nurture       field_sales team_lead
  opportunity   nurture           nurture       field_sales team_lead
  lead          disqualify        disqualified  rep team_lead system
  mql           disqualify        disqualified  rep team_lead system
  tql           disqualify        disqualified  rep team_lead system
  nurture       disqualify        disqualified  rep team_lead system
  sal           disqualify        disqualified  field_sales team_lead
  sql           disqualify        disqualified  field_sales team_lead
  opportunity   disqualify        disqualified  field_sales team_lead
  tql           accept            sal           field_sales team_lead
  tql           reject            mql           field_sales team_lead
  sal           confirm_deal      sql           field_sales team_lead
  sql           open_opportunity  opportunity   field_sales team_lead
  opportunity   win               customer      field_sales team_lead system
  nurture       reopen            mql           rep team_lead system
  disqualified  reopen            mql           team_lead
`
  .trim()
  .split('\n')
  .map((line) => {
    const [from, action, to, ...roles] = line.trim().split(/\s+/) as [Stage, StageActionKind, Stage, ...ActorRole[]];
    return { from, action, to, roles };
  });

const expectedRow = (from: Stage, action: StageActionKind) => EXPECTED.find((r) => r.from === from && r.action === action);

// An action with everything its guard asks for, so only stage and role decide.
const complete = (action: StageActionKind): StageAction => {
  switch (action) {
    case 'nurture':
      return { kind: action, reason: 'budget_next_fy', recontactOn: '2027-04-01' };
    case 'disqualify':
      return { kind: action, reason: 'no_need' };
    case 'reject':
      return { kind: action, to: 'mql', reason: 'need_not_confirmed', comment: '予算の確認が取れていません' };
    case 'reopen':
      return { kind: action, comment: '興味が再燃' };
    default:
      return { kind: action };
  }
};

const decide = (over: Partial<TransitionRequest> & Pick<TransitionRequest, 'stage' | 'action' | 'role'>) =>
  decideTransition({ definitions, answers: qualified, now, ...over });

describe('the stage machine, every stage × action × role', () => {
  for (const stage of STAGES) {
    for (const action of STAGE_ACTIONS) {
      const row = expectedRow(stage, action);
      it(`${stage} · ${action}: ${row ? `→ ${row.to} for ${row.roles.join(', ')}` : 'refused'}`, () => {
        for (const role of ACTOR_ROLES) {
          const decision = decide({ stage, action: complete(action), role });
          if (row && row.roles.includes(role)) {
            expect(decision, role).toMatchObject({ allowed: true, to: row.to, event: { from: stage, to: row.to, action, actorRole: role } });
          } else if (row) {
            expect(decision, role).toEqual({ allowed: false, code: 'role_not_allowed', messageKey: 'qualification.refused.role_not_allowed', params: { action, role } });
          } else {
            expect(decision, role).toEqual({ allowed: false, code: 'wrong_stage', messageKey: 'qualification.refused.wrong_stage', params: { action, stage } });
          }
        }
      });
    }
  }

  it('offers each role exactly the actions of the expected table', () => {
    for (const stage of STAGES) {
      for (const role of ACTOR_ROLES) {
        const expected = STAGE_ACTIONS.filter((a) => expectedRow(stage, a)?.roles.includes(role));
        expect(availableActions(stage, role), `${stage} ${role}`).toEqual(expected);
      }
    }
  });
});

describe('every pair of stages', () => {
  const reachableBy = (from: Stage, to: Stage): string[] =>
    STAGE_ACTIONS.flatMap((action) =>
      ACTOR_ROLES.flatMap((role) => {
        const variants = action === 'reject' ? [complete(action), { ...complete(action), to: 'nurture', recontactOn: '2027-04-01' } as StageAction] : [complete(action)];
        return variants.filter((a) => {
          const d = decide({ stage: from, action: a, role });
          return d.allowed && d.to === to;
        }).map(() => `${action}:${role}`);
      }),
    );

  const expectedPairs = new Set([...EXPECTED.map((r) => `${r.from}>${r.to}`), 'tql>nurture']);
  for (const from of STAGES) {
    for (const to of STAGES) {
      const allowed = expectedPairs.has(`${from}>${to}`);
      it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(reachableBy(from, to).length > 0).toBe(allowed);
      });
    }
  }

  it('has a clear, worded reason for every refusal code', () => {
    for (const stage of STAGES) {
      for (const action of STAGE_ACTIONS) {
        for (const role of ACTOR_ROLES) {
          const d = decide({ stage, action: { kind: action } as StageAction, role, answers: {} });
          if (d.allowed) continue;
          const key = d.messageKey.replace('qualification.refused.', '') as keyof typeof qualificationJa.refused;
          expect(typeof qualificationJa.refused[key], d.messageKey).toBe('string');
        }
      }
    }
  });
});

describe('qualifying (TQL)', () => {
  it('records the definition version and the verdict when the definition is met', () => {
    const d = decide({ stage: 'mql', action: { kind: 'qualify', comment: '  次回は部長同席  ' }, role: 'rep' });
    expect(d).toEqual({
      allowed: true,
      to: 'tql',
      event: {
        action: 'qualify',
        from: 'mql',
        to: 'tql',
        actorRole: 'rep',
        reason: null,
        reasonGroup: null,
        comment: '次回は部長同席',
        recontactOn: null,
        override: false,
        verdict: 'met',
        definitionVersion: 7,
        at: '2026-11-24T01:00:00.000Z',
      },
    });
  });

  it('refuses when the definition is not met, saying how many conditions fail or are unknown', () => {
    const answers: BantAnswers = { need: { severity: 'high' }, authority: { role: 'user' } };
    expect(decide({ stage: 'mql', action: { kind: 'qualify' }, role: 'rep', answers })).toEqual({
      allowed: false,
      code: 'definition_not_met',
      messageKey: 'qualification.refused.definition_not_met',
      params: { failed: 1, missing: 2, version: 7 },
    });
  });

  it('takes an override only with a reason, and records it as an override', () => {
    const answers: BantAnswers = { need: { severity: 'high' } };
    expect(decide({ stage: 'mql', action: { kind: 'qualify', override: true }, role: 'rep', answers })).toMatchObject({ allowed: false, code: 'override_reason_required' });
    expect(decide({ stage: 'mql', action: { kind: 'qualify', override: true, comment: '   ' }, role: 'rep', answers })).toMatchObject({ allowed: false, code: 'override_reason_required' });
    expect(decide({ stage: 'mql', action: { kind: 'qualify', override: true, comment: '社長直々の依頼' }, role: 'rep', answers })).toMatchObject({
      allowed: true,
      event: { override: true, verdict: 'unknown', comment: '社長直々の依頼', definitionVersion: 7 },
    });
  });

  it('does not call it an override when the definition is met anyway', () => {
    expect(decide({ stage: 'lead', action: { kind: 'qualify', override: true, comment: '念のため' }, role: 'team_lead' })).toMatchObject({ allowed: true, event: { override: false, verdict: 'met' } });
  });

  it('applies the definitions it is given: a stricter version refuses the same answers', () => {
    const strict: StageDefinitions = {
      ...definitions,
      version: 8,
      rules: { ...definitions.rules, tql: { join: 'and', terms: [{ item: 'budget', op: 'amount_at_least', yen: 10_000_000 }] } },
    };
    expect(decide({ stage: 'mql', action: { kind: 'qualify' }, role: 'rep', definitions: strict })).toMatchObject({ allowed: false, params: { missing: 1, version: 8 } });
  });
});

describe('nurture', () => {
  it('needs a listed, switched-on reason', () => {
    expect(decide({ stage: 'mql', action: { kind: 'nurture', recontactOn: '2027-04-01' }, role: 'rep' })).toMatchObject({ code: 'reason_required', params: { list: 'nurture' } });
    expect(decide({ stage: 'mql', action: { kind: 'nurture', reason: 'no_need', recontactOn: '2027-04-01' }, role: 'rep' })).toMatchObject({
      code: 'unknown_reason',
      params: { list: 'nurture', reason: 'no_need' },
    });
    const off: StageDefinitions = { ...definitions, reasons: { ...DEFAULT_REASON_LISTS, nurture: [{ code: 'budget_next_fy', enabled: false }, { code: 'later', enabled: true }] } };
    expect(decide({ stage: 'mql', action: { kind: 'nurture', reason: 'budget_next_fy', recontactOn: '2027-04-01' }, role: 'rep', definitions: off })).toMatchObject({ code: 'unknown_reason' });
    expect(decide({ stage: 'mql', action: { kind: 'nurture', reason: 'later', recontactOn: '2027-04-01' }, role: 'rep', definitions: off })).toMatchObject({ allowed: true, event: { reason: 'later' } });
  });

  it('needs a re-contact date after today (JST)', () => {
    const early = new Date('2026-11-24T00:30:00+09:00'); // still 11-23 in UTC
    const nurture = (recontactOn?: string): StageAction => ({ kind: 'nurture', reason: 'timing_later', recontactOn });
    expect(decide({ stage: 'lead', action: nurture(), role: 'rep', now: early })).toMatchObject({ code: 'recontact_required' });
    expect(decide({ stage: 'lead', action: nurture('2026-11-24'), role: 'rep', now: early })).toMatchObject({
      code: 'recontact_not_future',
      params: { date: '2026-11-24', today: '2026-11-24' },
    });
    expect(decide({ stage: 'lead', action: nurture('2026-10-01'), role: 'rep', now: early })).toMatchObject({ code: 'recontact_not_future' });
    expect(decide({ stage: 'lead', action: nurture('2026-11-25'), role: 'rep', now: early })).toMatchObject({
      allowed: true,
      to: 'nurture',
      event: { reason: 'timing_later', recontactOn: '2026-11-25' },
    });
  });
});

describe('disqualify', () => {
  it('needs a coded reason from the list', () => {
    expect(decide({ stage: 'lead', action: { kind: 'disqualify' }, role: 'rep' })).toMatchObject({ code: 'reason_required', params: { list: 'disqualify' } });
    expect(decide({ stage: 'lead', action: { kind: 'disqualify', reason: 'rude' }, role: 'rep' })).toMatchObject({ code: 'unknown_reason' });
    expect(decide({ stage: 'lead', action: { kind: 'disqualify', reason: 'duplicate' }, role: 'system' })).toMatchObject({
      allowed: true,
      to: 'disqualified',
      event: { reason: 'duplicate', recontactOn: null },
    });
  });
});

describe('handoff rejection', () => {
  const reject = (over: Partial<Extract<StageAction, { kind: 'reject' }>>): StageAction => ({ kind: 'reject', to: 'mql', reason: 'contact_info_wrong', comment: '電話番号が別会社', ...over });

  it('records the coded reason with its group and goes back to the reps', () => {
    expect(decide({ stage: 'tql', action: reject({}), role: 'field_sales' })).toMatchObject({
      allowed: true,
      to: 'mql',
      event: { reason: 'contact_info_wrong', reasonGroup: 'clerical', comment: '電話番号が別会社', recontactOn: null },
    });
    expect(decide({ stage: 'tql', action: reject({ reason: 'already_in_negotiation' }), role: 'field_sales' })).toMatchObject({ event: { reasonGroup: 'procedural' } });
  });

  it('needs a reason from the rejection list and a comment', () => {
    expect(decide({ stage: 'tql', action: reject({ reason: undefined }), role: 'field_sales' })).toMatchObject({ code: 'reason_required', params: { list: 'reject' } });
    expect(decide({ stage: 'tql', action: reject({ reason: 'no_need' }), role: 'field_sales' })).toMatchObject({ code: 'unknown_reason', params: { list: 'reject' } });
    expect(decide({ stage: 'tql', action: reject({ comment: ' ' }), role: 'field_sales' })).toMatchObject({ code: 'comment_required', params: { action: 'reject' } });
  });

  it('sends to nurture only with a future re-contact date', () => {
    expect(decide({ stage: 'tql', action: reject({ to: 'nurture', reason: 'timeline_too_far' }), role: 'field_sales' })).toMatchObject({ code: 'recontact_required' });
    expect(decide({ stage: 'tql', action: reject({ to: 'nurture', reason: 'timeline_too_far', recontactOn: '2027-06-01' }), role: 'team_lead' })).toMatchObject({
      allowed: true,
      to: 'nurture',
      event: { reasonGroup: 'definitional', recontactOn: '2027-06-01', actorRole: 'team_lead' },
    });
  });

  it("uses the team's own reasons and groups", () => {
    const custom: StageDefinitions = { ...definitions, reasons: { ...DEFAULT_REASON_LISTS, reject: [{ code: 'too_small', group: 'definitional', enabled: true }] } };
    expect(decide({ stage: 'tql', action: reject({ reason: 'too_small' }), role: 'field_sales', definitions: custom })).toMatchObject({ event: { reason: 'too_small', reasonGroup: 'definitional' } });
    expect(decide({ stage: 'tql', action: reject({}), role: 'field_sales', definitions: custom })).toMatchObject({ code: 'unknown_reason' });
  });
});

describe('reopen', () => {
  it('reopens a nurtured lead without ceremony, a disqualified one only with the team lead’s comment', () => {
    expect(decide({ stage: 'nurture', action: { kind: 'reopen' }, role: 'system' })).toMatchObject({ allowed: true, to: 'mql', event: { comment: null } });
    expect(decide({ stage: 'disqualified', action: { kind: 'reopen' }, role: 'team_lead' })).toMatchObject({ code: 'comment_required', params: { action: 'reopen' } });
    expect(decide({ stage: 'disqualified', action: { kind: 'reopen', comment: '誤って対象外にした' }, role: 'team_lead' })).toMatchObject({ allowed: true, to: 'mql' });
  });
});

describe('the action schema the contract will use', () => {
  it('accepts every complete action and refuses unknown kinds and malformed dates', () => {
    for (const action of STAGE_ACTIONS) expect(stageActionSchema.parse(complete(action))).toEqual(complete(action));
    expect(stageActionSchema.safeParse({ kind: 'promote' }).success).toBe(false);
    const badDate = stageActionSchema.safeParse({ kind: 'nurture', reason: 'timing_later', recontactOn: '2027/04/01' });
    expect(badDate.error?.issues.map((i) => i.message)).toEqual(['Write the date as YYYY-MM-DD, e.g. 2026-04-01.']);
    expect(stageActionSchema.safeParse({ kind: 'reject', to: 'sal', reason: 'wrong_team', comment: 'x' }).success).toBe(false);
  });
});
