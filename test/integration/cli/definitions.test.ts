import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend';
import { silentLogger } from '../../../electron/backend/log';
import { runCli } from '../../../electron/cli';
import type { StageDefinitions } from '../../../shared/domain/stage-definitions';
import { captureConsole } from '../../helpers/capture-console';
import { useTempDir } from '../../helpers/temp-dir';

const storeAt = (dir: string) => {
  const dbPath = path.join(dir, 'bantam.db');
  const now = () => new Date('2026-11-24T10:00:00+09:00');
  return { dbPath, backend: createBackend({ dbPath, preferencesPath: path.join(dir, 'prefs.json'), log: silentLogger, now }) };
};

describe('bantam definitions', () => {
  const tempDir = useTempDir();
  const { out } = captureConsole();
  const lines = () => out.join('\n').split('\n');

  it('prints the shipped definitions of a fresh store in words, with their version', async () => {
    const { dbPath, backend } = storeAt(tempDir());
    backend.close();
    expect(await runCli(['definitions', '--db', dbPath])).toBe(0);
    expect(out[0]).toMatch(/^Stage definitions, version 1 \(published \d{4}-\d\d-\d\d \d\d:\d\d by system\)$/);
    expect(lines().slice(1, 9)).toEqual([
      '',
      'TQL definition:',
      '  Need severity is "High" or "Medium" AND Timeline is within 6 months AND The contact\'s authority is "Decision maker" or "Influencer" AND Budget is not "No budget"',
      '',
      'When nurture is proposed:',
      '  Budget is "Planned for next fiscal year" OR Timeline is "6 to 12 months" or "A year or more" OR Need severity is "Low"',
      '',
      'Disqualification reasons:',
    ]);
    expect(lines()).toContain('  - competitor_chosen        Chose a competitor');
  });

  it('prints the version a team lead published, switched-off reasons marked, or JSON', async () => {
    const { dbPath, backend } = storeAt(tempDir());
    await backend.call('settings.update', { role: 'team_lead', userName: '鈴木' });
    const current = await backend.call('definitions.get', {});
    if (!current.ok) throw new Error(current.error.message);
    const { version, updatedAt: _a, updatedBy: _b, ...content } = current.value as StageDefinitions;
    const disqualify = [...content.reasons.disqualify.map((r) => (r.code === 'duplicate' ? { ...r, enabled: false } : r)), { code: 'closed_down', label: { ja: '廃業', en: 'Closed down' }, enabled: true }];
    const tql = { join: 'or' as const, terms: [{ item: 'budget' as const, op: 'amount_at_least' as const, yen: 1_000_000 }, { join: 'and' as const, terms: [{ item: 'need' as const, op: 'is_known' as const }, { item: 'nextStep' as const, op: 'is' as const, value: 'agreed' as const }] }] };
    const saved = await backend.call('definitions.update', { version, content: { ...content, rules: { ...content.rules, tql }, reasons: { ...content.reasons, disqualify } } });
    if (!saved.ok) throw new Error(saved.error.message);
    backend.close();

    expect(await runCli(['definitions', '--db', dbPath])).toBe(0);
    expect(out[0]).toBe('Stage definitions, version 2 (published 2026-11-24 10:00 by 鈴木)');
    expect(lines()[3]).toBe('  Budget amount is at least ¥1,000,000 OR (Need severity is known AND Next step is "Agreed")');
    expect(lines().find((line) => line.includes('- duplicate '))).toMatch(/\(switched off\)$/);
    expect(lines().find((line) => line.includes('closed_down'))).toMatch(/Closed down$/);
    out.length = 0;
    expect(await runCli(['definitions', '--db', dbPath, '--json'])).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ version: 2, updatedBy: '鈴木', rules: { tql } });
  });
});
