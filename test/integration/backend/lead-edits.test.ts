import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import type { Envelope } from '../../../shared/api';
import type { LeadTimeline, TimelineEntry } from '../../../shared/api/lead-edits';
import type { LeadPage } from '../../../shared/api/leads';
import type { Lead } from '../../../shared/domain/lead';
import { leadInput } from '../../helpers/lead-input';
import { useTempDir } from '../../helpers/temp-dir';
import { openTempBackend } from '../../helpers/temp-store';

const ok = <T>(answer: Envelope<unknown>): T => {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value as T;
};

const outbox = (backend: Backend) =>
  backend.ctx.store.db.prepare('SELECT entity, entity_id AS entityId, op, payload FROM outbox ORDER BY seq').all() as {
    entity: string;
    entityId: string;
    op: string;
    payload: string;
  }[];

const searchText = (backend: Backend, id: string) =>
  backend.ctx.store.db.prepare('SELECT text FROM lead_search WHERE lead_id = ?').pluck().get(id) as string;

const searchIds = async (backend: Backend, search: string) =>
  ok<LeadPage>(await backend.call('leads.list', { search })).rows.map((r) => r.id);

const manual = {
  companyName: '  株式会社サンプル  ',
  companyKana: 'さんぷる',
  familyName: '佐々木',
  givenName: '',
  email: 'sasaki@sample.example.jp',
  phone: '０３（１１１１）２２２２',
  employeeCount: '1,200名',
  score: '-5',
  temperature: '',
  tags: '展示会, 決裁者、展示会',
  customFields: [
    { name: '紹介者', value: '田中' },
    { name: '', value: '' },
  ],
};

