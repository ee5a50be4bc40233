-- One row per import: what was read, how duplicates were treated, and the counts and report.
CREATE TABLE imports (
  id TEXT PRIMARY KEY,
  file_name TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('csv', 'tsv', 'xlsx')),
  encoding TEXT,
  sheet TEXT,
  on_duplicate TEXT NOT NULL CHECK (on_duplicate IN ('skip', 'fill', 'overwrite', 'create')),
  mapping TEXT NOT NULL CHECK (json_valid(mapping)),
  actor TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  total_rows INTEGER NOT NULL,
  created_count INTEGER NOT NULL,
  updated_count INTEGER NOT NULL,
  unchanged_count INTEGER NOT NULL,
  skipped_count INTEGER NOT NULL,
  rejected_count INTEGER NOT NULL,
  -- Rejected rows with line, reasons and original cells, so the report can be shown and saved later.
  rejected TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(rejected)),
  headers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(headers)),
  undone_at TEXT
) STRICT;
CREATE INDEX imports_started ON imports (started_at DESC);

-- Fields an import changed on leads that already existed: before and after, so undo can restore
-- them (and leave alone what someone changed since).
CREATE TABLE import_changes (
  -- Deferred: the import row is written last, once its counts are known, in the same transaction.
  import_id TEXT NOT NULL REFERENCES imports (id) DEFERRABLE INITIALLY DEFERRED,
  lead_id TEXT NOT NULL REFERENCES leads (id),
  before TEXT NOT NULL CHECK (json_valid(before)),
  after TEXT NOT NULL CHECK (json_valid(after)),
  PRIMARY KEY (import_id, lead_id)
) STRICT;

-- Named column mappings the user saved for files of the same shape.
CREATE TABLE mapping_presets (
  name TEXT PRIMARY KEY,
  mapping TEXT NOT NULL CHECK (json_valid(mapping)),
  updated_at TEXT NOT NULL
) STRICT;
