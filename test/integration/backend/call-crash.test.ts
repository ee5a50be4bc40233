import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp-dir';
import { openTempBackend } from '../../helpers/temp-store';
import { CRASH_CHILD } from '../../setup/build-crash-child';
import { leadInput } from '../../helpers/lead-input';

type Acks = { calls: string[]; lastDraft: Map<string, string> };

// Runs the child until it has acknowledged `calls` logged calls, then kills it with SIGKILL in
// the middle of whatever it is writing.
const runAndKill = (dir: string, leadIds: string[], calls: number): Promise<Acks> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CRASH_CHILD, path.join(dir, 'bantam.sqlite'), path.join(dir, 'preferences.json'), ...leadIds], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Acks = { calls: [], lastDraft: new Map() };
    let pending = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const [kind, leadId, value] = line.split(' ');
        if (kind === 'draft') acks.lastDraft.set(leadId!, value!);
        // A logged call consumes its lead's draft: only drafts typed after the last log count.
        if (kind === 'call') {
          acks.calls.push(value!);
          acks.lastDraft.delete(leadId!);
        }
      }
      // Killed while a note is being typed: after enough calls and with a draft acknowledged.
      if (acks.calls.length >= calls && acks.lastDraft.size > 0 && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acks);
      else reject(new Error(`The child ended by itself (code ${code}): ${stderr}`));
    });
  });

describe('a crash in the middle of a call', () => {
  const tempDir = useTempDir();

  it('loses no acknowledged call or draft and leaves no half-written call', async () => {
    const dir = tempDir();
    const setup = openTempBackend(dir);
    const leadIds = setup.leads.createMany([0, 1, 2].map((i) => leadInput({ companyName: `株式会社クラッシュ${i}`, stage: 'mql' })));
    setup.close();

    const acks = await runAndKill(dir, leadIds, 40);
    expect(acks.calls.length).toBeGreaterThanOrEqual(40);
    expect(acks.lastDraft.size).toBeGreaterThan(0);

    const backend = openTempBackend(dir);
    const db = backend.ctx.store.db;
    const stored = new Set((db.prepare('SELECT id FROM calls').all() as { id: string }[]).map((r) => r.id));
    for (const id of acks.calls) expect(stored.has(id)).toBe(true);
    // Every call has its counters and its outbox op: none was half written.
    expect(db.prepare('SELECT sum(call_count) AS n FROM leads').get()).toEqual({ n: stored.size });
    expect(db.prepare("SELECT count(*) AS n FROM outbox WHERE op = 'call.log'").get()).toEqual({ n: stored.size });
    expect(db.prepare('SELECT count(*) AS n FROM calls c LEFT JOIN outbox o ON o.entity_id = c.id WHERE o.id IS NULL').get()).toEqual({ n: 0 });
    // The drafts typed since the last logged call are there, at least as far as acknowledged.
    for (const [leadId, body] of acks.lastDraft) {
      const draft = (await backend.call('drafts.get', { leadId })) as { ok: true; value: { body: string } | null };
      expect(draft.value?.body.startsWith(body)).toBe(true);
    }
    // At most the one call in progress at the kill is still open; it can be logged now.
    const active = db.prepare('SELECT id FROM active_calls').all() as { id: string }[];
    expect(active.length).toBeLessThanOrEqual(1);
    for (const { id } of active) expect(await backend.call('calls.log', { callId: id, outcome: 'no_answer' })).toMatchObject({ ok: true });
    backend.close();
  });
});
