import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { createCallRepository } from '../../../electron/backend/calls/repository';
import type { Envelope } from '../../../shared/api';
import type { LeadMergeResult, LeadTimeline, LeadUnmergeResult } from '../../../shared/api/lead-edits';
import type { LeadPage } from '../../../shared/api/leads';
import type { Lead } from '../../../shared/domain/lead';
import { leadInput } from '../../helpers/lead-input';
import { useTempDir } from '../../helpers/temp-dir';
import { openTempBackend } from '../../helpers/temp-store';

const ok = <T>(answer: Envelope<unknown>): T => {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value as T;
};

// Everything but the bookkeeping a write always moves.
const fieldsOf = ({ updatedAt: _u, version: _v, ...rest }: Lead) => rest;

const ops = (backend: Backend) => backend.ctx.store.db.prepare('SELECT op, entity_id AS entityId FROM outbox ORDER BY seq').all() as { op: string; entityId: string }[];

const setup = (backend: Backend) => {
  const [a, b] = backend.leads.createMany([
    leadInput({ companyName: '株式会社アルファ', email: 'yamada@alpha.example.jp', phone: '03-1111-2222', tags: ['展示会'], customFields: { 紹介者: '田中' }, title: null }),
    leadInput({ companyName: 'アルファ(株)', email: null, phone: '03-1111-2222', mobile: '090-3333-4444', tags: ['決裁者'], customFields: { 予算: 'あり', 紹介者: '鈴木' }, title: '部長' }),
  ]) as [string, string];
  const calls = createCallRepository(backend.ctx);
  backend.ctx.store.db.transaction(() => {
    calls.appendInTransaction({ leadId: b, phoneNumber: '090-3333-4444', outcome: 'connected', startedAt: '2026-03-01T01:00:00.000Z', endedAt: '2026-03-01T01:05:00.000Z', note: null, callbackAt: null }, 'rep');
  })();
  backend.ctx.store.db.prepare("INSERT INTO notes (id, lead_id, body, actor, created_at) VALUES ('note-b', ?, 'Bのメモ', 'rep', '2026-03-02T00:00:00.000Z')").run(b);
  return { a, b, before: { a: backend.leads.get(a), b: backend.leads.get(b) } };
};