describe('lead create, update, notes and timeline', () => {
  const tempDir = useTempDir();

  it('creates a lead by hand from form-shaped input, with its stage event, search row and outbox op', async () => {
    const backend = openTempBackend(tempDir());
    const events: string[] = [];
    backend.subscribe((event) => events.push(event.name));
    const lead = ok<Lead>(await backend.call('leads.create', manual));
    expect(lead).toMatchObject({
      companyName: '株式会社サンプル',
      companyKana: 'サンプル',
      givenName: null,
      employeeCount: 1200,
      score: -5,
      temperature: null,
      stage: 'lead',
      tags: ['展示会', '決裁者'],
      customFields: { 紹介者: '田中' },
      version: 1,
    });
    expect(outbox(backend).map((o) => o.op)).toEqual(['lead.create']);
    expect(searchText(backend, lead.id)).toContain('0311112222');
    expect(await searchIds(backend, '03-1111')).toEqual([lead.id]);
    expect(events).toContain('leads.changed');
    const timeline = ok<LeadTimeline>(await backend.call('leads.timeline', { id: lead.id }));
    expect(timeline.entries).toMatchObject([{ kind: 'stage', to: 'lead', from: null, reason: 'created' }]);
    backend.close();
  });

  it('refuses invalid fields with a message key per field and writes nothing', async () => {
    const backend = openTempBackend(tempDir());
    const answer = await backend.call('leads.create', {
      companyName: ' ',
      email: 'not-an-email',
      phone: '9012345678',
      mobile: '12-34',
      employeeCount: '約100',
      score: '150000',
      familyName: '',
    });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('invalid_input');
    const byPath = Object.fromEntries((answer.error.issues ?? []).map((i) => [i.path, i.message]));
    expect(byPath).toMatchObject({
      companyName: 'leadDetail.validation.companyRequired',
      email: 'leadDetail.validation.email',
      phone: 'leadDetail.validation.phoneLeadingZero',
      mobile: 'leadDetail.validation.phone',
      employeeCount: 'leadDetail.validation.employeeCount',
      score: 'leadDetail.validation.score',
    });
    const noContact = await backend.call('leads.create', { companyName: 'A社', familyName: null, email: '', phone: '' });
    expect(noContact).toMatchObject({ ok: false, error: { issues: [{ path: 'familyName', message: 'leadDetail.validation.personOrContact' }] } });
    expect(backend.leads.count()).toBe(0);
    expect(outbox(backend)).toEqual([]);
    backend.close();
  });

  it('updates fields in one transaction, keeping keys, search and version in step', async () => {
    const backend = openTempBackend(tempDir());
    const [id] = backend.leads.createMany([leadInput()]);
    const before = backend.leads.get(id as string);
    const updated = ok<Lead>(
      await backend.call('leads.update', {
        id,
        version: before.version,
        patch: { phone: '06-5555-6666', email: 'new@test-shoji.example.jp', customFields: { 予算: '500万円' }, tags: ['重要'] },
      }),
    );
    expect(updated).toMatchObject({ phone: '06-5555-6666', email: 'new@test-shoji.example.jp', customFields: { 予算: '500万円' }, tags: ['重要'], version: 2 });
    const keys = backend.ctx.store.db.prepare('SELECT phone_key, email_key FROM leads WHERE id = ?').get(id);
    expect(keys).toEqual({ phone_key: '0655556666', email_key: 'new@test-shoji.example.jp' });
    expect(await searchIds(backend, '06-5555')).toEqual([id]);
    expect(await searchIds(backend, '03-1234')).toEqual([]);
    const ops = outbox(backend);
    expect(ops.map((o) => o.op)).toEqual(['lead.create', 'lead.update']);
    expect(JSON.parse(ops[1]!.payload)).toEqual({
      fields: { email: 'new@test-shoji.example.jp', phone: '06-5555-6666', tags: ['重要'], customFields: { 予算: '500万円' } },
    });
    // Saving the same values again changes nothing and appends no op.
    const again = ok<Lead>(await backend.call('leads.update', { id, version: 2, patch: { phone: '06-5555-6666' } }));
    expect(again.version).toBe(2);
    expect(outbox(backend)).toHaveLength(2);
    backend.close();
  });

  it('refuses a stale version and names the fields that changed underneath, saving nothing', async () => {
    const backend = openTempBackend(tempDir());
    const [id] = backend.leads.createMany([leadInput()]);
    const seen = backend.leads.get(id as string);
    ok(await backend.call('leads.update', { id, version: seen.version, patch: { title: '部長' } }));
    const answer = await backend.call('leads.update', {
      id,
      version: seen.version,
      patch: { department: '総務部' },
      seen: { title: seen.title, department: seen.department, phone: seen.phone },
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'leadDetail.errors.conflictFields', params: { fields: 'title' } } });
    expect(backend.leads.get(id as string)).toMatchObject({ department: '営業部', title: '部長', version: 2 });
    expect(outbox(backend)).toHaveLength(2);
    backend.close();
  });

  it('refuses an edit that leaves no person and no contact, and a lead that does not exist', async () => {
    const backend = openTempBackend(tempDir());
    const [id] = backend.leads.createMany([leadInput({ mobile: null })]);
    const answer = await backend.call('leads.update', {
      id,
      version: 1,
      patch: { familyName: null, givenName: null, email: null, phone: null },
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', messageKey: 'leadDetail.errors.personOrContact' } });
    expect(await backend.call('leads.update', { id: 'missing', version: 1, patch: {} })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    backend.close();
  });

  it('appends notes and lists calls, stage changes, notes and imports newest first', async () => {
    let clock = Date.parse('2026-04-01T09:00:00Z');
    const backend = openTempBackend(tempDir(), { now: () => new Date(clock) });
    const [id] = backend.leads.createMany([leadInput()]);
    const db = backend.ctx.store.db;
    db.prepare(`INSERT INTO imports (id, file_name, format, on_duplicate, mapping, actor, started_at, finished_at, total_rows, created_count,
        updated_count, unchanged_count, skipped_count, rejected_count) VALUES ('imp-1', 'leads.csv', 'csv', 'fill', '[]', 'rep',
        '2026-04-01T09:10:00.000Z', '2026-04-01T09:10:00.000Z', 1, 0, 1, 0, 0, 0)`).run();
    db.prepare(`INSERT INTO import_changes (import_id, lead_id, before, after) VALUES ('imp-1', ?, '{"title":null}', '{"title":"課長"}')`).run(id);
    db.prepare(`INSERT INTO calls (id, lead_id, phone_number, outcome, started_at, ended_at, duration_seconds, note, callback_at, actor, created_at)
      VALUES ('call-1', ?, '03-1234-5678', 'no_answer', '2026-04-01T09:20:00.000Z', NULL, NULL, NULL, NULL, 'rep', '2026-04-01T09:20:00.000Z')`).run(id);
    clock = Date.parse('2026-04-01T09:30:00Z');
    const note = ok<TimelineEntry>(await backend.call('leads.addNote', { leadId: id, body: '  来期に予算化の予定  ' }));
    expect(note).toMatchObject({ kind: 'note', body: '来期に予算化の予定', leadId: id, at: '2026-04-01T09:30:00.000Z' });
    expect(outbox(backend).at(-1)).toMatchObject({ entity: 'note', op: 'note.add' });
    expect(await backend.call('leads.addNote', { leadId: id, body: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const timeline = ok<LeadTimeline>(await backend.call('leads.timeline', { id }));
    expect(timeline.entries.map((e) => e.kind)).toEqual(['note', 'call', 'import', 'stage']);
    expect(timeline.entries[2]).toMatchObject({ kind: 'import', action: 'updated', fileName: 'leads.csv', fields: ['title'] });
    // JSON-safe: it survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(timeline))).toEqual(timeline);
    expect(await backend.call('leads.timeline', { id: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    backend.close();
  });
});

describe('lead list total', () => {
  const tempDir = useTempDir();

  it('counts the matches only when asked, with the same rows either way', async () => {
    const backend = openTempBackend(tempDir());
    backend.leads.createMany(Array.from({ length: 5 }, (_, i) => leadInput({ companyName: `会社${i}`, email: `a${i}@x.example.jp` })));
    const counted = ok<LeadPage>(await backend.call('leads.list', { limit: 2, offset: 2 }));
    const uncounted = ok<LeadPage>(await backend.call('leads.list', { limit: 2, offset: 2, withTotal: false }));
    expect(counted.total).toBe(5);
    expect(uncounted.total).toBeNull();
    expect(uncounted.rows.map((r) => r.id)).toEqual(counted.rows.map((r) => r.id));
    backend.close();
  });
});
