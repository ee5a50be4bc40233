import type { Backend } from '../../../electron/backend';
import { createCallRepository } from '../../../electron/backend/calls/repository';
import { newId } from '../../../electron/backend/db/ids';
import { createTransitionWriter } from '../../../electron/backend/qualification/stage-decisions';
import type { RejectGroup } from '../../../shared/domain/reasons';
import type { StageActionKind } from '../../../shared/domain/stage-machine';
import type { Stage } from '../../../shared/domain/stages';

// A hand-built funnel over two JST weeks (Mon 2026-11-02 .. Sun 2026-11-15), judged at NOW. Every
// time is written as JST so the week and period boundaries are visible in the data itself.
export const NOW = new Date('2026-11-20T12:00:00+09:00');
export const PERIOD = { from: '2026-11-02', to: '2026-11-15' } as const;

// `override`: qualified with the definition not met, for the reason given.
type Move = { to: Stage; from: Stage; at: string; action: StageActionKind; reason?: string; group?: RejectGroup; override?: string };
type Handoff = { submitted: string; due: string; decided: string | null; status: 'pending' | 'accepted' | 'rejected' };
type PlannedLead = { name: string; owner: string; source: string | null; calls: string[]; moves: Move[]; handoffs: Handoff[] };

const jst = (local: string): string => new Date(`${local}+09:00`).toISOString();
const mql = (at: string): Move => ({ from: 'lead', to: 'mql', at, action: 'mark_mql' });
const tql = (at: string, from: Stage = 'mql'): Move => ({ from, to: 'tql', at, action: 'qualify' });
const overrideTql = (at: string, override: string): Move => ({ ...tql(at), override });
const sal = (at: string): Move => ({ from: 'tql', to: 'sal', at, action: 'accept' });
const reject = (at: string, reason: string, group: RejectGroup): Move => ({ from: 'tql', to: 'mql', at, action: 'reject', reason, group });

// The leads: who owns them, where they came from, their calls and stage moves (JST wall clock).
export const PLAN: readonly PlannedLead[] = [
  {
    // Called 30 minutes after MQL, accepted in time, a deal by the second week.
    name: 'A',
    owner: '佐藤',
    source: '展示会',
    calls: ['2026-11-02T10:30:00'],
    moves: [mql('2026-11-02T10:00:00'), tql('2026-11-03T15:00:00'), sal('2026-11-04T10:00:00'), { from: 'sal', to: 'sql', at: '2026-11-10T10:00:00', action: 'confirm_deal' }],
    handoffs: [{ submitted: '2026-11-03T15:00:00', due: '2026-11-06T15:00:00', decided: '2026-11-04T10:00:00', status: 'accepted' }],
  },
  {
    // MQL at 08:00 JST on Monday 11-09: still Sunday in UTC, so the JST week decides the bucket.
    // Rejected for a clerical reason after its deadline.
    name: 'B',
    owner: '佐藤',
    source: 'ウェビナー',
    calls: ['2026-11-09T09:00:00'],
    moves: [mql('2026-11-09T08:00:00'), tql('2026-11-10T11:00:00'), reject('2026-11-13T10:00:00', 'contact_info_wrong', 'clerical')],
    handoffs: [{ submitted: '2026-11-10T11:00:00', due: '2026-11-12T18:00:00', decided: '2026-11-13T10:00:00', status: 'rejected' }],
  },
  {
    // MQL at 23:59 JST on Sunday 11-08 (first week); a call before the MQL does not count for
    // speed-to-lead, the first one after it is 601 minutes later. Qualified by override; its handoff
    // is left open past due.
    name: 'C',
    owner: '鈴木',
    source: '展示会',
    calls: ['2026-11-01T10:00:00', '2026-11-09T10:00:00'],
    moves: [mql('2026-11-08T23:59:00'), overrideTql('2026-11-12T14:00:00', '予算は来期確定、部長が同席予定')],
    handoffs: [{ submitted: '2026-11-12T14:00:00', due: '2026-11-16T11:00:00', decided: null, status: 'pending' }],
  },
  {
    // MQL never called, no source recorded.
    name: 'D',
    owner: '鈴木',
    source: null,
    calls: [],
    moves: [mql('2026-11-05T13:00:00')],
    handoffs: [],
  },
  {
    // MQL before the period; qualified in it; its handoff is not due yet at NOW.
    name: 'E',
    owner: '佐藤',
    source: '展示会',
    calls: ['2026-11-06T09:30:00'],
    moves: [mql('2026-10-30T10:00:00'), tql('2026-11-13T16:00:00')],
    handoffs: [{ submitted: '2026-11-13T16:00:00', due: '2026-11-25T10:00:00', decided: null, status: 'pending' }],
  },
  {
    // Qualified twice by override (rejected on definition, qualified again, accepted): one lead
    // reaching TQL, one lead qualified by override.
    name: 'G',
    owner: '佐藤',
    source: '展示会',
    calls: ['2026-11-02T10:10:00', '2026-11-04T11:00:00'],
    moves: [
      mql('2026-11-02T10:00:00'),
      overrideTql('2026-11-03T11:00:00', '決裁者の確認は商談で行う'),
      reject('2026-11-04T09:00:00', 'authority_too_low', 'definitional'),
      overrideTql('2026-11-05T10:00:00', '部長が同席すると確認済み'),
      sal('2026-11-06T10:00:00'),
    ],
    handoffs: [
      { submitted: '2026-11-03T11:00:00', due: '2026-11-05T17:00:00', decided: '2026-11-04T09:00:00', status: 'rejected' },
      { submitted: '2026-11-05T10:00:00', due: '2026-11-09T10:00:00', decided: '2026-11-06T10:00:00', status: 'accepted' },
    ],
  },
  {
    // Everything outside the period: counts nowhere.
    name: 'H',
    owner: '鈴木',
    source: 'ウェビナー',
    calls: ['2026-11-16T09:00:00'],
    moves: [mql('2026-11-16T00:00:00'), overrideTql('2026-11-16T10:00:00', '期間外の例外')],
    handoffs: [{ submitted: '2026-11-16T10:00:00', due: '2026-11-18T10:00:00', decided: null, status: 'pending' }],
  },
];

