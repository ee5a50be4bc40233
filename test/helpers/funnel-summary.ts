import type Database from 'better-sqlite3';

// Takes the funnel summary (migration 012) out of a store as if the store predated it, and so the
// index changes after it (013): the next open runs both again, and 012 summarises the whole
// history as it then stands.
export const forgetFunnelSummary = (db: Database.Database): void => {
  const triggers = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'funnel_%'").pluck().all() as string[];
  db.exec(
    [
      ...triggers.map((t) => `DROP TRIGGER ${t};`),
      'DROP VIEW funnel_lead_counts;',
      'DROP TABLE funnel_firsts;',
      'DROP TABLE funnel_days;',
      'DROP INDEX stage_transitions_qualified;',
      'CREATE INDEX stage_transitions_funnel ON stage_transitions (to_stage, occurred_at, lead_id);',
      'CREATE INDEX leads_funnel ON leads (id, deleted_at, owner, source);',
      'DELETE FROM schema_migrations WHERE id IN (12, 13);',
    ].join('\n'),
  );
};
