import { isCallingTime, type CallWindow } from './business-time';
import { cadenceHold } from './cadence';
import type { CallingRules, QueueBucket, QueueHold, QueueLead, QueueReason } from './calling';
import type { Temperature } from './stages';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

export type QueueOrderOptions = {
  // Leads in a call on this machine right now.
  inCall: ReadonlySet<string>;
  // At most this many offered entries and this many held ones.
  limit: number;
};

// What the ordering needs to know about a lead; the queue reads the rest only for the leads shown.
export type QueueCandidate = Pick<
  QueueLead,
  'id' | 'source' | 'temperature' | 'score' | 'callCount' | 'lastCalledAt' | 'attemptsToday' | 'callWindow' | 'createdAt' | 'callback'
>;
type Entry<L> = { lead: L; reason: QueueReason };
type Held<L> = { lead: L; hold: QueueHold };

export type OrderedQueue<L extends QueueCandidate> = {
  entries: Entry<L>[];
  held: Held<L>[];
  counts: { offered: number; held: number; callbacksDue: number; callbacksMissed: number };
};

const TEMPERATURE_RANK: Record<Temperature, number> = { hot: 0, warm: 1, cold: 2 };
const temperatureRank = (t: Temperature | null): number => (t === null ? 3 : TEMPERATURE_RANK[t]);

// A hot source matches when the lead's source contains it, ignoring case: 'お問い合わせ（Web）'
// is an inquiry as much as '問い合わせ'.
export const isHotLead = (lead: Pick<QueueCandidate, 'temperature' | 'source'>, hotSources: readonly string[]): boolean => {
  if (lead.temperature === 'hot') return true;
  const source = lead.source?.toLowerCase();
  return source !== undefined && hotSources.some((hot) => source.includes(hot.toLowerCase()));
};

const ageMs = (since: string, now: Date): number => now.getTime() - Date.parse(since);

// The bucket a callable lead belongs to, with the facts that explain its place.
const reasonFor = (lead: QueueCandidate, rules: CallingRules, now: Date): QueueReason => {
  if (lead.callback) {
    const overdue = Math.floor(ageMs(lead.callback.dueAt, now) / MINUTE_MS);
    return { bucket: 'callback_due', dueAt: lead.callback.dueAt, overdueMinutes: overdue, missed: overdue >= rules.missedAfterMinutes };
  }
  if (lead.callCount === 0 && isHotLead(lead, rules.hotSources)) {
    const hours = ageMs(lead.createdAt, now) / HOUR_MS;
    return {
      bucket: 'hot_new',
      arrivedAt: lead.createdAt,
      hoursSinceArrival: Math.floor(hours * 10) / 10,
      targetHours: rules.speedToLeadHours,
      overTarget: hours > rules.speedToLeadHours,
    };
  }
  if (lead.callCount > 0) {
    return { bucket: 'cadence_due', attempts: lead.callCount, lastCalledAt: lead.lastCalledAt, temperature: lead.temperature, score: lead.score };
  }
  return { bucket: 'rest', attempts: lead.callCount, lastCalledAt: lead.lastCalledAt };
};

// Code-unit order: ISO instants and ids compare correctly, whatever the locale.
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
type Ordered = Entry<QueueCandidate>;
const byId = (a: Ordered, b: Ordered): number => compareText(a.lead.id, b.lead.id);
const byScore = (a: Ordered, b: Ordered): number => (b.lead.score ?? -Infinity) - (a.lead.score ?? -Infinity);

// Within a bucket: callbacks oldest promise first; hot new leads newest first (the fresher the
// inquiry, the likelier the answer); cadence by temperature then score; the rest by score, then
// oldest first so nobody waits forever. Ties by id keep the order stable.
const WITHIN: Record<QueueBucket, (a: Ordered, b: Ordered) => number> = {
  callback_due: (a, b) => compareText(a.lead.callback!.dueAt, b.lead.callback!.dueAt) || byId(a, b),
  hot_new: (a, b) => compareText(b.lead.createdAt, a.lead.createdAt) || byId(a, b),
  cadence_due: (a, b) => temperatureRank(a.lead.temperature) - temperatureRank(b.lead.temperature) || byScore(a, b) || byId(a, b),
  rest: (a, b) => byScore(a, b) || compareText(a.lead.createdAt, b.lead.createdAt) || byId(a, b),
};

// The queue: which of the rep's leads to call now and in what order, and which are held back and
// why. Pure: the caller reads the candidate leads; a lead's `callback` is its earliest open one.
export const orderQueue = <L extends QueueCandidate>(leads: readonly L[], rules: CallingRules, now: Date, options: QueueOrderOptions): OrderedQueue<L> => {
  const buckets = new Map<QueueBucket, Entry<L>[]>(rules.bucketOrder.map((b) => [b, []]));
  const held: Held<L>[] = [];
  let callbacksDue = 0;
  let callbacksMissed = 0;
  const callingNow = new Map<string, boolean>();
  const isCallingNow = (window: CallWindow | null): boolean => {
    const key = window ? `${window.start}-${window.end}` : '';
    let answer = callingNow.get(key);
    if (answer === undefined) {
      answer = isCallingTime(now, rules, window);
      callingNow.set(key, answer);
    }
    return answer;
  };
  for (const lead of leads) {
    if (options.inCall.has(lead.id)) {
      held.push({ lead, hold: { kind: 'in_call' } });
      continue;
    }
    if (lead.callback && Date.parse(lead.callback.dueAt) > now.getTime()) {
      held.push({ lead, hold: { kind: 'callback_later', dueAt: lead.callback.dueAt } });
      continue;
    }
    // A callback that fell due is a promise: it is offered whatever the cadence says.
    const hold = lead.callback ? null : cadenceHold(lead, rules, now, isCallingNow);
    if (hold) {
      held.push({ lead, hold });
      continue;
    }
    const reason = reasonFor(lead, rules, now);
    if (reason.bucket === 'callback_due') {
      callbacksDue += 1;
      if (reason.missed) callbacksMissed += 1;
    }
    buckets.get(reason.bucket)!.push({ lead, reason });
  }
  const offered = rules.bucketOrder.flatMap((bucket) => buckets.get(bucket)!.sort(WITHIN[bucket]));
  held.sort((a, b) => compareText(holdTime(a), holdTime(b)) || compareText(a.lead.id, b.lead.id));
  return {
    entries: offered.slice(0, options.limit),
    held: held.slice(0, options.limit),
    counts: { offered: offered.length, held: held.length, callbacksDue, callbacksMissed },
  };
};

// Held leads soonest-callable first; those with no time (in a call, nurture proposed) last.
const holdTime = (entry: Held<QueueCandidate>): string => {
  const hold = entry.hold;
  if (hold.kind === 'callback_later') return hold.dueAt;
  if (hold.kind === 'in_call' || hold.kind === 'nurture_proposed') return '\uffff';
  return hold.nextAt;
};
