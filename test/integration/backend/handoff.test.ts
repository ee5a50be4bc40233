import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import type { ApiEvent } from '../../../shared/api';
import { REJECT_REASONS } from '../../../shared/domain/reasons';
import { useTempDir } from '../../helpers/temp-dir';
import { addLead, callOk, jst, openCockpit, testClock, type TestClock } from './call-cockpit';
import { callError, hasCatalogText, setRole, tableCounts, TQL_ANSWERS } from './hearing-fixture';

const MEETING = { status: 'fixed', at: '2026-12-01T14:00:00+09:00', mode: 'visit', place: '東京都千代田区丸の内1-1' } as const;
const version = (backend: Backend, id: string) => backend.leads.get(id).version;

// A lead the rep qualified as TQL, with a logged call note.
const tqlLead = async (backend: Backend): Promise<string> => {
  const leadId = addLead(backend, { companyName: '株式会社テスト', familyName: '山田', givenName: '花子' });
  const call = await callOk(backend, 'calls.start', { leadId, phoneNumber: null });
  await callOk(backend, 'calls.log', { callId: call.id, outcome: 'connected', note: '来週、部長同席で打ち合わせ希望' });
  await callOk(backend, 'stage.decide', { leadId, leadVersion: version(backend, leadId), action: { kind: 'qualify' }, patch: TQL_ANSWERS, scriptVersion: 1 });
  return leadId;
};

const submit = (backend: Backend, leadId: string, overrides: Record<string, unknown> = {}) =>
  callOk(backend, 'handoff.submit', { leadId, leadVersion: version(backend, leadId), assignee: '佐藤', meeting: MEETING, summary: '課題は架電記録の手作業', ...overrides });

const setup = async (dir: string, clock: TestClock = testClock('2026-11-24T10:00:00')) => {
  const backend = openCockpit(dir, clock);
  const leadId = await tqlLead(backend);
  return { backend, leadId, clock };
};

describe('handoff: submitting', () => {
  const tempDir = useTempDir();

  it('drafts the summary from the BANT answers, the customer’s words and the call notes', async () => {
    const { backend, leadId } = await setup(tempDir());
    const draft = await callOk(backend, 'handoff.draft', { leadId });
    expect(draft).toMatchObject({ leadId, stage: 'tql', pendingId: null, knownAssignees: [] });
    expect(draft.summary).toContain('予算: 今期予算確保済み / 3,000,000円(本人から聞いた)');
    expect(draft.summary).toContain('決裁権: 決裁者 / 部長決裁');
    expect(draft.summary).toContain('「毎日1時間かかっている」');
    expect(draft.summary).toContain('2026-11-24 来週、部長同席で打ち合わせ希望');
    backend.close();
  });

  it('writes the handoff with its SLA deadline and outbox op in one transaction', async () => {
    const { backend, leadId } = await setup(tempDir());
    const events: ApiEvent[] = [];
    backend.subscribe((e) => events.push(e));
    const handoff = await submit(backend, leadId);
    // Tue 10:00 + 24 business hours: Tue 8 h, Wed 9 h, Thu 7 h.
    expect(handoff).toMatchObject({
      leadId,
      companyName: '株式会社テスト',
      personName: '山田 花子',
      fromRep: 'local',
      assignee: '佐藤',
      // Kept as an instant in UTC like every other time, whatever offset the form sent.
      meeting: { ...MEETING, at: '2026-12-01T05:00:00.000Z' },
      status: 'pending',
      definitionVersion: 1,
      sla: { dueAt: jst('2026-11-26T16:00:00').toISOString(), minutesLeft: 24 * 60, overdue: false, met: null },
    });
    const ops = backend.ctx.store.db.prepare("SELECT op, entity_id FROM outbox WHERE entity = 'handoff'").all();
    expect(ops).toEqual([{ op: 'handoff.submit', entity_id: handoff.id }]);
    expect(events.map((e) => e.name)).toContain('handoffs.changed');
    // The lead stays TQL until field sales decide; its draft now knows the pending handoff.
    expect(backend.leads.get(leadId).stage).toBe('tql');
    expect((await callOk(backend, 'handoff.draft', { leadId })).pendingId).toBe(handoff.id);
    backend.close();
  });

  it('refuses a handoff naming each missing part, and writes nothing', async () => {
    const { backend, leadId } = await setup(tempDir());
    const before = tableCounts(backend);
    const error = await callError(backend, 'handoff.submit', { leadId, leadVersion: version(backend, leadId), assignee: ' ', meeting: { mode: 'online' }, summary: '' });
    expect(error).toMatchObject({ code: 'invalid_input', messageKey: 'handoff.error.incomplete', params: { count: 4, parts: 'assignee,meetingStatus,meetingAt,summary' } });
    expect(error.issues?.map((i) => i.path)).toEqual(['assignee', 'meetingStatus', 'meetingAt', 'summary']);
    expect(error.message).toContain('the field sales person, whether the meeting is proposed or fixed, the meeting date and time, the summary');
    expect(hasCatalogText(error.messageKey)).toBe(true);
    expect(tableCounts(backend)).toEqual(before);
    backend.close();
  });

  it('refuses a lead that is not TQL, a second pending handoff, a past meeting, a stale lead and the field sales role', async () => {
    const { backend, leadId } = await setup(tempDir());
    const mql = addLead(backend);
    const before = tableCounts(backend);
    const cases = [
      [{ leadId: mql, leadVersion: version(backend, mql) }, 'conflict', 'handoff.error.notTql'],
      [{ leadId, leadVersion: version(backend, leadId), meeting: { ...MEETING, at: '2026-11-24T09:00:00+09:00' } }, 'invalid_input', 'handoff.error.meetingPast'],
      [{ leadId, leadVersion: 1 }, 'conflict', 'leadDetail.errors.conflict'],
    ] as const;
    for (const [input, code, key] of cases) {
      const error = await callError(backend, 'handoff.submit', { assignee: '佐藤', meeting: MEETING, summary: 's', ...input });
      expect({ code: error.code, key: error.messageKey }).toEqual({ code, key });
      expect(hasCatalogText(error.messageKey)).toBe(true);
    }
    await setRole(backend, 'field_sales');
    expect(await callError(backend, 'handoff.submit', { leadId, leadVersion: version(backend, leadId), assignee: '佐藤', meeting: MEETING, summary: 's' })).toMatchObject({
      code: 'forbidden',
      messageKey: 'handoff.error.submitForbidden',
    });
    expect(tableCounts(backend)).toEqual(before);
    await setRole(backend, 'rep');
    await submit(backend, leadId);
    const afterFirst = tableCounts(backend);
    expect(await callError(backend, 'handoff.submit', { leadId, leadVersion: version(backend, leadId), assignee: '佐藤', meeting: MEETING, summary: 's' })).toMatchObject({
      code: 'conflict',
      messageKey: 'handoff.error.alreadyPending',
    });
    expect(tableCounts(backend)).toEqual(afterFirst);
    backend.close();
  });
});