describe('lead merge and undo', () => {
  const tempDir = useTempDir();

  it('merges field by field: the loser becomes a tombstone and its history joins the survivor', async () => {
    const backend = openTempBackend(tempDir());
    const { a, b, before } = setup(backend);
    const opsBefore = ops(backend).length;
    const result = ok<LeadMergeResult>(
      await backend.call('leads.merge', {
        survivorId: a,
        loserId: b,
        survivorVersion: before.a.version,
        loserVersion: before.b.version,
        choices: { mobile: 'loser', title: 'loser', tags: 'both', customFields: 'both', email: 'survivor' },
      }),
    );
    expect(result.lead).toMatchObject({
      id: a,
      companyName: '株式会社アルファ',
      email: 'yamada@alpha.example.jp',
      mobile: '090-3333-4444',
      title: '部長',
      tags: ['展示会', '決裁者'],
      customFields: { 予算: 'あり', 紹介者: '田中' },
      callCount: 1,
      lastCalledAt: '2026-03-01T01:00:00.000Z',
    });
    expect(result.merge).toMatchObject({ survivorId: a, loserId: b, fields: ['mobile', 'title', 'tags', 'customFields'], undoneAt: null });
    const db = backend.ctx.store.db;
    expect(db.prepare('SELECT deleted_at IS NOT NULL AS gone, merged_into FROM leads WHERE id = ?').get(b)).toEqual({ gone: 1, merged_into: a });
    expect(backend.leads.find(b)).toBeNull();
    // History rows are never rewritten: the call and note still belong to b.
    expect(db.prepare('SELECT lead_id FROM calls').pluck().all()).toEqual([b]);
    const timeline = ok<LeadTimeline>(await backend.call('leads.timeline', { id: a }));
    expect(timeline.entries.map((e) => `${e.kind}:${e.leadId === a ? 'a' : 'b'}`)).toEqual(['merge:a', 'stage:b', 'stage:a', 'note:b', 'call:b']);
    expect(timeline.entries[0]).toMatchObject({ kind: 'merge', role: 'survivor', otherLeadId: b, otherCompany: 'アルファ(株)' });
    // The survivor is found by the loser's mobile; the tombstone is not listed.
    const found = ok<LeadPage>(await backend.call('leads.list', { search: '090-3333' }));
    expect(found.rows.map((r) => r.id)).toEqual([a]);
    expect(backend.leads.count()).toBe(1);
    expect(ops(backend).slice(opsBefore).map((o) => o.op)).toEqual(['lead.update', 'lead.merge', 'lead.delete']);
    backend.close();
  });

  it('undo restores both leads exactly and unjoins the history', async () => {
    const backend = openTempBackend(tempDir());
    const { a, b, before } = setup(backend);
    const merged = ok<LeadMergeResult>(
      await backend.call('leads.merge', {
        survivorId: a,
        loserId: b,
        survivorVersion: before.a.version,
        loserVersion: before.b.version,
        choices: { mobile: 'loser', title: 'loser', tags: 'both', customFields: 'both' },
      }),
    );
    const undone = ok<LeadUnmergeResult>(await backend.call('leads.unmerge', { mergeId: merged.merge.id }));
    expect(undone.keptNewer).toBe(0);
    expect(fieldsOf(undone.survivor)).toEqual(fieldsOf(before.a));
    expect(fieldsOf(undone.restored)).toEqual(fieldsOf(before.b));
    expect(fieldsOf(backend.leads.get(b))).toEqual(fieldsOf(before.b));
    expect(backend.ctx.store.db.prepare('SELECT merged_into FROM leads WHERE id = ?').pluck().get(b)).toBeNull();
    const timeline = ok<LeadTimeline>(await backend.call('leads.timeline', { id: a }));
    expect(timeline.entries.map((e) => e.kind)).toEqual(['merge', 'stage']);
    expect(timeline.entries[0]).toMatchObject({ undoneAt: undone.undoneAt });
    expect(ok<LeadPage>(await backend.call('leads.list', { search: '090-3333' })).rows.map((r) => r.id)).toEqual([b]);
    expect(ops(backend).slice(-3).map((o) => o.op)).toEqual(['lead.update', 'lead.unmerge', 'lead.restore']);
    expect(await backend.call('leads.unmerge', { mergeId: merged.merge.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', messageKey: 'leadDetail.errors.mergeAlreadyUndone' },
    });
    backend.close();
  });

  it('undo keeps a survivor field edited after the merge', async () => {
    const backend = openTempBackend(tempDir());
    const { a, b, before } = setup(backend);
    const merged = ok<LeadMergeResult>(
      await backend.call('leads.merge', { survivorId: a, loserId: b, survivorVersion: before.a.version, loserVersion: before.b.version, choices: { mobile: 'loser', title: 'loser' } }),
    );
    ok(await backend.call('leads.update', { id: a, version: merged.lead.version, patch: { title: '本部長' } }));
    const undone = ok<LeadUnmergeResult>(await backend.call('leads.unmerge', { mergeId: merged.merge.id }));
    expect(undone.keptNewer).toBe(1);
    expect(undone.survivor).toMatchObject({ title: '本部長', mobile: before.a.mobile, callCount: 0 });
    backend.close();
  });

  it('refuses stale versions, the same lead twice, both for a plain field, and a survivor merged away since', async () => {
    const backend = openTempBackend(tempDir());
    const { a, b, before } = setup(backend);
    const [c] = backend.leads.createMany([leadInput({ companyName: 'ガンマ' })]) as [string];
    const stale = await backend.call('leads.merge', { survivorId: a, loserId: b, survivorVersion: before.a.version + 1, loserVersion: before.b.version });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'leadDetail.errors.mergeStale' } });
    expect(await backend.call('leads.merge', { survivorId: a, loserId: a, survivorVersion: 1, loserVersion: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await backend.call('leads.merge', { survivorId: a, loserId: b, survivorVersion: 1, loserVersion: 1, choices: { email: 'both' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(backend.leads.count()).toBe(3);
    // a ← b, then c ← a: undoing the first needs the second undone before it.
    const first = ok<LeadMergeResult>(await backend.call('leads.merge', { survivorId: a, loserId: b, survivorVersion: before.a.version, loserVersion: before.b.version }));
    ok(await backend.call('leads.merge', { survivorId: c, loserId: a, survivorVersion: backend.leads.get(c).version, loserVersion: first.lead.version }));
    const chained = ok<LeadTimeline>(await backend.call('leads.timeline', { id: c }));
    expect(new Set(chained.entries.map((e) => e.leadId))).toEqual(new Set([a, b, c]));
    expect(await backend.call('leads.unmerge', { mergeId: first.merge.id })).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'leadDetail.errors.survivorGone' } });
    backend.close();
  });
});
