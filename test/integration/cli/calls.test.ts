import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend';
import { silentLogger } from '../../../electron/backend/log';
import { runCli } from '../../../electron/cli';
import type { CallLog, QueueView } from '../../../shared/api/calls';
import { captureConsole } from '../../helpers/capture-console';
import { leadInput } from '../../helpers/lead-input';
import { useTempDir } from '../../helpers/temp-dir';

// A store worked on 2025-06-02 (a Monday): one call logged with a callback promised for 11:00
// that day, long due by now, and a lead never called.
const workedStore = async (dir: string): Promise<string> => {
  const dbPath = path.join(dir, 'bantam.db');
  const now = () => new Date('2025-06-02T10:00:00+09:00');
  const backend = createBackend({ dbPath, preferencesPath: path.join(dir, 'prefs.json'), log: silentLogger, now });
  const [promised] = backend.leads.createMany([
    leadInput({ companyName: '株式会社コールバック', stage: 'mql' }),
    leadInput({ companyName: '株式会社みかけ', stage: 'mql', familyName: '佐藤', phone: '06-1111-2222' }),
  ]);
  const call = await backend.call('calls.start', { leadId: promised, phoneNumber: '03-1234-5678' });
  if (!call.ok) throw new Error(call.error.message);
  const logged = await backend.call('calls.log', { callId: (call.value as { id: string }).id, outcome: 'callback_requested', callbackAt: '2025-06-02T11:00:00+09:00' });
  if (!logged.ok) throw new Error(logged.error.message);
  backend.close();
  return dbPath;
};

describe('bantam queue and bantam calls', () => {
  const tempDir = useTempDir();
  const { out, err } = captureConsole();

  it('prints the queue in order with the reason for each lead in words', async () => {
    const db = await workedStore(tempDir());
    expect(await runCli(['queue', '--db', db])).toBe(0);
    expect(out[0]).toMatch(/^\d+ to call now \(\d+ held back, 1 callbacks due, 1 of them missed\)$/);
    expect(out[1]).toBe('  1. [Callback] 株式会社コールバック  山田 太郎  03-1234-5678');
    expect(out[2]).toMatch(/^ {5}Missed callback: promised for 2025-06-02 11:00, \d+ days ago$/);
    // The other lead is offered or, outside calling hours, held with the next calling time.
    expect(out.join('\n')).toMatch(/株式会社みかけ {2}佐藤 太郎 {2}06-1111-2222(\n {5}Your MQL: 0 attempts \(last never called\)|: Outside calling hours \(next \d{4}-\d\d-\d\d 09:00\))/);
  });

  it('prints the queue as JSON, for one owner and limited', async () => {
    const db = await workedStore(tempDir());
    expect(await runCli(['queue', '--db', db, '--json', '--limit', '1'])).toBe(0);
    const view = JSON.parse(out.join('\n')) as QueueView;
    expect(view.entries).toHaveLength(1);
    expect(view.entries[0]).toMatchObject({ lead: { companyName: '株式会社コールバック' }, reason: { bucket: 'callback_due', missed: true } });
    out.length = 0;
    expect(await runCli(['queue', '--db', db, '--json', '--owner', '誰か'])).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ entries: [], held: [] });
  });

  it('lists logged calls, since a JST day', async () => {
    const db = await workedStore(tempDir());
    expect(await runCli(['calls', '--db', db])).toBe(0);
    expect(out).toEqual(['2025-06-02 10:00  株式会社コールバック 山田 太郎  Callback requested  0 s  local']);
    out.length = 0;
    expect(await runCli(['calls', '--db', db, '--since', '2025-06-02', '--json'])).toBe(0);
    expect((JSON.parse(out.join('\n')) as CallLog[]).map((c) => c.outcome)).toEqual(['callback_requested']);
    out.length = 0;
    expect(await runCli(['calls', '--db', db, '--since', '2025-06-03'])).toBe(0);
    expect(out).toEqual(['No calls logged.']);
  });

  it('exits 2 with a clear message on a bad --since or --limit', async () => {
    const db = await workedStore(tempDir());
    expect(await runCli(['calls', '--db', db, '--since', 'yesterday'])).toBe(2);
    expect(err.at(-1)).toMatch(/^bantam calls: --since must be a date \(2026-11-24/);
    expect(await runCli(['queue', '--db', db, '--limit', '0'])).toBe(2);
    expect(err.at(-1)).toBe('bantam queue: --limit must be a whole number from 1 to 500; got "0".');
  });
});
