import type { Callback } from '../../../shared/api/calls';
import { newId } from '../db/ids';
import type { BackendContext } from '../context';
import { BantamError } from '../errors';

type CallbackRow = {
  id: string;
  lead_id: string;
  company_name: string;
  family_name: string | null;
  given_name: string | null;
  due_at: string;
  note: string | null;
  status: Callback['status'];
  created_at: string;
};

const COLUMNS = 'c.id, c.lead_id, l.company_name, l.family_name, l.given_name, c.due_at, c.note, c.status, c.created_at';
const MINUTE_MS = 60_000;

export type CallbackStatus = Callback['status'];

// Callbacks promised to leads. Each change is one transaction with its outbox op; handled
// callbacks stay as history (done or cancelled), never deleted.
export const createCallbackRepository = (ctx: BackendContext) => {
  const { db } = ctx.store;
  const insert = db.prepare('INSERT INTO callbacks (id, lead_id, due_at, note, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const byId = db.prepare(`SELECT ${COLUMNS} FROM callbacks c JOIN leads l ON l.id = c.lead_id WHERE c.id = ?`);
  const byStatus = db.prepare(`SELECT ${COLUMNS} FROM callbacks c JOIN leads l ON l.id = c.lead_id
    WHERE c.status = ? ORDER BY c.due_at ASC, c.id ASC LIMIT 1000`);
  const byLead = db.prepare(`SELECT ${COLUMNS} FROM callbacks c JOIN leads l ON l.id = c.lead_id
    WHERE c.lead_id = ? AND c.status = ? ORDER BY c.due_at ASC, c.id ASC`);
  const openOfLead = db.prepare("SELECT id, due_at FROM callbacks WHERE lead_id = ? AND status = 'open'");
  const handle = db.prepare("UPDATE callbacks SET status = ?, handled_at = ?, handled_by_call = ? WHERE id = ? AND status = 'open'");
  const dueBetween = db.prepare(`SELECT ${COLUMNS} FROM callbacks c JOIN leads l ON l.id = c.lead_id
    WHERE c.status = 'open' AND c.due_at > ? AND c.due_at <= ? ORDER BY c.due_at ASC, c.id ASC`);
  const nextOpen = db.prepare("SELECT due_at FROM callbacks WHERE status = 'open' AND due_at > ? ORDER BY due_at ASC LIMIT 1");
  // Derived, so neither versioned nor in the outbox: the callback ops carry the change.
  const syncLead = db.prepare("UPDATE leads SET next_callback_at = (SELECT min(due_at) FROM callbacks WHERE lead_id = ? AND status = 'open') WHERE id = ?");
  const countDue = db.prepare(`SELECT count(*) AS n FROM callbacks c JOIN leads l ON l.id = c.lead_id
    WHERE c.status = 'open' AND c.due_at <= ? AND (l.owner = ? OR l.owner IS NULL) AND l.deleted_at IS NULL`);

  const toCallback = (row: CallbackRow, missedMinutes: number): Callback => ({
    id: row.id,
    leadId: row.lead_id,
    companyName: row.company_name,
    personName: [row.family_name, row.given_name].filter(Boolean).join(' '),
    dueAt: row.due_at,
    note: row.note,
    status: row.status,
    missed: row.status === 'open' && ctx.now().getTime() - Date.parse(row.due_at) >= missedMinutes * MINUTE_MS,
    createdAt: row.created_at,
  });

  const setStatus = (id: string, leadId: string, status: 'done' | 'cancelled', at: string, callId: string | null): void => {
    if (handle.run(status, at, callId, id).changes === 0) return;
    syncLead.run(leadId, leadId);
    ctx.outbox.append({ entity: 'callback', entityId: id, op: `callback.${status}`, payload: { leadId, at, callId } }, at);
  };

  return {
    get(id: string, missedMinutes: number): Callback {
      const row = byId.get(id) as CallbackRow | undefined;
      if (!row) throw new BantamError('not_found', 'No callback with this id exists.', { messageKey: 'call.error.callbackNotFound' });
      return toCallback(row, missedMinutes);
    },
    list(status: CallbackStatus, leadId: string | undefined, missedMinutes: number): Callback[] {
      const rows = (leadId === undefined ? byStatus.all(status) : byLead.all(leadId, status)) as CallbackRow[];
      return rows.map((row) => toCallback(row, missedMinutes));
    },
    // A new promise replaces the lead's open one: a lead has at most one callback to keep.
    scheduleInTransaction(leadId: string, dueAt: string, note: string | null, at: string): string {
      for (const open of openOfLead.all(leadId) as { id: string }[]) setStatus(open.id, leadId, 'cancelled', at, null);
      const id = newId();
      insert.run(id, leadId, dueAt, note, 'open', ctx.actor(), at);
      syncLead.run(leadId, leadId);
      ctx.outbox.append({ entity: 'callback', entityId: id, op: 'callback.schedule', payload: { leadId, dueAt, note } }, at);
      return id;
    },
    cancelInTransaction(id: string, leadId: string, at: string): void {
      setStatus(id, leadId, 'cancelled', at, null);
    },
    // The lead left the stages reps call in: its promises are no longer the rep's to keep.
    cancelAllOfLeadInTransaction(leadId: string, at: string): void {
      for (const open of openOfLead.all(leadId) as { id: string }[]) setStatus(open.id, leadId, 'cancelled', at, null);
    },
    // A call logged on the lead keeps the promises that fell due; later ones stay open. A
    // do-not-call outcome drops them all.
    closeForCallInTransaction(leadId: string, callId: string, at: string, all: boolean): void {
      for (const open of openOfLead.all(leadId) as { id: string; due_at: string }[]) {
        if (open.due_at <= at) setStatus(open.id, leadId, 'done', at, callId);
        else if (all) setStatus(open.id, leadId, 'cancelled', at, null);
      }
    },
    dueBetween(after: string, upTo: string, missedMinutes: number): Callback[] {
      return (dueBetween.all(after, upTo) as CallbackRow[]).map((row) => toCallback(row, missedMinutes));
    },
    nextDueAfter(at: string): string | null {
      return (nextOpen.get(at) as { due_at: string } | undefined)?.due_at ?? null;
    },
    countDue(upTo: string, owner: string): number {
      return (countDue.get(upTo, owner) as { n: number }).n;
    },
  };
};

export type CallbackRepository = ReturnType<typeof createCallbackRepository>;
