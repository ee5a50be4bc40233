import type { ApiEvent, Bridge, Envelope, Input, MethodName, Output } from '../../shared/api';
import { ApiError, networkError } from './api-error';

type MethodFn<K extends MethodName> = (input: Input<K>) => Promise<Envelope<Output<K>>>;

// Read lazily: a host may install the bridge after this module loads. Also how views reach the
// host capabilities that are not backend methods (file dialogs, PDF).
export const hostBridge = (): Bridge | undefined => (window as { bantam?: Bridge }).bantam;

// The one door to the backend. Hosts answer with envelopes; here they become values or ApiErrors.
export const invoke = async <K extends MethodName>(method: K, input: Input<K>): Promise<Output<K>> => {
  const host = hostBridge();
  if (!host) throw networkError(new Error('window.bantam is not installed'));
  const fn = host[method] as MethodFn<K>;
  let envelope: Envelope<Output<K>>;
  try {
    envelope = await fn(input);
  } catch (cause) {
    throw networkError(cause);
  }
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.value;
};

// Subscribes to pushed backend events; returns the unsubscribe function.
export const onEvent = (listener: (event: ApiEvent) => void): (() => void) => {
  const host = hostBridge();
  if (!host) return () => {};
  return host.onEvent(listener);
};
