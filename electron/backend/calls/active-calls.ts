import type { ActiveCall } from '../../../shared/api/calls';
import { newId } from '../db/ids';
import type { BackendContext } from '../context';
import { BantamError } from '../errors';

type ActiveRow = { id: string; lead_id: string; phone_number: string | null; started_at: string };

const toActive = (row: ActiveRow): ActiveCall => ({ id: row.id, leadId: row.lead_id, phoneNumber: row.phone_number, startedAt: row.started_at });

// Calls in progress on this machine. Device-local, like drafts: they exist only until the call is
// logged (the call row and its outbox op are what syncs) or abandoned.
export const createActiveCalls = (ctx: BackendContext) => {
  const { db } = ctx.store;
  const byId = db.prepare('SELECT id, lead_id, phone_number, started_at FROM active_calls WHERE id = ?');
  const byLead = db.prepare('SELECT id, lead_id, phone_number, started_at FROM active_calls WHERE lead_id = ?');
  const all = db.prepare('SELECT id, lead_id, phone_number, started_at FROM active_calls ORDER BY started_at ASC');
  const insert = db.prepare('INSERT INTO active_calls (id, lead_id, phone_number, actor, started_at) VALUES (?, ?, ?, ?, ?)');
  const remove = db.prepare('DELETE FROM active_calls WHERE id = ?');
  const lead = db.prepare('SELECT do_not_call FROM leads WHERE id = ? AND deleted_at IS NULL');

  return {
    list: (): ActiveCall[] => (all.all() as ActiveRow[]).map(toActive),
    // Starting a lead already in a call resumes that call (e.g. after the window was reloaded).
    start(leadId: string, phoneNumber: string | null): ActiveCall {
      return db.transaction(() => {
        const found = lead.get(leadId) as { do_not_call: number } | undefined;
        if (!found) throw new BantamError('not_found', 'No lead with this id exists (it may have been deleted).', { messageKey: 'errors.lead.notFound' });
        if (found.do_not_call === 1) {
          throw new BantamError('forbidden', 'This lead asked not to be called (do-not-call). Nothing was started; choose another lead.', {
            messageKey: 'call.error.doNotCall',
          });
        }
        const running = byLead.get(leadId) as ActiveRow | undefined;
        if (running) return toActive(running);
        const row: ActiveRow = { id: newId(), lead_id: leadId, phone_number: phoneNumber, started_at: ctx.now().toISOString() };
        insert.run(row.id, leadId, phoneNumber, ctx.actor(), row.started_at);
        return toActive(row);
      })();
    },
    get(callId: string): ActiveCall {
      const row = byId.get(callId) as ActiveRow | undefined;
      if (!row) {
        throw new BantamError('not_found', 'This call is no longer in progress (it was already logged or abandoned). Start the call again to log it.', {
          messageKey: 'call.error.callNotActive',
        });
      }
      return toActive(row);
    },
    removeInTransaction(callId: string): void {
      remove.run(callId);
    },
  };
};

export type ActiveCalls = ReturnType<typeof createActiveCalls>;
