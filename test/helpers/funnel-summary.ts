import type Database from 'better-sqlite3';

// Takes the funnel summary (migration 012) out of a store as if the store predated it: the next
// open runs the migration again, which summarises the whole history as it then stands.
export const forgetFunnelSummary = (db: Database.Database): void => {
  const triggers = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'funnel_%'").pluck().all() as string[];
  db.exec(
    [
      ...triggers.map((t) => `DROP TRIGGER ${t};`),
      'DROP VIEW funnel_lead_counts;',
      'DROP TABLE funnel_firsts;',
      'DROP TABLE funnel_days;',
      'DELETE FROM schema_migrations WHERE id = 12;',
    ].join('\n'),
  );
};
