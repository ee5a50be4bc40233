import type Database from 'better-sqlite3';
import type { QueueInput } from '../../../shared/api/calls';
import type { CallingRules, QueueLead } from '../../../shared/domain/calling';
import { isHotLead, type QueueCandidate } from '../../../shared/domain/queue-order';
import { jstDay, startOfJstDay } from '../../../shared/domain/business-time';
import { isStage, TEMPERATURES, type Temperature } from '../../../shared/domain/stages';

// The queue reads a few hundred candidate leads through the indexes of 005_calling.sql, one read
// per bucket with a LIMIT, never the whole table; the pure ordering then decides.

// Must match the partial indexes' WHERE clauses word for word, or SQLite will not use them.
const CALLABLE = "l.deleted_at IS NULL AND l.do_not_call = 0 AND l.stage IN ('lead', 'mql')";
const NURTURED = "l.deleted_at IS NULL AND l.do_not_call = 0 AND l.stage = 'nurture' AND l.recontact_on IS NOT NULL";
const TEMPERATURE_RANK = "(CASE l.temperature WHEN 'hot' THEN 0 WHEN 'warm' THEN 1 WHEN 'cold' THEN 2 ELSE 3 END)";

// Phase one reads only what the ordering needs (turning SQLite values into JS values is most of
// the cost); phase two reads the rest for the leads actually shown.
const CANDIDATE_COLUMNS =
  'l.id, l.source, l.temperature, l.score, l.call_count, l.last_called_at, l.call_window_start, l.call_window_end, l.created_at, l.next_callback_at';
const DETAIL_COLUMNS = `id, company_name, family_name, given_name, family_name_kana, given_name_kana, title, phone, mobile,
  phone_status, mobile_status, stage, owner, import_id`;

type CandidateRow = {
  id: string;
  source: string | null;
  temperature: string | null;
  score: number | null;
  call_count: number;
  last_called_at: string | null;
  call_window_start: string | null;
  call_window_end: string | null;
  created_at: string;
  next_callback_at: string | null;
  nurtured_at?: string | null;
};
type DetailRow = {
  id: string;
  company_name: string;
  family_name: string | null;
  given_name: string | null;
  family_name_kana: string | null;
  given_name_kana: string | null;
  title: string | null;
  phone: string | null;
  mobile: string | null;
  phone_status: string | null;
  mobile_status: string | null;
  stage: string;
  owner: string | null;
  import_id: string | null;
};
export type QueueDetails = Omit<QueueLead, keyof QueueCandidate>;
type CallbackRow = CandidateRow & { callback_id: string; callback_due_at: string; callback_note: string | null };

// Whose leads: one owner, the team pool (NULL), or everyone ('*').
type OwnerScope = { kind: 'owner'; owner: string } | { kind: 'pool' } | { kind: 'all' };

const ownerScopes = (input: QueueInput, me: string): OwnerScope[] => {
  if (input.owner === '*') return [{ kind: 'all' }];
  if (input.owner !== undefined && input.owner !== me) return [{ kind: 'owner', owner: input.owner }];
  // My queue: my leads and the unowned team pool.
  return [{ kind: 'owner', owner: me }, { kind: 'pool' }];
};

