import type { LeadTimeline, TimelineDecision, TimelineEntry } from '../../../shared/api/lead-edits';
import type { HearingItem } from '../../../shared/domain/bant';
import type { StageActionKind } from '../../../shared/domain/stage-machine';
import type { BackendContext } from '../context';
import { leadNotFound } from './lead-edits';

// The lead and every lead merged into it (transitively) while the merge stands: their history is
// shown together without rewriting a single history row.
const GROUP = `WITH RECURSIVE grp(id) AS (
  SELECT @id
  UNION
  SELECT m.loser_id FROM lead_merges m JOIN grp ON m.survivor_id = grp.id WHERE m.undone_at IS NULL
)`;

type CallRow = { id: string; lead_id: string; at: string; actor: string; outcome: string; phone_number: string | null; duration_seconds: number | null; note: string | null; callback_at: string | null };
type StageRow = {
  id: string;
  lead_id: string;
  at: string;
  actor: string;
  from_stage: string | null;
  to_stage: string;
  reason: string | null;
  action: StageActionKind | null;
  comment: string | null;
  override_reason: string | null;
  definition_version: number | null;
  recontact_on: string | null;
};
type HearingRow = { id: string; lead_id: string; at: string; actor: string; items: string; script_version: number };
type NoteRow = { id: string; lead_id: string; at: string; actor: string; body: string };
type ImportRow = { id: string; lead_id: string; at: string; actor: string; file_name: string; undone_at: string | null; after: string | null };
type MergeRow = { id: string; survivor_id: string; loser_id: string; at: string; actor: string; undone_at: string | null; survivor_company: string; loser_company: string };

const decisionOf = (r: StageRow, action: StageActionKind): TimelineDecision => ({
  action,
  comment: r.comment,
  override: r.override_reason !== null,
  definitionVersion: r.definition_version ?? 1,
  recontactOn: r.recontact_on,
});

export const createLeadTimeline = (ctx: BackendContext) => {
  const { db } = ctx.store;
  const exists = db.prepare('SELECT 1 FROM leads WHERE id = ? AND deleted_at IS NULL').pluck();
  const calls = db.prepare(`${GROUP} SELECT id, lead_id, started_at AS at, actor, outcome, phone_number, duration_seconds, note, callback_at
    FROM calls WHERE lead_id IN (SELECT id FROM grp)`);
  const stages = db.prepare(`${GROUP} SELECT id, lead_id, occurred_at AS at, actor, from_stage, to_stage, reason, action, comment, override_reason,
      definition_version, recontact_on
    FROM stage_transitions WHERE lead_id IN (SELECT id FROM grp)`);
  // One entry per hearing save: its rows share the lead, the instant and the actor.
  const hearings = db.prepare(`${GROUP} SELECT min(id) AS id, lead_id, changed_at AS at, actor, json_group_array(item) AS items, max(script_version) AS script_version
    FROM hearing_changes WHERE lead_id IN (SELECT id FROM grp) GROUP BY lead_id, changed_at, actor`);
  const notes = db.prepare(`${GROUP} SELECT id, lead_id, created_at AS at, actor, body FROM notes WHERE lead_id IN (SELECT id FROM grp)`);
  // The import that created a lead, and the imports that changed fields of it.
  const imports = db.prepare(`${GROUP}
    SELECT i.id, l.id AS lead_id, l.created_at AS at, i.actor, i.file_name, i.undone_at, NULL AS after
      FROM leads l JOIN imports i ON i.id = l.import_id WHERE l.id IN (SELECT id FROM grp)
    UNION ALL
    SELECT i.id, c.lead_id, i.finished_at AS at, i.actor, i.file_name, i.undone_at, c.after
      FROM import_changes c JOIN imports i ON i.id = c.import_id WHERE c.lead_id IN (SELECT id FROM grp)`);
  const merges = db.prepare(`${GROUP}
    SELECT m.id, m.survivor_id, m.loser_id, m.merged_at AS at, m.actor, m.undone_at, s.company_name AS survivor_company, l.company_name AS loser_company
      FROM lead_merges m JOIN leads s ON s.id = m.survivor_id JOIN leads l ON l.id = m.loser_id
      WHERE m.survivor_id IN (SELECT id FROM grp) OR m.loser_id = @id`);

  return (id: string): LeadTimeline => {
    if (!exists.get(id)) throw leadNotFound();
    const params = { id };
    const entries: TimelineEntry[] = [
      ...(calls.all(params) as CallRow[]).map(
        (r): TimelineEntry => ({
          kind: 'call',
          id: r.id,
          leadId: r.lead_id,
          at: r.at,
          actor: r.actor,
          outcome: r.outcome,
          phoneNumber: r.phone_number,
          durationSeconds: r.duration_seconds,
          note: r.note,
          callbackAt: r.callback_at,
        }),
      ),
      ...(stages.all(params) as StageRow[]).map(
        (r): TimelineEntry => ({
          kind: 'stage',
          id: r.id,
          leadId: r.lead_id,
          at: r.at,
          actor: r.actor,
          from: r.from_stage,
          to: r.to_stage,
          reason: r.reason,
          ...(r.action === null ? {} : { decision: decisionOf(r, r.action) }),
        }),
      ),
      ...(hearings.all(params) as HearingRow[]).map(
        (r): TimelineEntry => ({
          kind: 'hearing',
          id: r.id,
          leadId: r.lead_id,
          at: r.at,
          actor: r.actor,
          items: JSON.parse(r.items) as HearingItem[],
          scriptVersion: r.script_version,
        }),
      ),
      ...(notes.all(params) as NoteRow[]).map((r): TimelineEntry => ({ kind: 'note', id: r.id, leadId: r.lead_id, at: r.at, actor: r.actor, body: r.body })),
      ...(imports.all(params) as ImportRow[]).map(
        (r): TimelineEntry => ({
          kind: 'import',
          id: `${r.id}:${r.lead_id}:${r.after === null ? 'created' : 'updated'}`,
          leadId: r.lead_id,
          at: r.at,
          actor: r.actor,
          action: r.after === null ? 'created' : 'updated',
          fileName: r.file_name,
          fields: r.after === null ? [] : Object.keys(JSON.parse(r.after) as object),
          undoneAt: r.undone_at,
        }),
      ),
      ...(merges.all(params) as MergeRow[]).map((r): TimelineEntry => {
        const merged = r.loser_id === id;
        return {
          kind: 'merge',
          id: r.id,
          leadId: merged ? r.loser_id : r.survivor_id,
          at: r.at,
          actor: r.actor,
          role: merged ? 'merged' : 'survivor',
          otherLeadId: merged ? r.survivor_id : r.loser_id,
          otherCompany: merged ? r.survivor_company : r.loser_company,
          undoneAt: r.undone_at,
        };
      }),
    ];
    // Newest first; ids (UUIDv7) keep events of the same instant in the order they were made.
    entries.sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
    return { leadId: id, entries };
  };
};
