import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import type { ImportPreview, ImportRecord, ImportResult, UndoResult } from '../../../shared/api/imports';
import type { LeadTimeline } from '../../../shared/api/lead-edits';
import type { Lead } from '../../../shared/domain/lead';
import { leadInput } from '../../helpers/lead-input';
import { useTempDir } from '../../helpers/temp-dir';
import { openTempBackend } from '../../helpers/temp-store';

const ok = async <T>(backend: Backend, method: string, input: unknown): Promise<T> => {
  const answer = await backend.call(method, input);
  if (!answer.ok) throw new Error(`${method} failed: ${answer.error.message}`);
  return answer.value as T;
};

const allLeads = (backend: Backend): Lead[] =>
  (backend.ctx.store.db.prepare('SELECT id FROM leads WHERE deleted_at IS NULL ORDER BY rowid').pluck().all() as string[]).map((id) => backend.leads.get(id));

const count = (backend: Backend, table: string): number =>
  (backend.ctx.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

// A trade-show list as Japanese Excel saves it: CP932, CRLF, Japanese headers.
const SHOW_LIST = [
  '会社名,氏名,フリガナ,部署,役職,電話番号,メール,従業員数,備考',
  '株式会社サンプル商事,山田 太郎,ヤマダ タロウ,営業部,部長,03-1234-5678,yamada@sample.example.jp,120,展示会ブースで名刺交換',
  '㈱髙橋製作所,髙橋 一郎,タカハシ イチロウ,製造部,課長,０６（１２３４）５６７８,,"1,200",①優先',
  ',佐藤 花子,サトウ ハナコ,総務部,,045-111-2222,sato@x.example.jp,30,会社名なし',
  'テスト工業株式会社,鈴木 次郎,スズキ ジロウ,情報システム部,主任,,,50,連絡先なし',
  'サンプル商事(株),山田 太郎,ヤマダ タロウ,営業部,部長,+81 3 1234 5678,,,同じ人',
].join('\r\n');

describe('lead import', () => {
  const tempDir = useTempDir();
  const setup = () => {
    const dir = tempDir();
    const backend = openTempBackend(dir);
    const write = (name: string, content: string | Buffer) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    };
    return { dir, backend, write };
  };

  it('imports a Shift_JIS (CP932) file exactly, rejecting bad rows with their line and reason', async () => {
    const { backend, write } = setup();
    const file = write('展示会リスト.csv', iconv.encode(SHOW_LIST, 'cp932'));
    const result = await ok<ImportResult>(backend, 'imports.commit', { path: file });
    expect(result).toMatchObject({ fileName: '展示会リスト.csv', format: 'csv', encoding: 'cp932', totalRows: 5, created: 2, skipped: 1, rejected: 2, updated: 0 });
    expect(result.rejectedRows.map((r) => [r.line, r.reasons.map((x) => x.field)])).toEqual([
      [4, ['companyName']],
      [5, ['row']],
    ]);
    const leads = allLeads(backend);
    expect(leads).toHaveLength(2);
    expect(leads[0]).toMatchObject({
      companyName: '株式会社サンプル商事',
      familyName: '山田',
      givenName: '太郎',
      familyNameKana: 'ヤマダ',
      givenNameKana: 'タロウ',
      department: '営業部',
      title: '部長',
      phone: '03-1234-5678',
      email: 'yamada@sample.example.jp',
      employeeCount: 120,
      stage: 'lead',
      importId: result.id,
      customFields: { 備考: '展示会ブースで名刺交換' },
    });
    // CP932-only characters survive, and originals are kept as written.
    expect(leads[1]).toMatchObject({ companyName: '㈱髙橋製作所', familyName: '髙橋', phone: '０６（１２３４）５６７８', employeeCount: 1200, customFields: { 備考: '①優先' } });
    const records = await ok<ImportRecord[]>(backend, 'imports.list', {});
    expect(records).toEqual([expect.objectContaining({ id: result.id, created: 2, rejected: 2, skipped: 1, actor: 'local', undoneAt: null })]);
    // One batch op for the new leads plus the import's own op, all in the same transaction.
    const ops = backend.ctx.store.db.prepare('SELECT seq, entity, entity_id AS entityId, op, payload FROM outbox ORDER BY seq').all() as {
      seq: number;
      entity: string;
      entityId: string;
      op: string;
      payload: string;
    }[];
    expect(ops.map(({ payload: _payload, ...op }) => op)).toEqual([
      { seq: 1, entity: 'import', entityId: result.id, op: 'lead.createBatch' },
      { seq: 2, entity: 'import', entityId: result.id, op: 'import.commit' },
    ]);
    // Stored as JSON text (the batch reaches the writer as UTF-8 bytes), as every op's payload is.
    expect(ops.map((op) => typeof op.payload)).toEqual(['string', 'string']);
    // Column by column: every value of every lead, null where a lead has none, absent columns left out.
    const batch = JSON.parse(ops[0]!.payload) as { importId: string; createdAt: string; ids: string[]; fields: Record<string, unknown[]> };
    expect(batch).toMatchObject({ importId: result.id, createdAt: leads[0]!.createdAt, ids: [leads[0]!.id, leads[1]!.id] });
    expect(batch.fields).toMatchObject({
      companyName: ['株式会社サンプル商事', '㈱髙橋製作所'],
      department: ['営業部', '製造部'],
      email: ['yamada@sample.example.jp', null],
      phone: ['03-1234-5678', '０６（１２３４）５６７８'],
      employeeCount: [120, 1200],
      stage: ['lead', 'lead'],
      customFields: [{ 備考: '展示会ブースで名刺交換' }, { 備考: '①優先' }],
    });
    expect(Object.keys(batch.fields)).not.toContain('mobile');
    expect(Object.keys(batch.fields)).not.toContain('doNotCall');
    expect(backend.ctx.store.db.prepare('SELECT last_seq FROM device').get()).toEqual({ last_seq: 2 });
    backend.close();
  });

  it('records the leads’ arrival once, by the import, and a stage event only for a lead that arrives at another stage, which the funnel counts', async () => {
    const { backend, write } = setup();
    const file = write(
      'webinar.csv',
      ['会社名,氏名,メール,ステージ', '株式会社アルファ,青木 一郎,aoki@alpha.example.jp,', '株式会社ベータ,井上 花子,inoue@beta.example.jp,MQL'].join('\r\n'),
    );
    const result = await ok<ImportResult>(backend, 'imports.commit', { path: file });
    expect(result).toMatchObject({ created: 2, rejected: 0 });
    const [arrivedAtLead, arrivedAtMql] = allLeads(backend);
    expect([arrivedAtLead!.stage, arrivedAtMql!.stage]).toEqual(['lead', 'mql']);
    const db = backend.ctx.store.db;
    expect(db.prepare('SELECT lead_id, from_stage, to_stage, reason, actor, occurred_at FROM stage_transitions').all()).toEqual([
      { lead_id: arrivedAtMql!.id, from_stage: null, to_stage: 'mql', reason: 'created', actor: 'local', occurred_at: arrivedAtMql!.createdAt },
    ]);
    expect(db.prepare("SELECT lead_id, milestone FROM funnel_firsts").all()).toEqual([{ lead_id: arrivedAtMql!.id, milestone: 'mql' }]);
    // Each lead's history starts with the import that created it; the MQL one also with its stage.
    const timeline = async (id: string) => (await ok<LeadTimeline>(backend, 'leads.timeline', { id })).entries.map((e) => [e.kind, e.at]);
    expect(await timeline(arrivedAtLead!.id)).toEqual([['import', arrivedAtLead!.createdAt]]);
    expect((await timeline(arrivedAtMql!.id)).sort()).toEqual([
      ['import', arrivedAtMql!.createdAt],
      ['stage', arrivedAtMql!.createdAt],
    ]);
    // A whole list imported as MQL: an event for every lead (more than one insert statement's worth).
    const many = 150;
    const list = write('mql.csv', ['会社名,氏名,メール', ...Array.from({ length: many }, (_, i) => `株式会社M${i},社員 ${i},m${i}@m.example.jp`)].join('\r\n'));
    const second = await ok<ImportResult>(backend, 'imports.commit', { path: list, defaultStage: 'mql' });
    expect(second).toMatchObject({ created: many });
    const events = db.prepare("SELECT count(*) AS n, count(DISTINCT t.lead_id) AS leads FROM stage_transitions t JOIN leads l ON l.id = t.lead_id WHERE l.import_id = ? AND t.to_stage = 'mql' AND t.reason = 'created' AND t.occurred_at = l.created_at");
    expect(events.get(second.id)).toEqual({ n: many, leads: many });
    expect(db.prepare("SELECT count(*) FROM funnel_firsts WHERE milestone = 'mql'").pluck().get()).toBe(many + 1);
    backend.close();
  });

  it('previews the counts for each duplicate policy and writes nothing', async () => {
    const { backend, write } = setup();
    backend.leads.createMany([leadInput({ companyName: '株式会社サンプル商事', email: 'YAMADA@sample.example.jp', phone: null, department: null })]);
    const file = write('list.csv', SHOW_LIST);
    const before = count(backend, 'outbox');
    for (const [policy, expected] of [
      ['skip', { toCreate: 1, toUpdate: 0, skipped: 2 }],
      ['fill', { toCreate: 1, toUpdate: 1, skipped: 0 }],
      ['overwrite', { toCreate: 1, toUpdate: 1, skipped: 0 }],
      ['create', { toCreate: 3, toUpdate: 0, skipped: 0 }],
    ] as const) {
      const preview = await ok<ImportPreview>(backend, 'imports.preview', { path: file, onDuplicate: policy });
      expect(preview.counts, policy).toMatchObject({ totalRows: 5, rejected: 2, ...expected });
    }
    const preview = await ok<ImportPreview>(backend, 'imports.preview', { path: file });
    expect(preview.counts).toMatchObject({ duplicatesInStore: 2, duplicatesInFile: 0 });
    expect(preview.encoding).toBe('utf8');
    expect(preview.mapping.slice(0, 3)).toEqual([
      { header: '会社名', target: 'companyName' },
      { header: '氏名', target: 'fullName' },
      { header: 'フリガナ', target: 'fullNameKana' },
    ]);
    expect(preview.sample[0]?.lead?.companyName).toBe('株式会社サンプル商事');
    expect(count(backend, 'outbox')).toBe(before);
    expect(count(backend, 'imports')).toBe(0);
    backend.close();
  });

  it('finds duplicates within the file by email, phone in any format, and company + person', async () => {
    const { backend, write } = setup();
    const file = write(
      'dups.csv',
      [
        'Company,Last Name,First Name,Email,Phone',
        '"Acme Co., Ltd.",Ito,Ken,ken@acme.example.com,03-5555-0001',
        'ACME,Sato,Aya,KEN@ACME.EXAMPLE.COM,',
        'Beta Inc.,Mori,Rin,rin@beta.example.com,０３５５５５０００２',
        'Beta,Kato,Jun,jun@beta.example.com,+81 3 5555 0002',
        'Acme Corporation,Ito,Ken,other@acme.example.com,',
      ].join('\n'),
    );
    const preview = await ok<ImportPreview>(backend, 'imports.preview', { path: file });
    expect(preview.counts).toMatchObject({ totalRows: 5, toCreate: 2, duplicatesInFile: 3, mergedInFile: 0, skipped: 3, rejected: 0 });
    const filled = await ok<ImportResult>(backend, 'imports.commit', { path: file, onDuplicate: 'fill' });
    expect(filled.created).toBe(2);
    expect(allLeads(backend).map((l) => [l.companyName, l.familyName, l.email])).toEqual([
      ['Acme Co., Ltd.', 'Ito', 'ken@acme.example.com'],
      ['Beta Inc.', 'Mori', 'rin@beta.example.com'],
    ]);
    backend.close();
  });

  it('counts every row once, so the counts add up to the rows, with rows merged within the file', async () => {
    const { backend, write } = setup();
    const [stored] = backend.leads.createMany([leadInput({ companyName: 'Gamma', email: 'gamma@gamma.example.com', phone: null })]);
    const file = write(
      'merged.csv',
      [
        'Company,Last Name,First Name,Email,Phone,Title',
        'Acme,Ito,Ken,ken@acme.example.com,,',
        'Acme,Ito,Ken,KEN@acme.example.com,,CEO',
        'Gamma,Ueda,Mai,gamma@gamma.example.com,,',
        'Gamma,Ueda,Mai,gamma@gamma.example.com,03-5555-0003,',
        'Acme,Ito,Ken,ken@acme.example.com,,CTO',
        'Delta,,,,,',
      ].join('\n'),
    );
    const sums = (c: { toCreate: number; toUpdate: number; mergedInFile: number; skipped: number; rejected: number }) => c.toCreate + c.toUpdate + c.mergedInFile + c.skipped + c.rejected;
    for (const [policy, expected] of [
      ['skip', { toCreate: 1, toUpdate: 0, mergedInFile: 0, skipped: 4 }],
      ['fill', { toCreate: 1, toUpdate: 1, mergedInFile: 3, skipped: 0 }],
      ['overwrite', { toCreate: 1, toUpdate: 1, mergedInFile: 3, skipped: 0 }],
      ['create', { toCreate: 5, toUpdate: 0, mergedInFile: 0, skipped: 0 }],
    ] as const) {
      const { counts } = await ok<ImportPreview>(backend, 'imports.preview', { path: file, onDuplicate: policy });
      expect(counts, policy).toMatchObject({ totalRows: 6, rejected: 1, ...expected });
      expect(sums(counts), policy).toBe(counts.totalRows);
    }
    const result = await ok<ImportResult>(backend, 'imports.commit', { path: file, onDuplicate: 'overwrite' });
    expect(result).toMatchObject({ totalRows: 6, created: 1, updated: 1, unchanged: 0, mergedInFile: 3, skipped: 0, rejected: 1 });
    expect(backend.leads.get(stored!).phone).toBe('03-5555-0003');
    expect(allLeads(backend).find((l) => l.companyName === 'Acme')?.title).toBe('CTO');
    // The list derives the count from the stored ones.
    const [record] = await ok<ImportRecord[]>(backend, 'imports.list', {});
    expect(record).toMatchObject({ id: result.id, mergedInFile: 3 });
    backend.close();
  });

  it('fills only empty fields or overwrites them, and undo restores exactly what it changed', async () => {
    const { backend, write } = setup();
    const [existing] = backend.leads.createMany([leadInput({ email: 'yamada@sample.example.jp', department: null, title: '課長', employeeCount: null })]);
    const file = write('list.csv', SHOW_LIST);
    const filled = await ok<ImportResult>(backend, 'imports.commit', { path: file, onDuplicate: 'fill' });
    expect(filled).toMatchObject({ created: 1, updated: 1, rejected: 2 });
    expect(backend.leads.get(existing!)).toMatchObject({ department: '営業部', title: '課長', employeeCount: 120, companyName: '株式会社テスト商事' });

    // Someone edits the department after the import: undo must not take that away.
    backend.ctx.store.db.prepare("UPDATE leads SET department = '営業推進部' WHERE id = ?").run(existing);
    const undone = await ok<UndoResult>(backend, 'imports.undo', { id: filled.id });
    expect(undone).toMatchObject({ importId: filled.id, removed: 1, restored: 1, keptNewer: 1 });
    expect(backend.leads.get(existing!)).toMatchObject({ department: '営業推進部', employeeCount: null, title: '課長' });
    expect(allLeads(backend)).toHaveLength(1);
    expect(await backend.call('imports.undo', { id: filled.id })).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'errors.import.alreadyUndone' } });

    const overwritten = await ok<ImportResult>(backend, 'imports.commit', { path: file, onDuplicate: 'overwrite' });
    expect(overwritten.updated).toBe(1);
    // Both matching rows overwrite in file order: the later row's company name wins.
    expect(backend.leads.get(existing!)).toMatchObject({ companyName: 'サンプル商事(株)', title: '部長', department: '営業部', phone: '+81 3 1234 5678' });
    backend.close();
  });

  it('commits all or nothing: a failure half way leaves the store as it was', async () => {
    const { backend, write } = setup();
    const file = write('list.csv', SHOW_LIST);
    // A real failure inside SQLite on the second lead, after the first was written.
    backend.ctx.store.db.exec("CREATE TRIGGER fail_second BEFORE INSERT ON leads WHEN (SELECT count(*) FROM leads) >= 1 BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const answer = await backend.call('imports.commit', { path: file });
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    for (const table of ['leads', 'imports', 'outbox', 'stage_transitions', 'import_changes']) expect(count(backend, table), table).toBe(0);
    expect(backend.ctx.store.db.prepare('SELECT last_seq FROM device').get()).toEqual({ last_seq: 0 });
    backend.close();
  });

  it('reports progress, and a cancelled import writes nothing', async () => {
    const { backend, write } = setup();
    const rows = Array.from({ length: 30_000 }, (_, i) => `会社${i}株式会社,担当 ${i},03-${String(1000 + (i % 9000)).padStart(4, '0')}-${String(i % 10000).padStart(4, '0')},p${i}@example.jp`);
    const file = write('big.csv', ['会社名,氏名,電話番号,メール', ...rows].join('\n'));
    const progress: string[] = [];
    const stop = backend.subscribe((event) => {
      if (event.name === 'import.progress') {
        progress.push(event.payload.phase);
        // Cancel a third of the way through: the writer thread has been writing the leads planned
        // so far all along, in the import's transaction, which must roll back.
        if (event.payload.phase === 'check' && event.payload.done >= 10_000) {
          stop();
          void backend.call('imports.cancel', {});
        }
      }
    });
    const answer = await backend.call('imports.commit', { path: file });
    expect(answer).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'errors.import.cancelled' } });
    expect(progress).toContain('read');
    expect(progress).toContain('check');
    expect(progress).not.toContain('write');
    for (const table of ['leads', 'imports', 'outbox', 'stage_transitions', 'lead_search']) expect(count(backend, table), table).toBe(0);
    expect(await backend.call('imports.cancel', {})).toEqual({ ok: true, value: { cancelled: false } });
    // The store is free again: the same file imports completely, checking and then writing the rest.
    const phases: { phase: string; done: number; total: number }[] = [];
    const listen = backend.subscribe((event) => {
      if (event.name === 'import.progress') phases.push(event.payload);
    });
    const done = await ok<ImportResult>(backend, 'imports.commit', { path: file });
    listen();
    expect(done.created).toBe(30_000);
    const writes = phases.filter((p) => p.phase === 'write');
    expect(writes.length).toBeGreaterThan(0);
    expect(phases.indexOf(writes[0]!)).toBeGreaterThan(phases.findLastIndex((p) => p.phase === 'check'));
    expect(writes.every((p) => p.total === 30_000 && p.done <= p.total)).toBe(true);
    backend.close();
  });

  it('saves rejected rows as a CSV in the original columns that imports again once fixed', async () => {
    const { dir, backend, write } = setup();
    const file = write('list.csv', SHOW_LIST);
    const result = await ok<ImportResult>(backend, 'imports.commit', { path: file });
    const target = path.join(dir, 'rejected.csv');
    expect(await ok(backend, 'imports.rejectedCsv', { id: result.id, path: target })).toEqual({ path: target, rows: 2 });
    const text = fs.readFileSync(target, 'utf8');
    expect(text.startsWith('\uFEFF会社名,氏名,フリガナ,部署,役職,電話番号,メール,従業員数,備考\r\n')).toBe(true);
    expect(text).toContain(',佐藤 花子,サトウ ハナコ,総務部,,045-111-2222,sato@x.example.jp,30,会社名なし\r\n');
    fs.writeFileSync(target, text.replace(',佐藤 花子', '佐藤物産株式会社,佐藤 花子').replace('連絡先なし', '連絡先なし').replace(',,,50,', ',,suzuki@test.example.jp,50,'));
    const again = await ok<ImportResult>(backend, 'imports.commit', { path: target });
    expect(again).toMatchObject({ created: 2, rejected: 0, encoding: 'utf8-bom' });
    expect(await backend.call('imports.rejectedCsv', { id: result.id, path: target })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    backend.close();
  });

  it('keeps every rejected row of a file where tens of thousands are rejected, with their long texts', async () => {
    const { dir, backend, write } = setup();
    // A list mapped wrongly (no company) with long notes: 30,000 rejected rows are about 40 MB.
    const note = '展示会で名刺交換。'.repeat(45);
    const lines = ['会社名,氏名,メール,備考', '株式会社ただ一社,山田 太郎,yamada@one.example.jp,ok'];
    for (let i = 0; i < 30_000; i += 1) lines.push(`,山田 ${i},user${i}@x.example.jp,${note}${i}`);
    const file = write('rejects.csv', lines.join('\r\n'));
    const result = await ok<ImportResult>(backend, 'imports.commit', { path: file, onDuplicate: 'skip' });
    expect(result).toMatchObject({ totalRows: 30_001, created: 1, rejected: 30_000 });
    expect(result.rejectedRows).toHaveLength(30_000);
    expect(result.rejectedRows[29_999]).toMatchObject({ line: 30_002, cells: ['', '山田 29999', 'user29999@x.example.jp', `${note}29999`] });
    const target = path.join(dir, 'rejected.csv');
    expect(await ok(backend, 'imports.rejectedCsv', { id: result.id, path: target })).toEqual({ path: target, rows: 30_000 });
    backend.close();
  }, 60_000);

  it('remembers a mapping as a named preset and uses it', async () => {
    const { backend, write } = setup();
    const file = write('custom.csv', '取引先,担当者メール,TEL\nサンプル株式会社,a@sample.example.jp,03-0000-1111\n');
    const preview = await ok<ImportPreview>(backend, 'imports.preview', { path: file });
    expect(preview.mapping.map((m) => m.target)).toEqual(['custom', 'email', 'phone']);
    const mapping = [
      { header: '取引先', target: 'companyName' },
      { header: '担当者メール', target: 'email' },
      { header: 'TEL', target: 'phone' },
    ];
    await ok(backend, 'imports.savePreset', { name: '取引先リスト', mapping });
    const result = await ok<ImportResult>(backend, 'imports.commit', { path: file, preset: '取引先リスト' });
    expect(result.created).toBe(1);
    expect(allLeads(backend)[0]).toMatchObject({ companyName: 'サンプル株式会社', email: 'a@sample.example.jp' });
    expect(await backend.call('imports.preview', { path: file, preset: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'There is no mapping preset named "nope". Saved presets: "取引先リスト".' },
    });
    backend.close();
  });

  it('explains a missing file, an empty file and a mapping that does not fit', async () => {
    const { dir, backend, write } = setup();
    expect(await backend.call('imports.preview', { path: path.join(dir, 'missing.csv') })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/missing\.csv does not exist/) },
    });
    const empty = write('empty.csv', '');
    expect(await backend.call('imports.preview', { path: empty })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/empty/) } });
    const file = write('list.csv', SHOW_LIST);
    expect(await backend.call('imports.preview', { path: file, mapping: [{ header: '会社名', target: 'companyName' }] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', messageKey: 'errors.import.mappingMismatch' },
    });
    backend.close();
  });
});
