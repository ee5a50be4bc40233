import type { HandoffDraft } from '../../../shared/api/handoff';
import type { BackendContext } from '../context';
import type { Handlers } from '../handlers';
import { leadNotFound } from '../leads/lead-edits';
import type { LeadRepository } from '../leads/repository';
import { DEFINITIONS_SPEC } from '../qualification/content-specs';
import { createHearingStore } from '../qualification/hearing-store';
import { createVersionedContent } from '../qualification/versioned-content';
import type { PreferencesStore } from '../settings/preferences';
import { createHandoffReads } from './handoff-reads';
import { createHandoffWrites } from './handoff-writes';
import { createSlaSettings } from './sla-settings';
import { draftSummary } from './summary-draft';

type HandoffMethod = Extract<keyof Handlers, `handoff.${string}`>;

// The handoff to field sales: drafting and submitting, the inbox with its SLA clock, the packet,
// accept / reject / confirm deal, and the team lead's SLA setting.
export const createHandoffHandlers = (ctx: BackendContext, leads: LeadRepository, preferences: PreferencesStore): Pick<Handlers, HandoffMethod> => {
  const role = () => preferences.get().role;
  const hearing = createHearingStore(ctx);
  const definitions = createVersionedContent(ctx, role, DEFINITIONS_SPEC);
  const sla = createSlaSettings(ctx, role);
  const reads = createHandoffReads(ctx, leads, hearing, () => sla.get().settings);
  const writes = createHandoffWrites(ctx, { leads, hearing, definitions, sla, reads, role });

  const draft = (leadId: string): HandoffDraft => {
    const lead = leads.find(leadId);
    if (!lead) throw leadNotFound();
    const { answers } = hearing.answersOf(leadId);
    const heard = answers.meetingDate;
    const status = heard?.status === 'agreed' ? 'fixed' : heard?.status === 'proposed' ? 'proposed' : undefined;
    return {
      leadId,
      leadVersion: lead.version,
      stage: lead.stage,
      summary: draftSummary(answers, reads.callNotes(leadId), preferences.get().language),
      meeting: { ...(status ? { status } : {}), ...(heard?.at ? { at: heard.at } : {}) },
      knownAssignees: reads.knownAssignees(),
      pendingId: reads.pendingOf(leadId),
    };
  };

  return {
    'handoff.draft': (input) => draft(input.leadId),
    'handoff.submit': (input) => writes.submit(input),
    'handoff.inbox': (input) => reads.inbox({ status: input.status, assignee: input.assignee, fromRep: input.mine ? ctx.actor() : undefined, limit: input.limit }),
    'handoff.get': (input) => reads.packet(input.id),
    'handoff.ofLead': (input) => {
      if (!leads.find(input.leadId)) throw leadNotFound();
      return reads.ofLead(input.leadId);
    },
    'handoff.accept': (input) => writes.accept(input.id, input.comment),
    'handoff.reject': (input) => writes.reject(input),
    'handoff.confirmDeal': (input) => writes.confirmDeal(input.id, input.comment),
    'handoff.sla': () => sla.get(),
    'handoff.updateSla': (input) => {
      const saved = sla.update(input.settings, input.version);
      ctx.emit({ name: 'handoffs.changed', payload: {} });
      return saved;
    },
  };
};
