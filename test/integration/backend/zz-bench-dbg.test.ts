import { it } from 'vitest';
import { seedDemoStore } from '../../../electron/backend/demo';
import { COLUMN_DEFS } from '../../../electron/backend/exports/columns';
import { createExportQuery } from '../../../electron/backend/exports/export-query';
import { makeTempDir, openTempBackend } from '../../helpers/temp-store';
import { STAGES } from '../../../shared/domain/stages';
it('b', async () => {
  const b = openTempBackend(makeTempDir(), {});
  seedDemoStore(b, { count: 3000 });
  const db = b.ctx.store.db;
  for (const c of COLUMN_DEFS) {
    const q = createExportQuery(db, { stages: [...STAGES], dateField: 'createdAt' }, [c]);
    const t = performance.now(); let last = 0; for (;;) { const p = q.page(last, 500); if (!p.rows.length) break; last = p.lastRowid; }
    const ms = performance.now() - t; if (ms > 5) console.log(c.id, ms.toFixed(1));
  }
  const q = createExportQuery(db, { stages: [...STAGES], dateField: 'createdAt' }, [COLUMN_DEFS[0]!]);
  console.log(db.prepare("EXPLAIN QUERY PLAN SELECT leads.rowid, (SELECT min(occurred_at) FROM stage_transitions t WHERE t.lead_id = leads.id AND t.to_stage = 'tql') FROM leads NOT INDEXED LEFT JOIN lead_hearings h ON h.lead_id = leads.id WHERE leads.rowid > 0 AND deleted_at IS NULL ORDER BY leads.rowid LIMIT 500").all());
  b.close();
}, 120000);
