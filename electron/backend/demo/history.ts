import type { BuiltInOutcome } from '../../../shared/domain/calling';
import type { Stage } from '../../../shared/domain/stages';
import type { DemoLead } from './generate';
import type { Random } from './random';
import { CALL_NOTES, STAGE_REASONS } from './word-lists';

// The built-in outcomes a demo call can have (do-not-call leads are generated as such instead).
export const CALL_OUTCOMES = ['connected', 'no_answer', 'busy', 'voicemail', 'receptionist_block', 'wrong_number', 'callback_requested'] as const satisfies readonly BuiltInOutcome[];
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export type PlannedCall = { outcome: CallOutcome; startedAt: number; endedAt: number; note: string | null; callbackAt: number | null; useMobile: boolean };
export type PlannedTransition = { from: Stage; to: Stage; at: number; reason: string; byFieldSales: boolean };
// Times are epoch ms; the lead always enters as 'lead' and walks the transitions in order.
export type LeadHistory = { calls: PlannedCall[]; transitions: PlannedTransition[] };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const JST_OFFSET = 9 * HOUR;

// Attempts before the one that gets through: mostly nobody picks up.
const ATTEMPTS: readonly { outcome: CallOutcome; weight: number }[] = [
  { outcome: 'no_answer', weight: 35 },
  { outcome: 'busy', weight: 10 },
  { outcome: 'voicemail', weight: 15 },
  { outcome: 'receptionist_block', weight: 15 },
  { outcome: 'callback_requested', weight: 12 },
  { outcome: 'connected', weight: 10 },
];
const DURATION_S: Record<CallOutcome, [number, number]> = {
  connected: [180, 900],
  no_answer: [25, 45],
  busy: [3, 10],
  voicemail: [30, 70],
  receptionist_block: [40, 120],
  wrong_number: [15, 45],
  callback_requested: [40, 150],
};

// A moment in [from, to] on a weekday between 9:00 and 17:30 JST, if the window holds one.
export const businessTime = (random: Random, from: number, to: number): number => {
  if (to <= from) return from;
  for (let i = 0; i < 12; i += 1) {
    const jst = new Date(from + random.next() * (to - from) + JST_OFFSET);
    const weekday = jst.getUTCDay();
    const midnight = Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth(), jst.getUTCDate()) - JST_OFFSET;
    const at = midnight + 9 * HOUR + random.int(0, 510) * MINUTE + random.int(0, 59) * 1000;
    if (weekday !== 0 && weekday !== 6 && at >= from && at <= to) return at;
  }
  return Math.floor(from + random.next() * (to - from));
};

const planCalls = (random: Random, outcomes: CallOutcome[], from: number, to: number): PlannedCall[] => {
  const starts = outcomes.map(() => businessTime(random, from, to)).sort((a, b) => a - b);
  let free = from;
  return outcomes.map((outcome, i) => {
    // Keep calls apart: one ends before the next starts.
    const [min, max] = DURATION_S[outcome];
    // ...and never past the window's end, so no call lies in the future.
    const startedAt = Math.max(from, Math.min(Math.max(starts[i] ?? from, free), to - max * 1000));
    const endedAt = startedAt + random.int(min, max) * 1000;
    free = endedAt + 5 * MINUTE;
    const notes = CALL_NOTES[outcome];
    return {
      outcome,
      startedAt,
      endedAt,
      note: notes && random.chance(0.8) ? random.pick(notes) : null,
      callbackAt: outcome === 'callback_requested' ? businessTime(random, endedAt + 2 * HOUR, endedAt + 3 * DAY) : null,
      useMobile: random.chance(0.2),
    };
  });
};

const attempts = (random: Random, n: number): CallOutcome[] => Array.from({ length: n }, () => random.weighted(ATTEMPTS).outcome);

export const planHistory = (random: Random, lead: DemoLead, nowMs: number): LeadHistory => {
  const created = Date.parse(lead.createdAt);
  const latest = nowMs - MINUTE;
  const span = (from: number, share: number): number => Math.min(latest, from + Math.max(HOUR, (latest - from) * share));
  const transitions: PlannedTransition[] = [];
  const move = (from: Stage, to: Stage, at: number, reason: string, byFieldSales = false): number => {
    const when = Math.min(latest, Math.max(at, transitions.at(-1)?.at ?? created));
    transitions.push({ from, to, at: when, reason, byFieldSales });
    return when;
  };
  const { stage } = lead;
  // Side exits come from either lead or MQL; the funnel stages all pass MQL.
  const sideExit = stage === 'nurture' || stage === 'disqualified';
  const viaMql = stage !== 'lead' && (!sideExit || random.chance(0.45));
  const mqlAt = viaMql ? move('lead', 'mql', created + random.int(10, Math.min(3 * 24 * 60, Math.max(10, (latest - created) / MINUTE / 3))) * MINUTE, STAGE_REASONS.mql) : created;

  if (stage === 'lead') return { calls: random.chance(0.3) ? planCalls(random, attempts(random, random.int(1, 2)).map((o) => (o === 'connected' ? 'no_answer' : o)), created, latest) : [], transitions };
  if (stage === 'mql') return { calls: random.chance(0.6) ? planCalls(random, attempts(random, random.int(1, 3)), mqlAt, latest) : [], transitions };

  const from = viaMql ? 'mql' : 'lead';
  if (sideExit) {
    const wrong = stage === 'disqualified' && !lead.doNotCall && random.chance(0.3);
    const last: CallOutcome = wrong ? 'wrong_number' : 'connected';
    const calls = planCalls(random, [...attempts(random, random.int(0, 2)), last], mqlAt, span(mqlAt, 0.7));
    const after = (calls.at(-1)?.endedAt ?? mqlAt) + random.int(5, 30) * MINUTE;
    const reason =
      stage === 'nurture'
        ? random.pick(STAGE_REASONS.nurture)
        : wrong
          ? STAGE_REASONS.wrongNumber
          : lead.doNotCall
            ? STAGE_REASONS.doNotCall
            : random.pick(STAGE_REASONS.disqualified);
    move(from, stage, after, reason);
    return { calls, transitions };
  }

  // Past MQL: attempts, then the connected call where BANT was heard, then the handoff.
  const calls = planCalls(random, [...attempts(random, random.int(0, 5)), 'connected'], mqlAt, span(mqlAt, stage === 'tql' ? 0.8 : 0.4));
  const tqlAt = move('mql', 'tql', (calls.at(-1)?.endedAt ?? mqlAt) + random.int(5, 40) * MINUTE, STAGE_REASONS.tql);
  if (stage === 'tql') return { calls, transitions };
  const salAt = move('tql', 'sal', businessTime(random, tqlAt + HOUR, span(tqlAt, 0.3) - HOUR), STAGE_REASONS.sal, true);
  if (stage === 'sql') move('sal', 'sql', businessTime(random, salAt + DAY, span(salAt, 0.8)), STAGE_REASONS.sql, true);
  return { calls, transitions };
};
