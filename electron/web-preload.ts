import { METHOD_NAMES, type ApiEvent, type Bridge, type Envelope } from '../shared/api';

// The web host's equivalent of preload.ts: defines window.bantam over HTTP and server-sent events,
// so the renderer runs unchanged and cannot tell which host serves it. Auth rides on the cookie.
const call = async (method: string, input: unknown): Promise<Envelope<unknown>> => {
  const response = await fetch(`./api/${encodeURIComponent(method)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  });
  if (response.status === 403) {
    return { ok: false, error: { code: 'forbidden', message: 'The web host refused the request.', messageKey: 'errors.forbidden' } };
  }
  return (await response.json()) as Envelope<unknown>;
};

const listeners = new Set<(event: ApiEvent) => void>();
let source: EventSource | null = null;

const onEvent = (listener: (event: ApiEvent) => void): (() => void) => {
  listeners.add(listener);
  if (!source) {
    source = new EventSource('./events');
    source.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as ApiEvent;
      for (const l of listeners) l(event);
    };
  }
  return () => {
    listeners.delete(listener);
  };
};

const bridge = Object.freeze({
  ...Object.fromEntries(METHOD_NAMES.map((name) => [name, (input: unknown) => call(name, input)])),
  onEvent,
}) as Bridge;

Object.defineProperty(window, 'bantam', { value: bridge, writable: false, configurable: false });
