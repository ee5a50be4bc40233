-- Handoffs from inside sales to field sales, with their SLA clock, and the team's SLA setting.

-- One row per handoff. The decision itself is the lead's append-only stage transition written in
-- the same transaction; the row keeps the packet as submitted and the outcome for the inbox.
CREATE TABLE handoffs (
  id TEXT PRIMARY KEY,
  lead_id TEXT NOT NULL REFERENCES leads (id),
  from_rep TEXT NOT NULL,
  assignee TEXT NOT NULL,
  meeting TEXT NOT NULL CHECK (json_valid(meeting)),
  summary TEXT NOT NULL,
  -- The stage definitions in force when the lead was qualified.
  definition_version INTEGER NOT NULL CHECK (definition_version >= 1),
  submitted_at TEXT NOT NULL,
  -- The SLA as it stood at submission (hours and settings version) and the deadline it gave.
  sla_hours INTEGER NOT NULL CHECK (sla_hours >= 1),
  sla_version INTEGER NOT NULL CHECK (sla_version >= 0),
  sla_due_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
  decided_at TEXT,
  decided_by TEXT,
  reason TEXT,
  reason_group TEXT CHECK (reason_group IS NULL OR reason_group IN ('definitional', 'clerical', 'procedural')),
  comment TEXT,
  rejected_to TEXT CHECK (rejected_to IS NULL OR rejected_to IN ('mql', 'nurture')),
  recontact_on TEXT,
  deal_confirmed_at TEXT
) STRICT;
-- A lead has at most one handoff waiting for a decision.
CREATE UNIQUE INDEX handoffs_one_pending ON handoffs (lead_id) WHERE status = 'pending';
CREATE INDEX handoffs_pending_due ON handoffs (sla_due_at) WHERE status = 'pending';
CREATE INDEX handoffs_lead ON handoffs (lead_id, submitted_at);
CREATE INDEX handoffs_decided ON handoffs (decided_at) WHERE status <> 'pending';

-- The SLA setting, one row per version (the newest is in force; none means the default, version 0).
CREATE TABLE handoff_sla (
  version INTEGER PRIMARY KEY CHECK (version >= 1),
  settings TEXT NOT NULL CHECK (json_valid(settings)),
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