// Writes the plan through the real lead, call and transition writers (handoff rows as the handoff
// feature stores them). Returns the lead ids by name.
export const seedFunnel = async (backend: Backend): Promise<Record<string, string>> => {
  const ids: Record<string, string> = {};
  for (const lead of PLAN) {
    const created = await backend.call('leads.create', { companyName: `株式会社${lead.name}`, familyName: lead.name, phone: '03-1234-5678', owner: lead.owner, ...(lead.source ? { source: lead.source } : {}) });
    if (!created.ok) throw new Error(created.error.message);
    ids[lead.name] = (created.value as { id: string }).id;
  }
  const { ctx } = backend;
  const { db } = ctx.store;
  const calls = createCallRepository(ctx);
  const write = createTransitionWriter(ctx);
  const insertHandoff = db.prepare(`INSERT INTO handoffs (id, lead_id, from_rep, assignee, meeting, summary, definition_version, submitted_at, sla_hours, sla_version,
      sla_due_at, status, decided_at) VALUES (?, ?, ?, '山田', '{}', 'summary', 1, ?, 24, 0, ?, ?, ?)`);
  db.transaction(() => {
    for (const lead of PLAN) {
      const leadId = ids[lead.name]!;
      for (const at of lead.calls) {
        calls.appendInTransaction({ leadId, phoneNumber: '03-1234-5678', outcome: 'connected', startedAt: jst(at), endedAt: jst(at), note: null, callbackAt: null }, lead.owner);
      }
      for (const m of lead.moves) {
        const event = {
          action: m.action,
          from: m.from,
          to: m.to,
          actorRole: m.action === 'accept' || m.action === 'reject' || m.action === 'confirm_deal' ? ('field_sales' as const) : ('rep' as const),
          reason: m.reason ?? null,
          reasonGroup: m.group ?? null,
          comment: m.override ?? null,
          recontactOn: null,
          override: m.override !== undefined,
          verdict: null,
          definitionVersion: 1,
          at: jst(m.at),
        };
        write(leadId, event, {}, lead.owner);
      }
      for (const h of lead.handoffs) insertHandoff.run(newId(), leadId, lead.owner, jst(h.submitted), jst(h.due), h.status, h.decided === null ? null : jst(h.decided));
    }
  })();
  return ids;
};
