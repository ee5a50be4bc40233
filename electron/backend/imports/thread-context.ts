import type { BackendContext } from '../context';
import { openStore } from '../db/connection';
import { createOutbox } from '../db/outbox';

type ThreadJob = { dbPath: string; nativeBinding?: string; actor: string; clockOffsetMs: number };

// The backend context of an import thread (the import worker or its writer): its own connection to
// the store, the app's clock and actor, and events posted to the thread that started it.
export const openThreadContext = (job: ThreadJob, emit: BackendContext['emit']): BackendContext => {
  const store = openStore(job.dbPath, job.nativeBinding ? { nativeBinding: job.nativeBinding } : {});
  // The import's commit is durable once its WAL frames are synced (synchronous=FULL); copying them
  // into the store file (~0.3 s for 100,000 leads) is housekeeping, done after answering.
  store.db.pragma('wal_autocheckpoint = 0');
  return {
    store,
    outbox: createOutbox(store.db, store.deviceId),
    demo: false,
    now: () => new Date(Date.now() + job.clockOffsetMs),
    actor: () => job.actor,
    emit,
  };
};
