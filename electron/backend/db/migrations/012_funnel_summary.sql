-- The funnel report's summary, kept up to date by triggers in the same transaction as every write
-- that changes it (whatever feature or sync makes the write), so a year is read from a few thousand
-- rows instead of every stage change and call.
--
-- A lead counts as reaching a stage on the FIRST time it reaches it (a lead sent back to MQL and
-- qualified again is one MQL and one TQL, on their first dates); it counts under its current owner
-- and source, and a tombstoned lead counts nowhere. Days are JST calendar days numbered from
-- 1970-01-01; a missing owner or source is kept as ''.

-- Each live lead's first arrival at each milestone: 'mql', 'tql', 'sal', 'sql', and 'tql_override'
-- (first qualified with the definition not met). An MQL row also keeps the minutes from it to the
-- first call at or after it (speed-to-lead; null until the lead is called).
CREATE TABLE funnel_firsts (
  lead_id TEXT NOT NULL,
  milestone TEXT NOT NULL CHECK (milestone IN ('mql', 'tql', 'sal', 'sql', 'tql_override')),
  at TEXT NOT NULL,
  owner TEXT NOT NULL,
  source TEXT NOT NULL,
  wait_minutes REAL,
  PRIMARY KEY (lead_id, milestone)
) STRICT, WITHOUT ROWID;
-- Speed-to-lead medians walk the called MQLs in wait order (overall, per owner, per source) and
-- stop half way, whatever the length of the period.
CREATE INDEX funnel_waits ON funnel_firsts (wait_minutes, at, owner, source) WHERE milestone = 'mql' AND wait_minutes IS NOT NULL;
CREATE INDEX funnel_waits_owner ON funnel_firsts (owner, wait_minutes, at, source) WHERE milestone = 'mql' AND wait_minutes IS NOT NULL;
CREATE INDEX funnel_waits_source ON funnel_firsts (source, wait_minutes, at, owner) WHERE milestone = 'mql' AND wait_minutes IS NOT NULL;

-- Counts per JST day, measure, owner and source: first arrivals per milestone, 'calls' by the day
-- they started, and 'sla_on_time' / 'sla_late' for decided handoffs by the day they were submitted.
CREATE TABLE funnel_days (
  day INTEGER NOT NULL,
  measure TEXT NOT NULL,
  owner TEXT NOT NULL,
  source TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (day, measure, owner, source)
) STRICT, WITHOUT ROWID;