// The bucket reads. Each names its index: without statistics SQLite may pick another index and
// sort, which is slow at 100,000 leads.
const READS = {
  // Leads with an open callback, earliest first (due ones and the next later ones), each with it.
  callbacks: {
    from: "leads l INDEXED BY leads_queue_callback CROSS JOIN callbacks c ON c.lead_id = l.id AND c.status = 'open' AND c.due_at = l.next_callback_at",
    where: 'l.next_callback_at IS NOT NULL',
    order: 'l.next_callback_at ASC',
    extraColumns: ', c.id AS callback_id, c.due_at AS callback_due_at, c.note AS callback_note',
  },
  // Never called and hot (by temperature or source), newest first.
  fresh: { from: 'leads l INDEXED BY leads_queue_fresh', where: 'l.call_count = 0 AND (HOT)', order: 'l.created_at DESC', extraColumns: '' },
  // Never called, by score then oldest first.
  rest: { from: 'leads l INDEXED BY leads_queue_rest', where: 'l.call_count = 0', order: 'l.score DESC, l.created_at ASC', extraColumns: '' },
  // Called before, below the nurture threshold and past the gap, by temperature then score.
  followUp: {
    from: 'leads l INDEXED BY leads_queue_follow_up',
    where: 'l.call_count > 0 AND l.call_count < @maxAttempts AND l.last_called_at <= @gapCutoff',
    order: `${TEMPERATURE_RANK} ASC, l.score DESC`,
    extraColumns: '',
  },
  // Called recently (today or inside the gap): what the cadence holds back, most recent first.
  recent: { from: 'leads l INDEXED BY leads_queue_recent', where: 'l.call_count > 0 AND l.last_called_at > @recentCutoff', order: 'l.last_called_at DESC', extraColumns: '' },
  // Called so often that nurture is proposed, most attempts first.
  exhausted: { from: 'leads l INDEXED BY leads_queue_fresh', where: 'l.call_count >= @maxAttempts', order: 'l.call_count DESC', extraColumns: '' },
  // Nurtured leads whose re-contact day has come (007_hearing.sql), longest waiting first; the
  // cadence and the ordering then treat them like any other lead, counting only the attempts made
  // since they went to nurture (the attempts that led there must not propose nurture again).
  recontact: {
    from: 'leads l INDEXED BY leads_queue_recontact',
    callable: NURTURED,
    where: 'l.recontact_on <= @today',
    order: 'l.recontact_on ASC',
    extraColumns: ', l.stage_changed_at AS nurtured_at',
  },
} as const;
type ReadName = keyof typeof READS;

export type QueueReadOptions = { now: Date; me: string; limit: number; rules: CallingRules };

const asTemperature = (value: string | null): Temperature | null =>
  value !== null && (TEMPERATURES as readonly string[]).includes(value) ? (value as Temperature) : null;

// Which never-called leads are hot, as SQL. With a source or temperature filter the answer is
// often known up front; null means none can be (scanning for them would read every fresh lead).
const hotCondition = (input: QueueInput, rules: CallingRules): string | null => {
  if (input.temperature === 'hot') return '1';
  if (input.source !== undefined) {
    if (isHotLead({ source: input.source, temperature: null }, rules.hotSources)) return '1';
    return input.temperature === undefined ? "l.temperature = 'hot'" : null;
  }
  const bySource = rules.hotSources.map((_, i) => `instr(lower(l.source), @hot${i}) > 0`);
  return input.temperature === undefined ? ["l.temperature = 'hot'", ...bySource].join(' OR ') : bySource.join(' OR ') || null;
};

