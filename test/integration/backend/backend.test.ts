import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/backend/db/connection';
import { MIGRATIONS } from '../../../electron/backend/db/migrations';
import type { ApiEvent } from '../../../shared/api';
import { leadInput } from '../../helpers/lead-input';
import { useTempDir } from '../../helpers/temp-dir';
import { openTempBackend } from '../../helpers/temp-store';

describe('backend', () => {
  const tempDir = useTempDir();
  const open = (dir = tempDir()) => openTempBackend(dir);

  it('writes a lead, its first stage event and its outbox op in one transaction', () => {
    const backend = open();
    const events: ApiEvent[] = [];
    backend.subscribe((e) => events.push(e));
    const [id] = backend.leads.createMany([leadInput({ stage: 'mql' })]);
    const { db } = backend.ctx.store;
    expect(db.prepare('SELECT stage, phone_key, company_key, email_key FROM leads WHERE id = ?').get(id)).toEqual({
      stage: 'mql',
      phone_key: '0312345678',
      company_key: 'テスト商事',
      email_key: 'yamada@test-shoji.example.jp',
    });
    expect(db.prepare('SELECT from_stage, to_stage FROM stage_transitions WHERE lead_id = ?').all(id)).toEqual([{ from_stage: null, to_stage: 'mql' }]);
    const op = db.prepare('SELECT entity, entity_id, op, seq FROM outbox').get();
    expect(op).toEqual({ entity: 'lead', entity_id: id, op: 'lead.create', seq: 1 });
    expect(events).toEqual([{ name: 'leads.changed', payload: { reason: 'created' } }]);
    backend.close();
  });

  it('writes nothing at all when one lead of a batch is refused by the store', () => {
    const backend = open();
    const bad = leadInput({ employeeCount: -5 });
    expect(() => backend.leads.createMany([leadInput(), bad])).toThrow(/CHECK constraint/);
    const { db } = backend.ctx.store;
    for (const table of ['leads', 'stage_transitions', 'outbox']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    expect(db.prepare('SELECT last_seq FROM device').get()).toEqual({ last_seq: 0 });
    backend.close();
  });

  it('answers bad input with a clear error object and never reaches the feature code', async () => {
    const backend = open();
    const answer = await backend.call('leads.list', { offset: -1, limit: 'many', extra: true });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('invalid_input');
    expect(answer.error.issues?.map((i) => i.path).sort()).toEqual(['(input)', 'limit', 'offset']);
    expect(answer.error.message).toMatch(/^Invalid input for leads.list: /);
    const unknown = await backend.call('leads.dropAll', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const notFound = await backend.call('leads.get', { id: 'nope' });
    expect(notFound).toMatchObject({ ok: false, error: { code: 'not_found', messageKey: 'errors.lead.notFound' } });
    backend.close();
  });

  it('pages through leads in the chosen order with the total count', async () => {
    const backend = open();
    const names = ['カ', 'ア', 'サ', 'イ', 'ウ'];
    backend.leads.createMany(
      names.map((kana, i) => leadInput({ companyKana: kana, companyName: `会社${kana}`, score: i * 10 })),
    );
    const page = await backend.call('leads.list', { offset: 1, limit: 2, sort: 'companyKana', direction: 'asc' });
    expect(page).toMatchObject({ ok: true, value: { total: 5, offset: 1 } });
    if (!page.ok) return;
    const value = page.value as { rows: { companyKana: string }[] };
    expect(value.rows.map((r) => r.companyKana)).toEqual(['イ', 'ウ']);
    const byScore = await backend.call('leads.list', { sort: 'score', direction: 'desc', limit: 1 });
    expect(byScore.ok && (byScore.value as { rows: { score: number }[] }).rows[0]?.score).toBe(40);
    backend.close();
  });

  it('remembers preferences across restarts and falls back to Japanese and the rep role', async () => {
    const dir = tempDir();
    const first = open(dir);
    expect(await first.call('settings.get', {})).toEqual({ ok: true, value: { language: 'ja', userName: '', role: 'rep' } });
    expect(await first.call('settings.update', { language: 'fr' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await first.call('settings.update', { role: 'manager' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await first.call('settings.update', { language: 'en' })).toEqual({ ok: true, value: { language: 'en', userName: '', role: 'rep' } });
    expect(await first.call('settings.update', { role: 'team_lead' })).toEqual({ ok: true, value: { language: 'en', userName: '', role: 'team_lead' } });
    first.close();
    const second = open(dir);
    expect(await second.call('settings.get', {})).toMatchObject({ ok: true, value: { language: 'en', role: 'team_lead' } });
    second.close();
  });

  it('makes an online backup that opens as a store with the same leads and never overwrites', async () => {
    const dir = tempDir();
    const backend = open(dir);
    backend.leads.createMany([leadInput(), leadInput({ email: 'b@example.jp' })]);
    const target = path.join(dir, 'backup.db');
    const answer = await backend.call('store.backup', { path: target });
    expect(answer).toMatchObject({ ok: true, value: { path: target } });
    // The app keeps writing after the backup; the backup keeps the moment it was taken.
    backend.leads.createMany([leadInput({ email: 'c@example.jp' })]);
    const again = await backend.call('store.backup', { path: target });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'errors.backup.exists' } });
    const self = await backend.call('store.backup', { path: backend.ctx.store.path });
    expect(self).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const restored = openStore(target);
    expect(restored.db.prepare('SELECT email FROM leads ORDER BY email').all()).toEqual([{ email: 'b@example.jp' }, { email: 'yamada@test-shoji.example.jp' }]);
    expect(restored.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 2 });
    restored.db.close();
    backend.close();
  });

  it('reports the store location, lead count and pending ops', async () => {
    const backend = open();
    backend.leads.createMany([leadInput()]);
    const info = await backend.call('store.info', {});
    expect(info).toMatchObject({ ok: true, value: { leadCount: 1, pendingOps: 1, demo: false, schemaVersion: MIGRATIONS.at(-1)?.id } });
    backend.close();
  });
});
