import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import type { ApiEvent } from '../../../shared/api';
import { DEFAULT_SCRIPT_CONTENT } from '../../../shared/domain/hearing-script';
import { DEFAULT_DEFINITIONS_CONTENT } from '../../../shared/domain/stage-definitions';
import { useTempDir } from '../../helpers/temp-dir';
import { addLead, callOk, openCockpit, testClock } from './call-cockpit';
import { callError, hasCatalogText, setRole, tableCounts, TQL_ANSWERS } from './hearing-fixture';

const rows = (backend: Backend, sql: string, ...params: unknown[]) => backend.ctx.store.db.prepare(sql).all(...params);

describe('the hearing', () => {
  const tempDir = useTempDir();

  it('shows a new lead with the shipped script and definitions, published as version 1 on first read', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const leadId = addLead(backend);
    const view = await callOk(backend, 'hearing.get', { leadId });
    expect(view).toMatchObject({ leadId, stage: 'mql', leadVersion: 1, answers: {}, updatedAt: null, draft: null, actions: ['qualify', 'nurture', 'disqualify'] });
    expect(view.script).toMatchObject({ ...DEFAULT_SCRIPT_CONTENT, version: 1, updatedBy: 'system' });
    expect(view.definitions).toMatchObject({ ...DEFAULT_DEFINITIONS_CONTENT, version: 1 });
    expect(view.check).toMatchObject({ verdict: 'unknown', met: false });
    expect(view.check.missing).toHaveLength(4);
    expect(view.missingRequired).toEqual(['budget', 'authority', 'need', 'timeline']);
    expect(rows(backend, 'SELECT version FROM stage_definitions UNION ALL SELECT version FROM hearing_scripts')).toHaveLength(2);
    await callOk(backend, 'hearing.get', { leadId });
    expect(await callOk(backend, 'definitions.versions', {})).toEqual([{ version: 1, updatedAt: clock.now().toISOString(), updatedBy: 'system' }]);
    const missing = await callError(backend, 'hearing.get', { leadId: 'nope' });
    expect(missing.code).toBe('not_found');
    backend.close();
  });

  it('merges each save onto the answers heard so far and keeps every changed item in the history', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const leadId = addLead(backend);
    const first = await callOk(backend, 'hearing.save', { leadId, scriptVersion: 1, patch: { budget: TQL_ANSWERS.budget, need: { severity: 'medium' } } });
    expect(first.answers).toEqual({ budget: { ...TQL_ANSWERS.budget, answeredOn: '2026-11-24' }, need: { severity: 'medium', answeredOn: '2026-11-24' } });
    expect(first.check.verdict).toBe('unknown');

    clock.set('2026-11-27T15:00:00');
    const events: ApiEvent[] = [];
    backend.subscribe((e) => events.push(e));
    const second = await callOk(backend, 'hearing.save', {
      leadId,
      scriptVersion: 1,
      patch: { need: { severity: 'high', painPoints: '転記ミスが多い' }, authority: TQL_ANSWERS.authority, timeline: TQL_ANSWERS.timeline, budget: { amountMin: 3_000_000 } },
    });
    // The budget was sent unchanged: it keeps the day it was heard and gets no history row.
    expect(second.answers.budget?.answeredOn).toBe('2026-11-24');
    expect(second.answers.need).toEqual({ severity: 'high', painPoints: '転記ミスが多い', answeredOn: '2026-11-27' });
    expect(second).toMatchObject({ check: { verdict: 'met', met: true }, missingRequired: [], updatedAt: clock.now().toISOString() });
    expect(events.map((e) => e.name)).toEqual(['leads.changed']);

    const history = await callOk(backend, 'hearing.history', { leadId });
    expect(history.map((c) => [c.item, c.at.slice(0, 10)])).toEqual([
      ['timeline', '2026-11-27'],
      ['need', '2026-11-27'],
      ['authority', '2026-11-27'],
      ['need', '2026-11-24'],
      ['budget', '2026-11-24'],
    ]);
    expect(history.find((c) => c.item === 'need' && c.at.startsWith('2026-11-27'))).toMatchObject({
      before: { severity: 'medium', answeredOn: '2026-11-24' },
      after: { severity: 'high', painPoints: '転記ミスが多い', answeredOn: '2026-11-27' },
      scriptVersion: 1,
      actor: 'local',
    });
    expect(rows(backend, "SELECT count(*) AS n FROM outbox WHERE op = 'hearing.save'")).toEqual([{ n: 2 }]);

    // Nothing new: no history, no op, no event. Clearing a field is a change like any other.
    const ops = tableCounts(backend).outbox;
    await callOk(backend, 'hearing.save', { leadId, scriptVersion: 1, patch: { need: { severity: 'high' } } });
    expect(tableCounts(backend).outbox).toBe(ops);
    const cleared = await callOk(backend, 'hearing.save', { leadId, scriptVersion: 1, patch: { need: { painPoints: '' } } });
    expect(cleared.answers.need).toEqual({ severity: 'high', answeredOn: '2026-11-27' });
    expect(await callOk(backend, 'hearing.history', { leadId })).toHaveLength(6);
    backend.close();
  });

  it('keeps a draft per lead on this device until the answers are saved, across a restart', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const dir = tempDir();
    let backend = openCockpit(dir, clock);
    const leadId = addLead(backend);
    await callOk(backend, 'hearing.get', { leadId });
    const ops = tableCounts(backend).outbox;
    const saved = await callOk(backend, 'hearing.saveDraft', { leadId, answers: { need: { painPoints: '電話の折り返し漏れ' } } });
    expect(saved).toEqual({ leadId, savedAt: clock.now().toISOString() });
    expect(tableCounts(backend).outbox).toBe(ops);
    backend.close();
    backend = openCockpit(dir, clock);
    expect((await callOk(backend, 'hearing.get', { leadId })).draft).toEqual({ answers: { need: { painPoints: '電話の折り返し漏れ' } }, savedAt: saved.savedAt });
    const view = await callOk(backend, 'hearing.save', { leadId, scriptVersion: 1, patch: { need: { painPoints: '電話の折り返し漏れ' } } });
    expect(view.draft).toBeNull();
    expect(view.answers.need?.painPoints).toBe('電話の折り返し漏れ');
    expect((await callError(backend, 'hearing.saveDraft', { leadId: 'nope', answers: {} })).code).toBe('not_found');
    backend.close();
  });

  it('refuses answers saved against a script version that does not exist, keeping the draft', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const leadId = addLead(backend);
    await callOk(backend, 'hearing.saveDraft', { leadId, answers: { budget: { status: 'none' } } });
    const before = tableCounts(backend);
    const error = await callError(backend, 'hearing.save', { leadId, scriptVersion: 5, patch: { budget: { status: 'none' } } });
    expect(error).toMatchObject({ code: 'invalid_input', messageKey: 'qualification.error.unknownScriptVersion', params: { version: 5, current: 1 } });
    expect(hasCatalogText(error.messageKey)).toBe(true);
    expect(tableCounts(backend)).toEqual(before);
    expect((await callOk(backend, 'hearing.get', { leadId })).draft?.answers).toEqual({ budget: { status: 'none' } });
    backend.close();
  });
});

