import type { HearingChange } from '../../../shared/api/qualification';
import { mergeAnswers, type BantAnswers, type HearingItem } from '../../../shared/domain/bant';
import { jstDay } from '../../../shared/domain/business-time';
import type { BackendContext } from '../context';
import { newId } from '../db/ids';

type HearingRow = { answers: string; updated_at: string };
type ChangeRow = { id: string; lead_id: string; item: HearingItem; before: string | null; after: string | null; script_version: number; actor: string; changed_at: string };
type DraftRow = { answers: string; saved_at: string };

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));
const parsed = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export type SavedHearing = { answers: BantAnswers; changed: HearingItem[] };

// A lead's hearing: the answers as they stand (lead_hearings) and every change to them
// (hearing_changes, append-only), kept in step in one transaction; plus the device-local draft.
export const createHearingStore = (ctx: BackendContext) => {
  const { db } = ctx.store;
  const current = db.prepare('SELECT answers, updated_at FROM lead_hearings WHERE lead_id = ?');
  const upsert = db.prepare(`INSERT INTO lead_hearings (lead_id, answers, script_version, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (lead_id) DO UPDATE SET answers = excluded.answers, script_version = excluded.script_version,
      updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
  const insertChange = db.prepare(
    'INSERT INTO hearing_changes (id, lead_id, item, before, after, script_version, actor, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const history = db.prepare(
    'SELECT id, lead_id, item, before, after, script_version, actor, changed_at FROM hearing_changes WHERE lead_id = ? ORDER BY changed_at DESC, id DESC',
  );
  const draft = db.prepare('SELECT answers, saved_at FROM hearing_drafts WHERE lead_id = ?');
  const upsertDraft = db.prepare(
    'INSERT INTO hearing_drafts (lead_id, answers, saved_at) VALUES (?, ?, ?) ON CONFLICT (lead_id) DO UPDATE SET answers = excluded.answers, saved_at = excluded.saved_at',
  );
  const dropDraft = db.prepare('DELETE FROM hearing_drafts WHERE lead_id = ?');

  const answersOf = (leadId: string): { answers: BantAnswers; updatedAt: string | null } => {
    const row = current.get(leadId) as HearingRow | undefined;
    return row ? { answers: JSON.parse(row.answers) as BantAnswers, updatedAt: row.updated_at } : { answers: {}, updatedAt: null };
  };

  return {
    answersOf,
    // Merges one call's answers onto the lead: a change row per item that changed, the current
    // answers, one outbox op, and the draft dropped (its edits are saved). Call inside a transaction.
    saveInTransaction(leadId: string, patch: BantAnswers, scriptVersion: number, at: Date, actor = ctx.actor()): SavedHearing {
      const before = answersOf(leadId).answers;
      const { answers, changed } = mergeAnswers(before, patch, jstDay(at));
      dropDraft.run(leadId);
      if (changed.length === 0) return { answers: before, changed };
      const when = at.toISOString();
      const changes = changed.map((item) => {
        const id = newId();
        insertChange.run(id, leadId, item, json(before[item]), json(answers[item]), scriptVersion, actor, when);
        return { id, item, after: answers[item] ?? null };
      });
      upsert.run(leadId, JSON.stringify(answers), scriptVersion, actor, when);
      ctx.outbox.append({ entity: 'lead_hearing', entityId: leadId, op: 'hearing.save', payload: { leadId, scriptVersion, actor, changes } }, when);
      return { answers, changed };
    },
    history(leadId: string): HearingChange[] {
      return (history.all(leadId) as ChangeRow[]).map((r) => ({
        id: r.id,
        leadId: r.lead_id,
        item: r.item,
        before: parsed(r.before),
        after: parsed(r.after),
        scriptVersion: r.script_version,
        actor: r.actor,
        at: r.changed_at,
      }));
    },
    draftOf(leadId: string): { answers: BantAnswers; savedAt: string } | null {
      const row = draft.get(leadId) as DraftRow | undefined;
      return row ? { answers: JSON.parse(row.answers) as BantAnswers, savedAt: row.saved_at } : null;
    },
    // Device-local scratch: not synced, no outbox op, no history.
    saveDraft(leadId: string, answers: BantAnswers): { leadId: string; savedAt: string } {
      const savedAt = ctx.now().toISOString();
      upsertDraft.run(leadId, JSON.stringify(answers), savedAt);
      return { leadId, savedAt };
    },
  };
};

export type HearingStore = ReturnType<typeof createHearingStore>;
