import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend';
import { silentLogger } from '../../../electron/backend/log';
import { runCli } from '../../../electron/cli';
import { leadInput } from '../../helpers/lead-input';
import { captureConsole } from '../../helpers/capture-console';
import { useTempDir } from '../../helpers/temp-dir';

describe('bantam CLI', () => {
  const tempDir = useTempDir();
  const { out, err } = captureConsole();

  const storeWithLeads = (dir: string) => {
    const db = path.join(dir, 'bantam.db');
    const backend = createBackend({ dbPath: db, preferencesPath: path.join(dir, 'prefs.json'), log: silentLogger });
    backend.leads.createMany([leadInput(), leadInput({ companyName: '合同会社サンプル', email: 'x@sample.example.jp' })]);
    backend.close();
    return db;
  };

  it('lists leads as text and as JSON', async () => {
    const db = storeWithLeads(tempDir());
    expect(await runCli(['leads', '--db', db])).toBe(0);
    expect(out.join('\n')).toContain('株式会社テスト商事');
    expect(out.at(-1)).toBe('2 of 2 leads shown.');
    out.length = 0;
    expect(await runCli(['leads', '--db', db, '--json', '--limit', '1'])).toBe(0);
    const page = JSON.parse(out.join('\n')) as { total: number; rows: unknown[] };
    expect(page.total).toBe(2);
    expect(page.rows).toHaveLength(1);
  });

  it('writes a backup that holds the same leads', async () => {
    const dir = tempDir();
    const db = storeWithLeads(dir);
    const target = path.join(dir, 'copy.db');
    expect(await runCli(['backup', '--db', db, '--out', target])).toBe(0);
    expect(out[0]).toMatch(/^Backup written to .*copy\.db \(\d+ bytes\)\.$/);
    out.length = 0;
    expect(await runCli(['leads', '--db', target, '--json'])).toBe(0);
    expect(JSON.parse(out.join('\n')).total).toBe(2);
    expect(await runCli(['backup', '--db', db, '--out', target])).toBe(1);
    expect(err.at(-1)).toMatch(/already exists/);
  });

  it('exits 2 with a clear message on bad usage', async () => {
    const db = path.join(tempDir(), 'bantam.db');
    expect(await runCli(['frobnicate'])).toBe(2);
    expect(err.at(-1)).toMatch(/unknown command "frobnicate"/);
    expect(await runCli(['leads', '--colour'])).toBe(2);
    expect(err.at(-1)).toMatch(/Unknown option '--colour'/);
    expect(await runCli(['backup', '--db', db])).toBe(2);
    expect(err.at(-1)).toMatch(/backup needs --out FILE/);
    expect(await runCli(['leads', '--db', db, '--limit', 'ten'])).toBe(2);
    expect(err.at(-1)).toMatch(/--limit must be a whole number/);
    expect(await runCli([])).toBe(2);
    expect(await runCli(['help'])).toBe(0);
  });

  it('exits 1 with the store message when the store cannot be opened', async () => {
    const db = path.join(tempDir(), 'broken.db');
    fs.writeFileSync(db, 'not a database at all'.repeat(50));
    expect(await runCli(['leads', '--db', db])).toBe(1);
    expect(err.at(-1)).toMatch(/damaged or is not a Bantam store/);
    expect(fs.readFileSync(db, 'utf8')).toBe('not a database at all'.repeat(50));
  });

  it('fills the demo store once with 500 generated leads', async () => {
    const db = path.join(tempDir(), 'demo.db');
    expect(await runCli(['demo', '--db', db])).toBe(0);
    expect(out.at(-1)).toMatch(/demo\.db \(500 leads\)/);
    expect(await runCli(['demo', '--db', db])).toBe(0);
    expect(out.at(-1)).toMatch(/\(500 leads\)/);
  });
});
