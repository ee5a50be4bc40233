-- The BANT hearing and qualification: hearing answers (current and their history), hearing
-- drafts, the team's versioned stage definitions and hearing scripts, what a stage decision
-- records, and the re-contact date that brings a nurtured lead back to the queue.

-- A lead's answers as they stand, kept in step with hearing_changes in the same transaction.
CREATE TABLE lead_hearings (
  lead_id TEXT PRIMARY KEY REFERENCES leads (id),
  answers TEXT NOT NULL CHECK (json_valid(answers)),
  script_version INTEGER NOT NULL CHECK (script_version >= 1),
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Append-only: one row per item a save changed, with the item's answer before and after (NULL
-- when absent) and the script version the hearing was run with. All rows of one save share
-- changed_at.
CREATE TABLE hearing_changes (
  id TEXT PRIMARY KEY,
  lead_id TEXT NOT NULL REFERENCES leads (id),
  item TEXT NOT NULL
    CHECK (item IN ('budget', 'authority', 'need', 'timeline', 'competitors', 'currentSolution', 'nextStep', 'meetingDate')),
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  after TEXT CHECK (after IS NULL OR json_valid(after)),
  script_version INTEGER NOT NULL CHECK (script_version >= 1),
  actor TEXT NOT NULL,
  changed_at TEXT NOT NULL
) STRICT;
CREATE INDEX hearing_changes_lead ON hearing_changes (lead_id, changed_at);

-- What the rep is typing into the hearing form before it is saved: device-local scratch, never
-- synced and never in the outbox (the save carries the answers), like call-note drafts.
CREATE TABLE hearing_drafts (
  lead_id TEXT PRIMARY KEY REFERENCES leads (id),
  answers TEXT NOT NULL CHECK (json_valid(answers)),
  saved_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- The team's stage definitions and hearing scripts, one row per published version; the newest is
-- in force. Version 1 is the shipped default, written on first read so decisions can name it.
CREATE TABLE stage_definitions (
  version INTEGER PRIMARY KEY CHECK (version >= 1),
  content TEXT NOT NULL CHECK (json_valid(content)),
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE hearing_scripts (
  version INTEGER PRIMARY KEY CHECK (version >= 1),
  content TEXT NOT NULL CHECK (json_valid(content)),
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- A decision's event beside 001's columns (reason holds the reason code, override_reason the
-- comment of a TQL made against the definition). Rows from before this migration, lead creation
-- and imports have no action.
ALTER TABLE stage_transitions ADD COLUMN action TEXT;
ALTER TABLE stage_transitions ADD COLUMN actor_role TEXT
  CHECK (actor_role IS NULL OR actor_role IN ('rep', 'field_sales', 'team_lead', 'system'));
ALTER TABLE stage_transitions ADD COLUMN reason_group TEXT;
ALTER TABLE stage_transitions ADD COLUMN comment TEXT;
ALTER TABLE stage_transitions ADD COLUMN recontact_on TEXT;
ALTER TABLE stage_transitions ADD COLUMN verdict TEXT CHECK (verdict IS NULL OR verdict IN ('met', 'not_met', 'unknown'));
ALTER TABLE stage_transitions ADD COLUMN answers TEXT CHECK (answers IS NULL OR json_valid(answers));

-- The JST day a nurtured lead is to be called again (set by the nurture decision, cleared when
-- the lead leaves nurture). The queue offers nurtured leads from that day through this index.
ALTER TABLE leads ADD COLUMN recontact_on TEXT;
CREATE INDEX leads_queue_recontact ON leads (owner, recontact_on)
  WHERE deleted_at IS NULL AND do_not_call = 0 AND stage = 'nurture' AND recontact_on IS NOT NULL;
