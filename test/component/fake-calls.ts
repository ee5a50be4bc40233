import type { Bridge, MethodName } from '../../shared/api';

// The call cockpit's methods (queue, calls, callbacks, drafts) in the fake host.
type CallMethod = Extract<MethodName, `queue.${string}` | `calls.${string}` | `callbacks.${string}` | `drafts.${string}`>;
export type FakeCalls = Pick<Bridge, CallMethod>;

export const createFakeCalls = (): FakeCalls => ({});
