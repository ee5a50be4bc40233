import type { Draft } from '../../../shared/api/calls';
import type { BackendContext } from '../context';

type DraftRow = { lead_id: string; body: string; saved_at: string };

// What the rep types during a call, saved as they type so a crash or power cut loses nothing.
// Device-local scratch: not synced and not in the outbox; the logged call carries the note.
export const createDraftRepository = (ctx: BackendContext) => {
  const { db } = ctx.store;
  const get = db.prepare('SELECT lead_id, body, saved_at FROM drafts WHERE lead_id = ?');
  const upsert = db.prepare(
    'INSERT INTO drafts (lead_id, body, saved_at) VALUES (?, ?, ?) ON CONFLICT (lead_id) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at',
  );
  const remove = db.prepare('DELETE FROM drafts WHERE lead_id = ?');
  return {
    get(leadId: string): Draft | null {
      const row = get.get(leadId) as DraftRow | undefined;
      return row ? { leadId: row.lead_id, body: row.body, savedAt: row.saved_at } : null;
    },
    save(leadId: string, body: string): Draft {
      const savedAt = ctx.now().toISOString();
      upsert.run(leadId, body, savedAt);
      return { leadId, body, savedAt };
    },
    discard(leadId: string): void {
      remove.run(leadId);
    },
  };
};

export type DraftRepository = ReturnType<typeof createDraftRepository>;
