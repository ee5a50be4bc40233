import type { BantAnswers } from '../../../shared/domain/bant';
import type { Stage } from '../../../shared/domain/stages';
import type { Random } from './random';
import { APPROVAL_FLOWS, COMPETITOR_NAMES, PAIN_POINTS } from './word-lists';

const MAN_YEN = 10_000;

// The demo's hearing answers for a lead that ends at `stage` for `reason` (a coded reason for the
// side exits), as heard on its last connected call; null when nothing was heard. Qualified leads
// get answers that meet the default TQL definition, nurtured ones answers that explain the reason.
export const planAnswers = (random: Random, stage: Stage, reason: string | null): BantAnswers | null => {
  const need = (severity: 'high' | 'medium' | 'low' | 'none') => ({ severity, painPoints: random.pick(PAIN_POINTS), confidence: 'heard' as const });
  switch (stage) {
    case 'tql':
    case 'sal':
    case 'sql': {
      const low = random.int(10, 80) * 10 * MAN_YEN;
      return {
        budget: { status: 'secured_this_fy', amountMin: low, amountMax: low * 2, fiscalYearEndMonth: 3, confidence: random.chance(0.7) ? 'heard' : 'inferred' },
        authority: { role: random.chance(0.6) ? 'decision_maker' : 'influencer', approvalFlow: random.pick(APPROVAL_FLOWS), confidence: 'heard' },
        need: { ...need(random.chance(0.6) ? 'high' : 'medium'), verbatim: '今のやり方では限界を感じている' },
        timeline: { horizon: random.chance(0.5) ? 'within_3_months' : 'months_3_to_6', confidence: 'heard' },
        nextStep: { status: 'agreed', description: 'フィールドセールス同席でデモ' },
      };
    }
    case 'nurture':
      if (reason === 'budget_next_fy') return { budget: { status: 'planned_next_fy', fiscalYearEndMonth: 3, confidence: 'heard' }, need: need('medium') };
      if (reason === 'timing_later') return { timeline: { horizon: 'later', confidence: 'heard' }, need: need('medium') };
      return { need: { ...need('low'), verbatim: 'まずは情報収集の段階です' } };
    case 'disqualified':
      if (reason === 'no_need') return { need: { severity: 'none', confidence: 'heard', verbatim: '今のやり方で困っていない' } };
      if (reason === 'competitor_chosen') return { competitors: { status: 'comparing', names: random.pick(COMPETITOR_NAMES) }, need: need('medium') };
      return null;
    case 'mql':
      // Some MQLs were reached once and partly heard: the hearing goes on at the next call.
      return random.chance(0.8) ? { need: need(random.chance(0.5) ? 'high' : 'medium'), budget: { status: 'unknown' } } : null;
    default:
      return null;
  }
};
