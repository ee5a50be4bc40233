-- The funnel report's reads. Each covers its query, so a year of history is counted from the
-- index alone: stage entries by stage and time (with the lead), calls by time (with the lead),
-- rejections by time, and handoffs by submission time.
CREATE INDEX stage_transitions_funnel ON stage_transitions (to_stage, occurred_at, lead_id);
CREATE INDEX calls_started_lead ON calls (started_at, lead_id);
CREATE INDEX stage_transitions_rejects ON stage_transitions (occurred_at, lead_id, reason_group, reason) WHERE action = 'reject';
CREATE INDEX handoffs_submitted ON handoffs (submitted_at, lead_id, sla_due_at, decided_at);
-- Joining an event to its lead's group reads this index alone, not the wide lead row; the report
-- over all leads leaves tombstones out through the second.
CREATE INDEX leads_funnel ON leads (id, deleted_at, owner, source);
CREATE INDEX leads_tombstones ON leads (id) WHERE deleted_at IS NOT NULL;
-- The first two indexes above start with the columns of these, so every read these served is
-- served by them: keeping both would only slow each write.
DROP INDEX stage_transitions_to;
DROP INDEX calls_started;
