import { newId } from '../db/ids';
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

// Calls are append-only; the lead's call count and last call time are kept in step in the same
// transaction. Call inside a transaction.
export const createCallRepository = (ctx: BackendContext) => {
  const { db } = ctx.store;
  const insert = db.prepare(`INSERT INTO calls (id, lead_id, phone_number, outcome, started_at, ended_at, duration_seconds, note, callback_at, actor, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const touchLead = db.prepare(
    'UPDATE leads SET call_count = call_count + 1, last_called_at = max(coalesce(last_called_at, ?), ?), version = version + 1 WHERE id = ?',
  );
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
  };
};
