-- Indexes that only slowed writing once the funnel report read its summary (012): every lead an
-- import creates paid for both, about a third of a second per 100,000 leads.
--
-- leads_funnel let the old funnel join every stage event to its lead's group without reading the
-- lead row; the summary's triggers and the few rejections and open handoffs the report still
-- joins look leads up by primary key instead.
DROP INDEX leads_funnel;
-- stage_transitions_funnel served the old funnel's scans by stage and time. Its one remaining
-- reader counts a rep's TQL decisions since a time (the call view's "TQLs today"): a partial index
-- of those decisions alone serves it, and an import's stage events never enter it.
DROP INDEX stage_transitions_funnel;
CREATE INDEX stage_transitions_qualified ON stage_transitions (actor, occurred_at) WHERE to_stage = 'tql' AND action = 'qualify';
