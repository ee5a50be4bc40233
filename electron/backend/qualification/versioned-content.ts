import type { z } from 'zod';
import type { VersionInfo } from '../../../shared/api/qualification';
import type { UserRole } from '../../../shared/api/settings';
import type { BackendContext } from '../context';
import { BantamError } from '../errors';

type VersionRow = { version: number; content: string; updated_by: string; updated_at: string };
type Versioned<C> = C & VersionInfo;

// What differs between the team's definitions and its hearing script: where they live, how they
// are checked, what ships, and the words of their errors and events.
export type VersionedSpec<C> = {
  table: 'stage_definitions' | 'hearing_scripts';
  schema: z.ZodType<C>;
  defaults: C;
  entity: 'stage_definitions' | 'hearing_script';
  event: 'definitions.changed' | 'script.changed';
  // Used in English messages: "the definitions", "the hearing script".
  label: string;
  keys: { conflict: string; forbidden: string };
};

// The shipped default is written as version 1 on first read (with its outbox op), so every
// decision and hearing names a version whose content is in the store, whatever later releases ship.
export const createVersionedContent = <C extends object>(ctx: BackendContext, role: () => UserRole, spec: VersionedSpec<C>) => {
  const { db } = ctx.store;
  const latest = db.prepare(`SELECT version, content, updated_by, updated_at FROM ${spec.table} ORDER BY version DESC LIMIT 1`);
  const all = db.prepare(`SELECT version, updated_by, updated_at FROM ${spec.table} ORDER BY version DESC`);
  const byVersion = db.prepare(`SELECT version, content, updated_by, updated_at FROM ${spec.table} WHERE version = ?`);
  const insert = db.prepare(`INSERT INTO ${spec.table} (version, content, updated_by, updated_at) VALUES (?, ?, ?, ?)`);

  const publish = (version: number, content: C, by: string, at: string): Versioned<C> => {
    insert.run(version, JSON.stringify(content), by, at);
    ctx.outbox.append({ entity: spec.entity, entityId: String(version), op: `${spec.entity}.publish`, payload: { version, content, updatedBy: by } }, at);
    return { ...content, version, updatedAt: at, updatedBy: by };
  };

  const toVersioned = (row: VersionRow): Versioned<C> => {
    // Stored content was valid when published; a row a later release cannot read falls back to
    // the defaults rather than stopping every hearing.
    const parsed = spec.schema.safeParse(JSON.parse(row.content));
    return { ...(parsed.success ? parsed.data : spec.defaults), version: row.version, updatedAt: row.updated_at, updatedBy: row.updated_by };
  };

  // Call inside a write transaction, or on its own (it opens one to seed the default).
  const current = (): Versioned<C> => {
    const row = latest.get() as VersionRow | undefined;
    if (row) return toVersioned(row);
    const seed = () => {
      const again = latest.get() as VersionRow | undefined;
      return again ? toVersioned(again) : publish(1, spec.defaults, 'system', ctx.now().toISOString());
    };
    return db.inTransaction ? seed() : db.transaction(seed).immediate();
  };

  return {
    current,
    exists(version: number): boolean {
      current();
      return byVersion.get(version) !== undefined;
    },
    versions(): VersionInfo[] {
      current();
      return (all.all() as Omit<VersionRow, 'content'>[]).map((r) => ({ version: r.version, updatedAt: r.updated_at, updatedBy: r.updated_by }));
    },
    // Team lead only; `baseVersion` is the version the editor loaded, so nobody's edit is lost.
    update(content: C, baseVersion: number): Versioned<C> {
      const who = role();
      if (who !== 'team_lead') {
        throw new BantamError('forbidden', `Only a team lead may change ${spec.label}; this device is set to the role "${who}". Nothing was saved; ask your team lead, or switch the role in Settings if you are one.`, {
          messageKey: spec.keys.forbidden,
          params: { role: who },
        });
      }
      const at = ctx.now().toISOString();
      const actor = ctx.actor();
      const saved = db
        .transaction(() => {
          const now = current();
          if (now.version !== baseVersion) {
            throw new BantamError(
              'conflict',
              `${now.updatedBy} published version ${now.version} of ${spec.label} while you edited version ${baseVersion}. Nothing was saved; reload the latest version and make your change again.`,
              { messageKey: spec.keys.conflict, params: { by: now.updatedBy, version: now.version, base: baseVersion } },
            );
          }
          return publish(now.version + 1, content, actor, at);
        })
        .immediate();
      ctx.emit({ name: spec.event, payload: { version: saved.version } });
      return saved;
    },
  };
};

export type VersionedContent<C extends object> = ReturnType<typeof createVersionedContent<C>>;
