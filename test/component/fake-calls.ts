import type { ApiEvent, Bridge, Envelope, MethodName } from '../../shared/api';
import type { Lead } from '../../shared/domain/lead';

// The call cockpit's methods (queue, calls, callbacks, drafts) in the fake host.
type CallMethod = Extract<MethodName, `queue.${string}` | `calls.${string}` | `callbacks.${string}` | `drafts.${string}`>;
export type FakeCalls = Pick<Bridge, CallMethod>;
type Answer = <T>(method: string, input: unknown, value: () => T) => Promise<Envelope<T>>;

export const createFakeCalls = (_leads: Lead[], _answer: Answer, _emit: (event: ApiEvent) => void): FakeCalls => ({});
