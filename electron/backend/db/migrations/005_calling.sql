-- The call cockpit: callbacks, calls in progress, note drafts, the team's calling rules, and what
-- the queue needs on the leads table.

-- A callback promised to a lead. It is handled when a call is logged on the lead after it fell due
-- (done, with that call) or when it is cancelled; handled callbacks are kept as history.
CREATE TABLE callbacks (
  id TEXT PRIMARY KEY,
  lead_id TEXT NOT NULL REFERENCES leads (id),
  due_at TEXT NOT NULL,
  note TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  handled_at TEXT,
  handled_by_call TEXT REFERENCES calls (id),
  CHECK ((status = 'open') = (handled_at IS NULL))
) STRICT;
CREATE INDEX callbacks_open ON callbacks (due_at) WHERE status = 'open';
CREATE INDEX callbacks_lead ON callbacks (lead_id, status, due_at);

-- Calls started on this machine and not yet logged or abandoned. Device-local: never synced.
CREATE TABLE active_calls (
  id TEXT PRIMARY KEY,
  lead_id TEXT NOT NULL UNIQUE REFERENCES leads (id),
  phone_number TEXT,
  actor TEXT NOT NULL,
  started_at TEXT NOT NULL
) STRICT;

-- What the rep is typing about a lead before the call is logged: device-local scratch, never
-- synced and never in the outbox (the logged call carries the note).
CREATE TABLE drafts (
  lead_id TEXT PRIMARY KEY REFERENCES leads (id),
  body TEXT NOT NULL,
  saved_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- The team's calling rules, one row per version (the newest is in force; none means the defaults,
-- version 0).
CREATE TABLE calling_rules (
  version INTEGER PRIMARY KEY CHECK (version >= 1),
  rules TEXT NOT NULL CHECK (json_valid(rules)),
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- The lead's own calling hours (JST, HH:MM) when they told us, numbers found to be wrong, and
-- the due time of its earliest open callback (kept by the callback code in the same transaction,
-- so the queue finds due callbacks through an index on the lead, owner and filters included).
ALTER TABLE leads ADD COLUMN next_callback_at TEXT;
ALTER TABLE leads ADD COLUMN call_window_start TEXT;
ALTER TABLE leads ADD COLUMN call_window_end TEXT;
ALTER TABLE leads ADD COLUMN phone_status TEXT CHECK (phone_status IS NULL OR phone_status = 'wrong_number');
ALTER TABLE leads ADD COLUMN mobile_status TEXT CHECK (mobile_status IS NULL OR mobile_status = 'wrong_number');

-- The queue's reads, one index per bucket, all over live callable leads of one owner (NULL = the
-- team pool): hot new leads newest first, the rest by score, follow-ups by temperature and score,
-- callbacks by due time, and the recently called ones held back by the cadence.
CREATE INDEX leads_queue_fresh ON leads (owner, call_count, created_at)
  WHERE deleted_at IS NULL AND do_not_call = 0 AND stage IN ('lead', 'mql');
CREATE INDEX leads_queue_rest ON leads (owner, call_count, score DESC, created_at)
  WHERE deleted_at IS NULL AND do_not_call = 0 AND stage IN ('lead', 'mql');
CREATE INDEX leads_queue_follow_up ON leads (
  owner,
  (CASE temperature WHEN 'hot' THEN 0 WHEN 'warm' THEN 1 WHEN 'cold' THEN 2 ELSE 3 END),
  score DESC
) WHERE deleted_at IS NULL AND do_not_call = 0 AND stage IN ('lead', 'mql') AND call_count > 0;
CREATE INDEX leads_queue_callback ON leads (owner, next_callback_at)
  WHERE deleted_at IS NULL AND do_not_call = 0 AND stage IN ('lead', 'mql') AND next_callback_at IS NOT NULL;
CREATE INDEX leads_queue_recent ON leads (owner, last_called_at)
  WHERE deleted_at IS NULL AND do_not_call = 0 AND stage IN ('lead', 'mql') AND call_count > 0;