describe('handoff: field sales decide', () => {
  const tempDir = useTempDir();

  it('accept makes the lead SAL through the stage machine, then confirm deal makes it SQL', async () => {
    const { backend, leadId, clock } = await setup(tempDir());
    const { id } = await submit(backend, leadId);
    await setRole(backend, 'field_sales');
    clock.set('2026-11-25T11:00:00');
    const accepted = await callOk(backend, 'handoff.accept', { id, comment: '初回訪問します' });
    expect(accepted).toMatchObject({ status: 'accepted', decidedAt: jst('2026-11-25T11:00:00').toISOString(), decidedBy: 'local', comment: '初回訪問します', sla: { met: true, overdue: false } });
    expect(backend.leads.get(leadId).stage).toBe('sal');
    const [transition] = await callOk(backend, 'stage.history', { leadId });
    expect(transition).toMatchObject({ action: 'accept', from: 'tql', to: 'sal', actorRole: 'field_sales' });

    const deal = await callOk(backend, 'handoff.confirmDeal', { id });
    expect(deal.dealConfirmedAt).toBe(jst('2026-11-25T11:00:00').toISOString());
    expect(backend.leads.get(leadId).stage).toBe('sql');
    const ops = backend.ctx.store.db.prepare("SELECT op FROM outbox WHERE entity IN ('handoff', 'lead') AND seq > (SELECT seq FROM outbox WHERE op = 'handoff.submit') ORDER BY seq").pluck().all();
    expect(ops).toEqual(['lead.stage', 'handoff.accept', 'lead.stage', 'handoff.confirm_deal']);
    // Decided once: a second decision is a conflict and writes nothing.
    const before = tableCounts(backend);
    expect(await callError(backend, 'handoff.reject', { id, to: 'mql', reason: 'wrong_team', comment: 'x' })).toMatchObject({ code: 'conflict', messageKey: 'handoff.error.alreadyDecided' });
    expect(tableCounts(backend)).toEqual(before);
    backend.close();
  });

  it.each(['definitional', 'clerical', 'procedural'] as const)('reject with a %s reason sends the lead back to the rep’s queue with the reason', async (group) => {
    const { backend, leadId } = await setup(tempDir());
    const { id } = await submit(backend, leadId);
    await setRole(backend, 'field_sales');
    const reason = Object.entries(REJECT_REASONS).find(([, g]) => g === group)![0];
    const rejected = await callOk(backend, 'handoff.reject', { id, to: 'mql', reason, comment: '決裁者が別部署' });
    expect(rejected).toMatchObject({ status: 'rejected', reason, reasonGroup: group, comment: '決裁者が別部署', rejectedTo: 'mql', recontactOn: null });
    expect(backend.leads.get(leadId).stage).toBe('mql');
    await setRole(backend, 'rep');
    const queue = await callOk(backend, 'queue.get', { limit: 50 });
    expect([...queue.entries, ...queue.held].map((e) => e.lead.id)).toContain(leadId);
    // The rep sees why, in "my handoffs".
    const mine = await callOk(backend, 'handoff.inbox', { status: 'rejected', mine: true });
    expect(mine.items.map((h) => [h.leadId, h.reason, h.reasonGroup])).toEqual([[leadId, reason, group]]);
    backend.close();
  });

  it('reject to nurture needs a future re-contact date and sets it on the lead', async () => {
    const { backend, leadId } = await setup(tempDir());
    const { id } = await submit(backend, leadId);
    await setRole(backend, 'field_sales');
    const before = tableCounts(backend);
    expect(await callError(backend, 'handoff.reject', { id, to: 'nurture', reason: 'timeline_too_far', comment: '来期' })).toMatchObject({ messageKey: 'qualification.refused.recontact_required' });
    expect(await callError(backend, 'handoff.reject', { id, to: 'nurture', reason: 'timeline_too_far', comment: '来期', recontactOn: '2026-11-24' })).toMatchObject({
      messageKey: 'qualification.refused.recontact_not_future',
    });
    expect(tableCounts(backend)).toEqual(before);
    const rejected = await callOk(backend, 'handoff.reject', { id, to: 'nurture', reason: 'timeline_too_far', comment: '来期', recontactOn: '2027-04-01' });
    expect(rejected).toMatchObject({ rejectedTo: 'nurture', recontactOn: '2027-04-01', reasonGroup: 'definitional' });
    const stored = backend.ctx.store.db.prepare('SELECT stage, recontact_on FROM leads WHERE id = ?').get(leadId);
    expect(stored).toEqual({ stage: 'nurture', recontact_on: '2027-04-01' });
    backend.close();
  });

  it('refuses every incomplete rejection, the rep role and unknown handoffs, writing nothing', async () => {
    const { backend, leadId } = await setup(tempDir());
    const { id } = await submit(backend, leadId);
    const before = tableCounts(backend);
    expect(await callError(backend, 'handoff.reject', { id, to: 'mql', reason: 'wrong_team', comment: 'x' })).toMatchObject({ code: 'forbidden', messageKey: 'qualification.refused.role_not_allowed' });
    expect(await callError(backend, 'handoff.accept', { id })).toMatchObject({ code: 'forbidden' });
    await setRole(backend, 'field_sales');
    const refusals = [
      [{ id, to: 'mql', comment: 'x' }, 'qualification.refused.reason_required'],
      [{ id, to: 'mql', reason: 'no_such_reason', comment: 'x' }, 'qualification.refused.unknown_reason'],
      [{ id, to: 'mql', reason: 'wrong_team' }, 'qualification.refused.comment_required'],
      [{ id, to: 'mql', reason: 'wrong_team', comment: '   ' }, 'qualification.refused.comment_required'],
      [{ id: 'missing', to: 'mql', reason: 'wrong_team', comment: 'x' }, 'handoff.error.notFound'],
    ] as const;
    for (const [input, key] of refusals) {
      const error = await callError(backend, 'handoff.reject', input);
      expect(error.messageKey).toBe(key);
      expect(hasCatalogText(error.messageKey)).toBe(true);
    }
    expect(await callError(backend, 'handoff.confirmDeal', { id })).toMatchObject({ code: 'conflict', messageKey: 'handoff.error.notAccepted' });
    expect(tableCounts(backend)).toEqual(before);
    backend.close();
  });

  it('a team lead may decide too', async () => {
    const { backend, leadId } = await setup(tempDir());
    const { id } = await submit(backend, leadId);
    await setRole(backend, 'team_lead');
    expect(await callOk(backend, 'handoff.reject', { id, to: 'mql', reason: 'contact_info_wrong', comment: '電話番号違い' })).toMatchObject({ reasonGroup: 'clerical' });
    backend.close();
  });
});

