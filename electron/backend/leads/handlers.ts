import type { BackendContext } from '../context';
import type { Handlers } from '../handlers';
import type { LeadRepository } from './repository';

type LeadMethod = Extract<keyof Handlers, `leads.${string}`>;

// The lead list, lead detail and lead edits.
export const createLeadHandlers = (_ctx: BackendContext, leads: LeadRepository): Pick<Handlers, LeadMethod> => ({
  'leads.list': (input) => leads.page(input),
  'leads.get': (input) => leads.get(input.id),
  'leads.facets': () => leads.facets(),
});
