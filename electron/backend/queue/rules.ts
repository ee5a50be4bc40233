import { callingRulesSchema, DEFAULT_CALLING_RULES, type CallingRules } from '../../../shared/domain/calling';
import type { RulesRecord } from '../../../shared/api/calls';
import type { BackendContext } from '../context';
import { BantamError } from '../errors';

type RulesRow = { version: number; rules: string; updated_by: string; updated_at: string };

// The team's calling rules: the newest version in force, or the defaults (version 0) until the
// team lead saves their own. Each save is a new version; a save based on an older one is refused.
export const createRulesRepository = (ctx: BackendContext) => {
  const { db } = ctx.store;
  const latest = db.prepare('SELECT version, rules, updated_by, updated_at FROM calling_rules ORDER BY version DESC LIMIT 1');
  const insert = db.prepare('INSERT INTO calling_rules (version, rules, updated_by, updated_at) VALUES (?, ?, ?, ?)');

  const read = (): RulesRecord => {
    const row = latest.get() as RulesRow | undefined;
    if (!row) return { rules: DEFAULT_CALLING_RULES, version: 0, updatedAt: new Date(0).toISOString(), updatedBy: 'default' };
    // Stored rules were valid when saved; parsing again fills fields a later release adds.
    const parsed = callingRulesSchema.safeParse({ ...DEFAULT_CALLING_RULES, ...(JSON.parse(row.rules) as object) });
    return { rules: parsed.success ? parsed.data : DEFAULT_CALLING_RULES, version: row.version, updatedAt: row.updated_at, updatedBy: row.updated_by };
  };

  return {
    get: read,
    update(rules: CallingRules, baseVersion: number): RulesRecord {
      const at = ctx.now().toISOString();
      const actor = ctx.actor();
      const saved = db.transaction(() => {
        const current = read();
        if (current.version !== baseVersion) {
          throw new BantamError(
            'conflict',
            `The calling rules were changed by ${current.updatedBy} (version ${current.version}) while you edited version ${baseVersion}. Nothing was saved; reload the rules and make your change again.`,
            { messageKey: 'call.error.rulesConflict', params: { by: current.updatedBy, version: current.version } },
          );
        }
        const version = current.version + 1;
        insert.run(version, JSON.stringify(rules), actor, at);
        ctx.outbox.append({ entity: 'calling_rules', entityId: String(version), op: 'rules.update', payload: { version, rules } }, at);
        return { rules, version, updatedAt: at, updatedBy: actor };
      })();
      ctx.emit({ name: 'queue.changed', payload: { reason: 'rules' } });
      return saved;
    },
  };
};

export type RulesRepository = ReturnType<typeof createRulesRepository>;