-- A first arrival counted, moved or taken back.
CREATE TRIGGER funnel_firsts_counted AFTER INSERT ON funnel_firsts BEGIN
  INSERT INTO funnel_days VALUES ((unixepoch(NEW.at) + 32400) / 86400, NEW.milestone, NEW.owner, NEW.source, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER funnel_firsts_moved AFTER UPDATE OF at, owner, source ON funnel_firsts
  WHEN OLD.at IS NOT NEW.at OR OLD.owner IS NOT NEW.owner OR OLD.source IS NOT NEW.source BEGIN
  UPDATE funnel_days SET n = n - 1
    WHERE day = (unixepoch(OLD.at) + 32400) / 86400 AND measure = OLD.milestone AND owner = OLD.owner AND source = OLD.source;
  INSERT INTO funnel_days VALUES ((unixepoch(NEW.at) + 32400) / 86400, NEW.milestone, NEW.owner, NEW.source, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER funnel_firsts_removed AFTER DELETE ON funnel_firsts BEGIN
  UPDATE funnel_days SET n = n - 1
    WHERE day = (unixepoch(OLD.at) + 32400) / 86400 AND measure = OLD.milestone AND owner = OLD.owner AND source = OLD.source;
END;

-- A stage change of a live lead: its first arrival at the stage (an earlier one, as sync may
-- deliver late, takes the place of a later one).
CREATE TRIGGER funnel_stage_reached AFTER INSERT ON stage_transitions
  WHEN NEW.to_stage IN ('mql', 'tql', 'sal', 'sql') BEGIN
  INSERT INTO funnel_firsts (lead_id, milestone, at, owner, source, wait_minutes)
    SELECT NEW.lead_id, NEW.to_stage, NEW.occurred_at, ifnull(l.owner, ''), ifnull(l.source, ''),
      CASE WHEN NEW.to_stage = 'mql' THEN
        (SELECT (unixepoch(min(c.started_at)) - unixepoch(NEW.occurred_at)) / 60.0 FROM calls c WHERE c.lead_id = NEW.lead_id AND c.started_at >= NEW.occurred_at) END
    FROM leads l WHERE l.id = NEW.lead_id AND l.deleted_at IS NULL
    ON CONFLICT (lead_id, milestone) DO UPDATE SET at = excluded.at, wait_minutes = excluded.wait_minutes
      WHERE excluded.at < funnel_firsts.at;
END;
CREATE TRIGGER funnel_override_reached AFTER INSERT ON stage_transitions
  WHEN NEW.to_stage = 'tql' AND NEW.action = 'qualify' AND NEW.override_reason IS NOT NULL BEGIN
  INSERT INTO funnel_firsts (lead_id, milestone, at, owner, source)
    SELECT NEW.lead_id, 'tql_override', NEW.occurred_at, ifnull(l.owner, ''), ifnull(l.source, '')
    FROM leads l WHERE l.id = NEW.lead_id AND l.deleted_at IS NULL
    ON CONFLICT (lead_id, milestone) DO UPDATE SET at = excluded.at WHERE excluded.at < funnel_firsts.at;
END;

-- A call of a live lead: counted on its day, and the lead's first call after its MQL if earlier.
CREATE TRIGGER funnel_call_made AFTER INSERT ON calls BEGIN
  INSERT INTO funnel_days
    SELECT (unixepoch(NEW.started_at) + 32400) / 86400, 'calls', ifnull(l.owner, ''), ifnull(l.source, ''), 1
    FROM leads l WHERE l.id = NEW.lead_id AND l.deleted_at IS NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
  UPDATE funnel_firsts SET wait_minutes = (unixepoch(NEW.started_at) - unixepoch(at)) / 60.0
    WHERE lead_id = NEW.lead_id AND milestone = 'mql' AND at <= NEW.started_at
      AND (wait_minutes IS NULL OR wait_minutes > (unixepoch(NEW.started_at) - unixepoch(at)) / 60.0);
END;

-- A decided handoff, judged against the deadline it was given, on the day it was submitted.
CREATE TRIGGER funnel_handoff_decided AFTER INSERT ON handoffs WHEN NEW.decided_at IS NOT NULL BEGIN
  INSERT INTO funnel_days
    SELECT (unixepoch(NEW.submitted_at) + 32400) / 86400, CASE WHEN NEW.decided_at <= NEW.sla_due_at THEN 'sla_on_time' ELSE 'sla_late' END,
      ifnull(l.owner, ''), ifnull(l.source, ''), 1
    FROM leads l WHERE l.id = NEW.lead_id AND l.deleted_at IS NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER funnel_handoff_changed AFTER UPDATE OF decided_at, sla_due_at, submitted_at ON handoffs
  WHEN OLD.decided_at IS NOT NEW.decided_at OR OLD.sla_due_at IS NOT NEW.sla_due_at OR OLD.submitted_at IS NOT NEW.submitted_at BEGIN
  UPDATE funnel_days SET n = n - 1
    WHERE OLD.decided_at IS NOT NULL AND day = (unixepoch(OLD.submitted_at) + 32400) / 86400
      AND measure = CASE WHEN OLD.decided_at <= OLD.sla_due_at THEN 'sla_on_time' ELSE 'sla_late' END
      AND (owner, source) = (SELECT ifnull(l.owner, ''), ifnull(l.source, '') FROM leads l WHERE l.id = OLD.lead_id AND l.deleted_at IS NULL);
  INSERT INTO funnel_days
    SELECT (unixepoch(NEW.submitted_at) + 32400) / 86400, CASE WHEN NEW.decided_at <= NEW.sla_due_at THEN 'sla_on_time' ELSE 'sla_late' END,
      ifnull(l.owner, ''), ifnull(l.source, ''), 1
    FROM leads l WHERE NEW.decided_at IS NOT NULL AND l.id = NEW.lead_id AND l.deleted_at IS NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- A lead's calls and decided handoffs counted under a group, with a sign: the building blocks of
-- moving a lead between groups, tombstoning it and reviving it. Views keep the three triggers
-- below to one statement per measure.
CREATE VIEW funnel_lead_counts AS
  SELECT c.lead_id, (unixepoch(c.started_at) + 32400) / 86400 AS day, 'calls' AS measure, count(*) AS n
    FROM calls c GROUP BY c.lead_id, 2
  UNION ALL
  SELECT h.lead_id, (unixepoch(h.submitted_at) + 32400) / 86400, CASE WHEN h.decided_at <= h.sla_due_at THEN 'sla_on_time' ELSE 'sla_late' END, count(*)
    FROM handoffs h WHERE h.decided_at IS NOT NULL GROUP BY h.lead_id, 2, 3;

-- Reassigned (owner or source changed) while live: its counts move to the new group.
CREATE TRIGGER funnel_lead_regrouped AFTER UPDATE OF owner, source ON leads
  WHEN NEW.deleted_at IS NULL AND OLD.deleted_at IS NULL AND (OLD.owner IS NOT NEW.owner OR OLD.source IS NOT NEW.source) BEGIN
  UPDATE funnel_firsts SET owner = ifnull(NEW.owner, ''), source = ifnull(NEW.source, '') WHERE lead_id = NEW.id;
  UPDATE funnel_days SET n = n - (SELECT x.n FROM funnel_lead_counts x WHERE x.lead_id = NEW.id AND x.day = funnel_days.day AND x.measure = funnel_days.measure)
    WHERE owner = ifnull(OLD.owner, '') AND source = ifnull(OLD.source, '')
      AND (day, measure) IN (SELECT x.day, x.measure FROM funnel_lead_counts x WHERE x.lead_id = NEW.id);
  INSERT INTO funnel_days SELECT x.day, x.measure, ifnull(NEW.owner, ''), ifnull(NEW.source, ''), x.n FROM funnel_lead_counts x WHERE x.lead_id = NEW.id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- Tombstoned (merged away, an import undone): it counts nowhere.
CREATE TRIGGER funnel_lead_tombstoned AFTER UPDATE OF deleted_at ON leads
  WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL BEGIN
  DELETE FROM funnel_firsts WHERE lead_id = NEW.id;
  UPDATE funnel_days SET n = n - (SELECT x.n FROM funnel_lead_counts x WHERE x.lead_id = NEW.id AND x.day = funnel_days.day AND x.measure = funnel_days.measure)
    WHERE owner = ifnull(OLD.owner, '') AND source = ifnull(OLD.source, '')
      AND (day, measure) IN (SELECT x.day, x.measure FROM funnel_lead_counts x WHERE x.lead_id = NEW.id);
END;

-- Revived (a merge undone): it counts again, from its own history.
CREATE TRIGGER funnel_lead_revived AFTER UPDATE OF deleted_at ON leads
  WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL BEGIN
  INSERT INTO funnel_firsts (lead_id, milestone, at, owner, source)
    SELECT NEW.id, t.to_stage, min(t.occurred_at), ifnull(NEW.owner, ''), ifnull(NEW.source, '')
    FROM stage_transitions t WHERE t.lead_id = NEW.id AND t.to_stage IN ('mql', 'tql', 'sal', 'sql') GROUP BY t.to_stage;
  INSERT INTO funnel_firsts (lead_id, milestone, at, owner, source)
    SELECT NEW.id, 'tql_override', min(t.occurred_at), ifnull(NEW.owner, ''), ifnull(NEW.source, '')
    FROM stage_transitions t WHERE t.lead_id = NEW.id AND t.to_stage = 'tql' AND t.action = 'qualify' AND t.override_reason IS NOT NULL
    HAVING count(*) > 0;
  UPDATE funnel_firsts SET wait_minutes =
      (SELECT (unixepoch(min(c.started_at)) - unixepoch(funnel_firsts.at)) / 60.0 FROM calls c WHERE c.lead_id = NEW.id AND c.started_at >= funnel_firsts.at)
    WHERE lead_id = NEW.id AND milestone = 'mql';
  INSERT INTO funnel_days SELECT x.day, x.measure, ifnull(NEW.owner, ''), ifnull(NEW.source, ''), x.n FROM funnel_lead_counts x WHERE x.lead_id = NEW.id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- The store's history so far, summarised once: first arrivals (their trigger counts them), the
-- wait from each MQL to the first call after it, then calls and decided handoffs per day and group.
INSERT INTO funnel_firsts (lead_id, milestone, at, owner, source)
  SELECT t.lead_id, t.to_stage, min(t.occurred_at), ifnull(l.owner, ''), ifnull(l.source, '')
  FROM stage_transitions t JOIN leads l ON l.id = t.lead_id
  WHERE t.to_stage IN ('mql', 'tql', 'sal', 'sql') AND l.deleted_at IS NULL
  GROUP BY t.lead_id, t.to_stage;
INSERT INTO funnel_firsts (lead_id, milestone, at, owner, source)
  SELECT t.lead_id, 'tql_override', min(t.occurred_at), ifnull(l.owner, ''), ifnull(l.source, '')
  FROM stage_transitions t JOIN leads l ON l.id = t.lead_id
  WHERE t.to_stage = 'tql' AND t.action = 'qualify' AND t.override_reason IS NOT NULL AND l.deleted_at IS NULL
  GROUP BY t.lead_id;
UPDATE funnel_firsts SET wait_minutes =
    (SELECT (unixepoch(min(c.started_at)) - unixepoch(funnel_firsts.at)) / 60.0 FROM calls c WHERE c.lead_id = funnel_firsts.lead_id AND c.started_at >= funnel_firsts.at)
  WHERE milestone = 'mql';
INSERT INTO funnel_days
  SELECT x.day, x.measure, ifnull(l.owner, ''), ifnull(l.source, ''), sum(x.n)
  FROM funnel_lead_counts x JOIN leads l ON l.id = x.lead_id
  WHERE l.deleted_at IS NULL
  GROUP BY 1, 2, 3, 4;

-- The reports found tombstones through this partial index to leave their events out; the summary
-- now drops a tombstoned lead itself, so the index has no reader left.
DROP INDEX IF EXISTS leads_tombstones;
