import { newId } from '../db/ids';
import type { CallLog } from '../../../shared/api/calls';
import type { BackendContext } from '../context';

export type CallRecord = {
  leadId: string;
  phoneNumber: string | null;
  outcome: string;
  startedAt: string;
  endedAt: string | null;
  note: string | null;
  callbackAt: string | null;
};

type CallRow = {
  id: string;
  lead_id: string;
  company_name: string;
  family_name: string | null;
  given_name: string | null;
  phone_number: string | null;
  outcome: string;
  started_at: string;
  ended_at: string | null;
  duration_seconds: number | null;
  note: string | null;
  callback_at: string | null;
  actor: string;
};

const CALL_COLUMNS = `c.id, c.lead_id, l.company_name, l.family_name, l.given_name, c.phone_number, c.outcome, c.started_at,
  c.ended_at, c.duration_seconds, c.note, c.callback_at, c.actor`;

const toCallLog = (row: CallRow): CallLog => ({
  id: row.id,
  leadId: row.lead_id,
  companyName: row.company_name,
  personName: [row.family_name, row.given_name].filter(Boolean).join(' '),
  phoneNumber: row.phone_number,
  outcome: row.outcome,
  startedAt: row.started_at,
  endedAt: row.ended_at,
  durationSeconds: row.duration_seconds,
  note: row.note,
  callbackAt: row.callback_at,
  actor: row.actor,
});

export type CallListFilter = { leadId?: string | undefined; since?: string | undefined; limit: number };

// Calls are append-only; the lead's call count and last call time are kept in step in the same
// transaction. Call inside a transaction.
export const createCallRepository = (ctx: BackendContext) => {
  const { db } = ctx.store;
  const insert = db.prepare(`INSERT INTO calls (id, lead_id, phone_number, outcome, started_at, ended_at, duration_seconds, note, callback_at, actor, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const touchLead = db.prepare(
    'UPDATE leads SET call_count = call_count + 1, last_called_at = max(coalesce(last_called_at, ?), ?), version = version + 1 WHERE id = ?',
  );
  const byId = db.prepare(`SELECT ${CALL_COLUMNS} FROM calls c JOIN leads l ON l.id = c.lead_id WHERE c.id = ?`);
  const lists = {
    all: db.prepare(`SELECT ${CALL_COLUMNS} FROM calls c JOIN leads l ON l.id = c.lead_id
      WHERE c.started_at >= @since ORDER BY c.started_at DESC, c.id DESC LIMIT @limit`),
    lead: db.prepare(`SELECT ${CALL_COLUMNS} FROM calls c JOIN leads l ON l.id = c.lead_id
      WHERE c.lead_id = @leadId AND c.started_at >= @since ORDER BY c.started_at DESC, c.id DESC LIMIT @limit`),
  };
  const countSince = db.prepare(`SELECT outcome, count(*) AS n FROM calls WHERE actor = ? AND started_at >= ? GROUP BY outcome`);
  return {
    appendInTransaction(call: CallRecord, actor: string): string {
      const id = newId();
      const duration =
        call.endedAt === null ? null : Math.max(0, Math.round((Date.parse(call.endedAt) - Date.parse(call.startedAt)) / 1000));
      insert.run(id, call.leadId, call.phoneNumber, call.outcome, call.startedAt, call.endedAt, duration, call.note, call.callbackAt, actor, call.endedAt ?? call.startedAt);
      touchLead.run(call.startedAt, call.startedAt, call.leadId);
      ctx.outbox.append({ entity: 'call', entityId: id, op: 'call.log', payload: { ...call, id, durationSeconds: duration } }, call.endedAt ?? call.startedAt);
      return id;
    },
    get(id: string): CallLog {
      return toCallLog(byId.get(id) as CallRow);
    },
    list(filter: CallListFilter): CallLog[] {
      const params = { since: filter.since ?? '', limit: filter.limit };
      const rows = filter.leadId === undefined ? lists.all.all(params) : lists.lead.all({ ...params, leadId: filter.leadId });
      return (rows as CallRow[]).map(toCallLog);
    },
    // How many calls this actor logged since an instant, per outcome code.
    outcomesSince(actor: string, since: string): Map<string, number> {
      return new Map((countSince.all(actor, since) as { outcome: string; n: number }[]).map((r) => [r.outcome, r.n]));
    },
  };
};

export type CallRepository = ReturnType<typeof createCallRepository>;
