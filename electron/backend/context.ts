import type { ApiEvent } from '../../shared/api';
import type { Store } from './db/connection';
import type { Outbox } from './db/outbox';

// What every feature's handlers and repositories get: the open store, its outbox, the clock,
// who is acting, and a way to push events to the renderer.
export type BackendContext = {
  store: Store;
  outbox: Outbox;
  demo: boolean;
  now: () => Date;
  actor: () => string;
  emit: (event: ApiEvent) => void;
};