describe('the definitions and the script', () => {
  const tempDir = useTempDir();

  it('are published by team leads only, as new versions, refusing an edit of an outdated version', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const definitions = await callOk(backend, 'definitions.get', {});
    const { version, updatedAt: _at, updatedBy: _by, ...content } = definitions;
    // TQL needs a budget secured this fiscal year from now on.
    const stricter = { ...content, rules: { ...content.rules, tql: { join: 'and' as const, terms: [{ item: 'budget' as const, op: 'is' as const, value: 'secured_this_fy' as const }] } } };
    const before = tableCounts(backend);
    const forbidden = await callError(backend, 'definitions.update', { version, content: stricter });
    expect(forbidden).toMatchObject({ code: 'forbidden', messageKey: 'qualification.error.definitionsForbidden', params: { role: 'rep' } });
    expect(tableCounts(backend)).toEqual(before);

    await setRole(backend, 'team_lead');
    await callOk(backend, 'settings.update', { userName: '鈴木' });
    const events: ApiEvent[] = [];
    backend.subscribe((e) => events.push(e));
    clock.advance(60_000);
    const published = await callOk(backend, 'definitions.update', { version: 1, content: stricter });
    expect(published).toMatchObject({ version: 2, updatedBy: '鈴木', updatedAt: clock.now().toISOString(), rules: { tql: stricter.rules.tql } });
    expect(events).toEqual([{ name: 'definitions.changed', payload: { version: 2 } }]);
    expect(rows(backend, "SELECT entity_id FROM outbox WHERE op = 'stage_definitions.publish' ORDER BY seq")).toEqual([{ entity_id: '1' }, { entity_id: '2' }]);
    const conflict = await callError(backend, 'definitions.update', { version: 1, content });
    expect(conflict).toMatchObject({ code: 'conflict', messageKey: 'qualification.error.definitionsConflict', params: { version: 2, by: '鈴木', base: 1 } });
    expect((await callOk(backend, 'definitions.versions', {})).map((v) => v.version)).toEqual([2, 1]);
    for (const key of [forbidden.messageKey, conflict.messageKey]) expect(hasCatalogText(key)).toBe(true);
    const invalid = await callError(backend, 'definitions.update', { version: 2, content: { ...content, rules: { ...content.rules, tql: { join: 'and', terms: [] } } } });
    expect(invalid.code).toBe('invalid_input');
    backend.close();
  });

  it('change the live check, and each decision names the version that applied', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const leadId = addLead(backend);
    const answers = { ...TQL_ANSWERS, budget: { status: 'unknown' as const } };
    const saved = await callOk(backend, 'hearing.save', { leadId, scriptVersion: 1, patch: answers });
    expect(saved.check.verdict).toBe('unknown');
    await setRole(backend, 'team_lead');
    const { version: _v, updatedAt: _a, updatedBy: _b, ...content } = saved.definitions;
    const laxer = { ...content, rules: { ...content.rules, tql: { ...content.rules.tql, terms: content.rules.tql.terms.filter((t) => !('item' in t && t.item === 'budget')) } } };
    await callOk(backend, 'definitions.update', { version: 1, content: laxer });
    const view = await callOk(backend, 'hearing.get', { leadId });
    expect(view.check).toMatchObject({ verdict: 'met', failed: [], missing: [] });
    const { transition } = await callOk(backend, 'stage.decide', { leadId, leadVersion: 1, action: { kind: 'qualify' } });
    expect(transition).toMatchObject({ definitionVersion: 2, verdict: 'met', actorRole: 'team_lead' });
    backend.close();
  });

  it('publishes script versions, and hearings record the version they were run with', async () => {
    const clock = testClock('2026-11-24T10:00:00');
    const backend = openCockpit(tempDir(), clock);
    const leadId = addLead(backend);
    const script = await callOk(backend, 'script.get', {});
    const { version: _v, updatedAt: _a, updatedBy: _b, ...content } = script;
    const shorter = { items: content.items.filter((i) => i.item !== 'meetingDate').map((i) => (i.item === 'nextStep' ? { ...i, required: true } : i)) };
    expect((await callError(backend, 'script.update', { version: 1, content: shorter })).messageKey).toBe('qualification.error.scriptForbidden');
    await setRole(backend, 'team_lead');
    const events: ApiEvent[] = [];
    backend.subscribe((e) => events.push(e));
    expect(await callOk(backend, 'script.update', { version: 1, content: shorter })).toMatchObject({ version: 2, items: shorter.items });
    expect(events).toEqual([{ name: 'script.changed', payload: { version: 2 } }]);
    expect((await callError(backend, 'script.update', { version: 1, content })).messageKey).toBe('qualification.error.scriptConflict');
    const view = await callOk(backend, 'hearing.save', { leadId, scriptVersion: 2, patch: TQL_ANSWERS });
    expect(view.missingRequired).toEqual(['nextStep']);
    expect(new Set((await callOk(backend, 'hearing.history', { leadId })).map((c) => c.scriptVersion))).toEqual(new Set([2]));
    // A script without one of the four BANT items is not a script.
    const noBudget = { items: content.items.filter((i) => i.item !== 'budget') };
    expect((await callError(backend, 'script.update', { version: 2, content: noBudget })).code).toBe('invalid_input');
    backend.close();
  });
});
