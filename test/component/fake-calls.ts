import type { ApiEvent, Bridge, Envelope, MethodName } from '../../shared/api';
import type { Lead } from '../../shared/domain/lead';

// The call cockpit's methods (queue, calls, callbacks, drafts) in the fake host.
type CallMethod = Extract<MethodName, `queue.${string}` | `calls.${string}` | `callbacks.${string}` | `drafts.${string}`>;
export type FakeCalls = Pick<Bridge, CallMethod>;
type Answer = <T>(method: string, input: unknown, value: () => T) => Promise<Envelope<T>>;

// PLACEHOLDER while the cockpit is being built this session: replaced by faithful fakes before landing.
export const createFakeCalls = (_leads: Lead[], answer: Answer, _emit: (event: ApiEvent) => void): FakeCalls => {
  const pending = (method: CallMethod) => (input: unknown) =>
    answer(method, input, () => {
      throw new Error(`${method} is not faked yet`);
    });
  return {
    'queue.get': pending('queue.get'),
    'queue.rules': pending('queue.rules'),
    'queue.updateRules': pending('queue.updateRules'),
    'calls.start': pending('calls.start'),
    'calls.abandon': pending('calls.abandon'),
    'calls.active': pending('calls.active'),
    'calls.log': pending('calls.log'),
    'calls.list': pending('calls.list'),
    'calls.today': pending('calls.today'),
    'callbacks.list': pending('callbacks.list'),
    'callbacks.schedule': pending('callbacks.schedule'),
    'callbacks.cancel': pending('callbacks.cancel'),
    'drafts.get': pending('drafts.get'),
    'drafts.save': pending('drafts.save'),
    'drafts.discard': pending('drafts.discard'),
  } as FakeCalls;
};