export const createQueueReads = (db: Database.Database) => {
  const statements = new Map<string, Database.Statement>();
  const attemptsSince = db.prepare('SELECT count(*) AS n FROM calls WHERE lead_id = ? AND started_at >= ?');
  const detailOf = db.prepare(`SELECT ${DETAIL_COLUMNS} FROM leads WHERE id = ?`);
  const openCallbackOf = db.prepare("SELECT id, due_at AS dueAt, note FROM callbacks WHERE lead_id = ? AND status = 'open' AND due_at = ?");

  // The SQL of a read, or null when the filters rule out every lead it could find.
  const sqlFor = (read: ReadName, scope: OwnerScope, input: QueueInput, rules: CallingRules): string | null => {
    const spec = READS[read];
    const hot = hotCondition(input, rules);
    if (hot === null && spec.where.includes('HOT')) return null;
    const where = ['callable' in spec ? spec.callable : CALLABLE, spec.where.replace('HOT', hot ?? '')];
    if (scope.kind === 'owner') where.push('l.owner = @owner');
    if (scope.kind === 'pool') where.push('l.owner IS NULL');
    if (input.source !== undefined) where.push('l.source = @source');
    if (input.temperature !== undefined) where.push('l.temperature = @temperature');
    if (input.importId !== undefined) where.push('l.import_id = @importId');
    return `SELECT ${CANDIDATE_COLUMNS}${spec.extraColumns} FROM ${spec.from} WHERE ${where.join(' AND ')} ORDER BY ${spec.order} LIMIT @limit`;
  };

  const statement = (sql: string): Database.Statement => {
    let prepared = statements.get(sql);
    if (!prepared) {
      prepared = db.prepare(sql);
      statements.set(sql, prepared);
    }
    return prepared;
  };

  const toCandidate = (row: CandidateRow, todayStart: string): QueueCandidate => ({
    id: row.id,
    source: row.source,
    temperature: asTemperature(row.temperature),
    score: row.score,
    callCount: row.call_count,
    lastCalledAt: row.last_called_at,
    // Only a lead called since JST midnight can have attempts today: one indexed count for those.
    attemptsToday:
      row.last_called_at !== null && row.last_called_at >= todayStart ? (attemptsSince.get(row.id, todayStart) as { n: number }).n : 0,
    callWindow: row.call_window_start && row.call_window_end ? { start: row.call_window_start, end: row.call_window_end } : null,
    createdAt: row.created_at,
    callback: null,
  });

  const toDetails = (row: DetailRow): QueueDetails => ({
    companyName: row.company_name,
    familyName: row.family_name,
    givenName: row.given_name,
    familyNameKana: row.family_name_kana,
    givenNameKana: row.given_name_kana,
    title: row.title,
    phone: row.phone,
    mobile: row.mobile,
    wrongNumbers: [...(row.phone_status === 'wrong_number' ? (['phone'] as const) : []), ...(row.mobile_status === 'wrong_number' ? (['mobile'] as const) : [])],
    stage: isStage(row.stage) ? row.stage : 'lead',
    owner: row.owner,
    importId: row.import_id,
  });

  return {
    // The SQL of every read for these options, for EXPLAIN QUERY PLAN checks.
    sqlOf(input: QueueInput, options: QueueReadOptions): string[] {
      return ownerScopes(input, options.me).flatMap((scope) =>
        (Object.keys(READS) as ReadName[]).flatMap((read) => sqlFor(read, scope, input, options.rules) ?? []),
      );
    },
    // The rest of each shown lead, by id.
    details(ids: readonly string[]): Map<string, QueueDetails> {
      return new Map(ids.map((id) => [id, toDetails(detailOf.get(id) as DetailRow)]));
    },
    // Candidate leads for the queue, each once, with its earliest open callback.
    candidates(input: QueueInput, options: QueueReadOptions): QueueCandidate[] {
      const { now, rules } = options;
      const todayStart = startOfJstDay(now).toISOString();
      const gapCutoff = new Date(now.getTime() - rules.minGapMinutes * 60_000).toISOString();
      const params: Record<string, string | number> = {
        // A bucket offers at most `limit` leads; a few more cover those the cadence holds back.
        limit: options.limit + 10,
        maxAttempts: rules.maxAttemptsBeforeNurture,
        gapCutoff,
        recentCutoff: gapCutoff < todayStart ? gapCutoff : todayStart,
        today: jstDay(now),
      };
      rules.hotSources.forEach((hot, i) => {
        params[`hot${i}`] = hot.toLowerCase();
      });
      if (input.source !== undefined) params.source = input.source;
      if (input.temperature !== undefined) params.temperature = input.temperature;
      if (input.importId !== undefined) params.importId = input.importId;
      const leads = new Map<string, QueueCandidate>();
      for (const scope of ownerScopes(input, options.me)) {
        const scoped = scope.kind === 'owner' ? { ...params, owner: scope.owner } : params;
        for (const read of Object.keys(READS) as ReadName[]) {
          const sql = sqlFor(read, scope, input, rules);
          if (sql === null) continue;
          const stmt = statement(sql);
          const used = Object.fromEntries(Object.entries(scoped).filter(([key]) => stmt.source.includes(`@${key}`)));
          for (const row of stmt.all(used) as CallbackRow[]) {
            const known = leads.get(row.id);
            const lead = known ?? toCandidate(row, todayStart);
            if (!known && row.nurtured_at) lead.callCount = (attemptsSince.get(row.id, row.nurtured_at) as { n: number }).n;
            // A lead found by another read may still have a callback later than those read here.
            if (lead.callback === null && row.next_callback_at !== null) {
              lead.callback =
                read === 'callbacks'
                  ? { id: row.callback_id, dueAt: row.callback_due_at, note: row.callback_note }
                  : (openCallbackOf.get(row.id, row.next_callback_at) as QueueCandidate['callback']);
            }
            leads.set(row.id, lead);
          }
        }
      }
      return [...leads.values()];
    },
  };
};

export type QueueReads = ReturnType<typeof createQueueReads>;
