-- A lead merged into another becomes a tombstone that points at the lead it was merged into.
ALTER TABLE leads ADD COLUMN merged_into TEXT REFERENCES leads (id);

-- One row per merge: who, when, which fields came from the merged-away lead, and the survivor's
-- values before and after, so undo can restore both leads exactly. History rows (calls, notes,
-- stage transitions) are never re-pointed: a lead's timeline follows its live merges instead.
CREATE TABLE lead_merges (
  id TEXT PRIMARY KEY,
  survivor_id TEXT NOT NULL REFERENCES leads (id),
  loser_id TEXT NOT NULL REFERENCES leads (id),
  fields TEXT NOT NULL CHECK (json_valid(fields)),
  -- Survivor columns before and after: edited fields plus call_count, last_called_at, do_not_call.
  before TEXT NOT NULL CHECK (json_valid(before)),
  after TEXT NOT NULL CHECK (json_valid(after)),
  actor TEXT NOT NULL,
  merged_at TEXT NOT NULL,
  undone_at TEXT,
  CHECK (survivor_id <> loser_id)
) STRICT;
CREATE INDEX lead_merges_survivor ON lead_merges (survivor_id) WHERE undone_at IS NULL;
CREATE INDEX lead_merges_loser ON lead_merges (loser_id);