describe('handoff: the inbox and the SLA clock', () => {
  const tempDir = useTempDir();

  it('lists pending handoffs soonest deadline first, with time left, overdue marked and counted', async () => {
    const clock = testClock('2026-11-20T17:00:00');
    const backend = openCockpit(tempDir(), clock);
    const friday = await tqlLead(backend);
    await submit(backend, friday, { assignee: '佐藤' });
    clock.set('2026-11-24T10:00:00');
    const tuesday = await tqlLead(backend);
    await submit(backend, tuesday, { assignee: '鈴木' });
    // Friday 17:00 (then the weekend and 勤労感謝の日) is due Thu 14:00; Tuesday 10:00 is due Thu 16:00.
    clock.set('2026-11-26T15:00:00');
    const inbox = await callOk(backend, 'handoff.inbox', {});
    expect(inbox.items.map((h) => [h.leadId, h.sla.overdue, h.sla.minutesLeft])).toEqual([
      [friday, true, -60],
      [tuesday, false, 60],
    ]);
    expect(inbox.counts).toEqual({ pending: 2, overdue: 1 });
    expect((await callOk(backend, 'handoff.inbox', { assignee: '鈴木' })).items.map((h) => h.leadId)).toEqual([tuesday]);
    const packet = await callOk(backend, 'handoff.get', { id: inbox.items[0]!.id });
    expect(packet.lead.companyName).toBe('株式会社テスト');
    expect(packet.answers.need?.verbatim).toBe('毎日1時間かかっている');
    expect(packet.calls.map((c) => c.note)).toEqual(['来週、部長同席で打ち合わせ希望']);
    expect(packet.definitionVersion).toBe(1);
    // Decided late: no longer pending, counted as a missed SLA.
    await setRole(backend, 'field_sales');
    const accepted = await callOk(backend, 'handoff.accept', { id: inbox.items[0]!.id });
    expect(accepted.sla).toMatchObject({ met: false, overdue: true, minutesLeft: null });
    expect((await callOk(backend, 'handoff.inbox', {})).counts).toEqual({ pending: 1, overdue: 0 });
    expect((await callOk(backend, 'handoff.draft', { leadId: tuesday })).knownAssignees.sort()).toEqual(['佐藤', '鈴木']);
    backend.close();
  });

  it('the team lead sets the SLA; it applies to handoffs submitted afterwards', async () => {
    const { backend, leadId } = await setup(tempDir());
    expect(await callOk(backend, 'handoff.sla', {})).toMatchObject({ version: 0, settings: { hours: 24 } });
    const settings = { hours: 8, businessHours: { start: '09:00', end: '17:00' } };
    expect(await callError(backend, 'handoff.updateSla', { settings, version: 0 })).toMatchObject({ code: 'forbidden', messageKey: 'handoff.error.slaForbidden' });
    await setRole(backend, 'team_lead');
    const saved = await callOk(backend, 'handoff.updateSla', { settings, version: 0 });
    expect(saved).toMatchObject({ version: 1, settings });
    expect(await callError(backend, 'handoff.updateSla', { settings, version: 0 })).toMatchObject({ code: 'conflict', messageKey: 'handoff.error.slaConflict' });
    expect(backend.ctx.store.db.prepare("SELECT op FROM outbox WHERE entity = 'handoff_sla'").pluck().all()).toEqual(['handoff_sla.update']);
    // Tue 10:00 + 8 business hours over 09:00-17:00: Tue 7 h, Wed 1 h.
    expect((await submit(backend, leadId)).sla.dueAt).toBe(jst('2026-11-25T10:00:00').toISOString());
    backend.close();
  });
});

describe('handoff: export columns', () => {
  const tempDir = useTempDir();

  it('exports the latest handoff, its SLA outcome and the send-back reason per lead', async () => {
    const dir = tempDir();
    const { backend, leadId, clock } = await setup(dir);
    const { id } = await submit(backend, leadId);
    await setRole(backend, 'field_sales');
    clock.set('2026-11-27T10:00:00');
    await callOk(backend, 'handoff.reject', { id, to: 'mql', reason: 'no_meeting_arranged', comment: '日程未定' });
    const file = path.join(dir, 'handoffs.csv');
    const columns = ['companyName', 'handoffAssignee', 'handoffStatus', 'handoffSlaMet', 'handoffRejectReason', 'handoffRejectGroup'];
    await callOk(backend, 'exports.run', { path: file, columns, filter: { stages: ['mql'] } });
    const lines = fs.readFileSync(file).subarray(3).toString('utf8').split('\r\n');
    expect(lines.slice(0, 2)).toEqual(['会社名,引き継ぎ先,引き継ぎ状態,SLA遵守,差し戻し理由,差し戻し理由の分類', '株式会社テスト,佐藤,rejected,missed,no_meeting_arranged,procedural']);
    backend.close();
  });
});
