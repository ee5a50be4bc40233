import type { SlaRecord } from '../../../shared/api/handoff';
import type { UserRole } from '../../../shared/api/settings';
import { DEFAULT_SLA_SETTINGS, slaSettingsSchema, type SlaSettings } from '../../../shared/domain/handoff-sla';
import type { BackendContext } from '../context';
import { BantamError } from '../errors';

type SlaRow = { version: number; settings: string; updated_by: string; updated_at: string };

// The team's SLA for handoffs: the newest version in force, or the default (version 0, 24 business
// hours over 09:00-18:00 JST) until the team lead saves one. A save based on an older version is refused.
export const createSlaSettings = (ctx: BackendContext, role: () => UserRole) => {
  const { db } = ctx.store;
  const latest = db.prepare('SELECT version, settings, updated_by, updated_at FROM handoff_sla ORDER BY version DESC LIMIT 1');
  const insert = db.prepare('INSERT INTO handoff_sla (version, settings, updated_by, updated_at) VALUES (?, ?, ?, ?)');

  const read = (): SlaRecord => {
    const row = latest.get() as SlaRow | undefined;
    if (!row) return { settings: DEFAULT_SLA_SETTINGS, version: 0, updatedAt: new Date(0).toISOString(), updatedBy: 'default' };
    const parsed = slaSettingsSchema.safeParse(JSON.parse(row.settings));
    return { settings: parsed.success ? parsed.data : DEFAULT_SLA_SETTINGS, version: row.version, updatedAt: row.updated_at, updatedBy: row.updated_by };
  };

  return {
    get: read,
    update(settings: SlaSettings, baseVersion: number): SlaRecord {
      const who = role();
      if (who !== 'team_lead') {
        throw new BantamError('forbidden', `Only a team lead may change the handoff SLA; this device is set to the role "${who}". Nothing was saved; switch the role in Settings if you are one.`, {
          messageKey: 'handoff.error.slaForbidden',
          params: { role: who },
        });
      }
      const at = ctx.now().toISOString();
      const actor = ctx.actor();
      return db
        .transaction((): SlaRecord => {
          const current = read();
          if (current.version !== baseVersion) {
            throw new BantamError(
              'conflict',
              `The SLA was changed by ${current.updatedBy} (version ${current.version}) while you edited version ${baseVersion}. Nothing was saved; reload it and make your change again.`,
              { messageKey: 'handoff.error.slaConflict', params: { by: current.updatedBy, version: current.version } },
            );
          }
          const version = current.version + 1;
          insert.run(version, JSON.stringify(settings), actor, at);
          ctx.outbox.append({ entity: 'handoff_sla', entityId: String(version), op: 'handoff_sla.update', payload: { version, settings } }, at);
          return { settings, version, updatedAt: at, updatedBy: actor };
        })
        .immediate();
    },
  };
};

export type SlaSettingsStore = ReturnType<typeof createSlaSettings>;
