import type { BackendContext } from '../context';
import type { Handlers } from '../handlers';
import { createLeadEdits } from './lead-edits';
import { createLeadMerges } from './lead-merge';
import { createLeadTimeline } from './lead-timeline';
import type { LeadRepository } from './repository';

type LeadMethod = Extract<keyof Handlers, `leads.${string}`>;

// The lead list, lead detail and lead edits.
export const createLeadHandlers = (ctx: BackendContext, leads: LeadRepository): Pick<Handlers, LeadMethod> => {
  const edits = createLeadEdits(ctx, leads);
  const merges = createLeadMerges(ctx, leads);
  const timeline = createLeadTimeline(ctx);
  return {
    'leads.list': (input) => leads.page(input),
    'leads.get': (input) => leads.get(input.id),
    'leads.facets': () => leads.facets(),
    'leads.create': (input) => edits.create(input),
    'leads.update': (input) => edits.update(input),
    'leads.addNote': (input) => edits.addNote(input.leadId, input.body),
    'leads.timeline': (input) => timeline(input.id),
    'leads.merge': (input) => merges.merge(input),
    'leads.unmerge': (input) => merges.unmerge(input.mergeId),
  };
};
