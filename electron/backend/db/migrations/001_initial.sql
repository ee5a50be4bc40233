-- The device this store belongs to: its id and the last outbox sequence number it used.
CREATE TABLE device (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  last_seq INTEGER NOT NULL DEFAULT 0 CHECK (last_seq >= 0)
) STRICT;

-- Current state of each lead. Originals are kept as written; *_key columns hold the normalised
-- copies used for matching and search. Deletes are tombstones (deleted_at).
CREATE TABLE leads (
  id TEXT PRIMARY KEY,
  company_name TEXT NOT NULL,
  company_kana TEXT,
  department TEXT,
  title TEXT,
  family_name TEXT,
  given_name TEXT,
  family_name_kana TEXT,
  given_name_kana TEXT,
  email TEXT,
  phone TEXT,
  mobile TEXT,
  postal_code TEXT,
  prefecture TEXT,
  address TEXT,
  industry TEXT,
  employee_count INTEGER CHECK (employee_count IS NULL OR employee_count >= 0),
  source TEXT,
  campaign TEXT,
  score INTEGER,
  temperature TEXT CHECK (temperature IS NULL OR temperature IN ('hot', 'warm', 'cold')),
  stage TEXT NOT NULL DEFAULT 'lead'
    CHECK (stage IN ('lead', 'mql', 'tql', 'sal', 'sql', 'opportunity', 'customer', 'nurture', 'disqualified')),
  owner TEXT,
  tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
  custom_fields TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(custom_fields)),
  do_not_call INTEGER NOT NULL DEFAULT 0 CHECK (do_not_call IN (0, 1)),
  email_key TEXT,
  phone_key TEXT,
  mobile_key TEXT,
  company_key TEXT,
  person_key TEXT,
  import_id TEXT,
  call_count INTEGER NOT NULL DEFAULT 0 CHECK (call_count >= 0),
  last_called_at TEXT,
  stage_changed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;

-- List orders: each index serves its ORDER BY forwards (asc) and backwards (desc).
CREATE INDEX leads_live_updated ON leads (updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_live_created ON leads (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_live_company ON leads (company_kana, company_name, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_live_stage ON leads (stage, updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_live_score ON leads (score, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_owner ON leads (owner, stage) WHERE deleted_at IS NULL;
CREATE INDEX leads_email_key ON leads (email_key) WHERE email_key IS NOT NULL;
CREATE INDEX leads_phone_key ON leads (phone_key) WHERE phone_key IS NOT NULL;
CREATE INDEX leads_mobile_key ON leads (mobile_key) WHERE mobile_key IS NOT NULL;
CREATE INDEX leads_company_person ON leads (company_key, person_key);
CREATE INDEX leads_import ON leads (import_id) WHERE import_id IS NOT NULL;

-- Append-only history. Rows are never updated or deleted; corrections are new rows.
CREATE TABLE calls (
  id TEXT PRIMARY KEY,
  lead_id TEXT NOT NULL REFERENCES leads (id),
  phone_number TEXT,
  outcome TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  duration_seconds INTEGER CHECK (duration_seconds IS NULL OR duration_seconds >= 0),
  note TEXT,
  callback_at TEXT,
  actor TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX calls_lead ON calls (lead_id, started_at);
CREATE INDEX calls_started ON calls (started_at);

CREATE TABLE stage_transitions (
  id TEXT PRIMARY KEY,
  lead_id TEXT NOT NULL REFERENCES leads (id),
  from_stage TEXT,
  to_stage TEXT NOT NULL,
  reason TEXT,
  definition_version INTEGER,
  override_reason TEXT,
  actor TEXT NOT NULL,
  occurred_at TEXT NOT NULL
) STRICT;
CREATE INDEX stage_transitions_lead ON stage_transitions (lead_id, occurred_at);
CREATE INDEX stage_transitions_to ON stage_transitions (to_stage, occurred_at);

CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  lead_id TEXT NOT NULL REFERENCES leads (id),
  body TEXT NOT NULL,
  actor TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX notes_lead ON notes (lead_id, created_at);

-- Every write appends here in the same transaction as the change; sync ships these later.
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  device_id TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  op TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  created_at TEXT NOT NULL,
  sent_at TEXT
) STRICT;
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;

-- Facts about the store itself (e.g. whether it is a demo store).
CREATE TABLE store_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
