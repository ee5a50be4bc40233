import type { BackendContext } from '../context';
import { BantamError } from '../errors';
import type { Handlers } from '../handlers';
import type { LeadRepository } from '../leads/repository';

type CallMethod = Extract<keyof Handlers, `queue.${string}` | `calls.${string}` | `callbacks.${string}` | `drafts.${string}`>;

// PLACEHOLDER while the call cockpit backend is being built this session: replaced before landing.
const pending = (): never => {
  throw new BantamError('internal', 'The call cockpit is being built.');
};

export const createCallHandlers = (_ctx: BackendContext, _leads: LeadRepository): Pick<Handlers, CallMethod> => ({
  'queue.get': pending,
  'queue.rules': pending,
  'queue.updateRules': pending,
  'calls.start': pending,
  'calls.abandon': pending,
  'calls.active': pending,
  'calls.log': pending,
  'calls.list': pending,
  'calls.today': pending,
  'callbacks.list': pending,
  'callbacks.schedule': pending,
  'callbacks.cancel': pending,
  'drafts.get': pending,
  'drafts.save': pending,
  'drafts.discard': pending,
});
