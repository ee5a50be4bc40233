import { parentPort, workerData } from 'node:worker_threads';
import type { BackendContext } from '../context';
import { createLeadRepository } from '../leads/repository';
import { workerErrorBody } from '../worker-script';
import { beginImportWrite, type ImportWrite } from './commit';
import { cancelledError } from './job-types';
import { openThreadContext } from './thread-context';
import { WriterState, type WriterAnswer, type WriterMessage, type WriterRequest } from './write-types';

// The import's writer thread (bundled as import-writer.cjs; see write-pipe.ts for the other side).
const post = (message: WriterAnswer): void => parentPort?.postMessage(message);

// Writes the batches the import worker sends, in the import's one transaction, and commits on
// 'finish'. On a cancel, an error or 'abort' it rolls back, so nothing is written, and stops.
const runWriter = (request: WriterRequest): void => {
  const state = new Int32Array(request.state);
  // Stops the reading thread at once (it checks the flag while it waits) and says why.
  const fail = (error: unknown): void => {
    Atomics.store(state, WriterState.stopped, 1);
    Atomics.notify(state, WriterState.inFlight);
    post({ type: 'failed', error: workerErrorBody(error, 'The import failed inside Bantam while writing; nothing was written. Try again.') });
  };
  let ctx: BackendContext | undefined;
  let write: ImportWrite;
  try {
    ctx = openThreadContext(request, (event) => post({ type: 'event', event }));
    // Three quarters of the app's page cache: the reading thread's memory and this one's must both
    // fit the import's bound (a 200 MB file stays under 300 MB of growth).
    ctx.store.db.pragma('cache_size = -49152');
    write = beginImportWrite(ctx, createLeadRepository(ctx), request.start);
  } catch (error) {
    fail(error);
    ctx?.store.db.close();
    parentPort?.close();
    return;
  }
  const { store } = ctx;
  const cancel = new Int32Array(request.cancelFlag);
  const stop = (): void => {
    store.db.close();
    parentPort?.close();
  };
  parentPort?.on('message', (message: WriterMessage) => {
    try {
      if (message.type === 'abort') {
        write.abort();
        stop();
        return;
      }
      if (Atomics.load(cancel, 0) === 1) throw cancelledError();
      if (message.type === 'creates') {
        write.addBatch(message.batch);
        Atomics.add(state, WriterState.written, message.batch.rows.length);
        Atomics.sub(state, WriterState.inFlight, 1);
        Atomics.notify(state, WriterState.inFlight);
        return;
      }
      post({ type: 'done', value: write.finish(message.outcome, message.what) });
      stop();
    } catch (error) {
      write.abort();
      fail(error);
      stop();
    }
  });
};

runWriter(workerData as WriterRequest);
