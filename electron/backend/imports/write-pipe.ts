import { Worker } from 'node:worker_threads';
import type { ApiEvent } from '../../../shared/api';
import type { ImportRecord } from '../../../shared/api/imports';
import { BantamError } from '../errors';
import { errorFromBody } from '../worker-script';
import type { ImportDescription, ImportOutcome, ImportStart } from './commit';
import { createBatcher, type CreateBatch } from './create-batch';
import type { ImportJobRequest, JobHooks } from './job-types';
import { WRITER_STATE_BYTES, WriterState, type WriterAnswer, type WriterMessage, type WriterRequest } from './write-types';

// Batches handed to the writer and not yet written: enough to keep it busy (8,192 leads), few
// enough that a writer slower than the reader holds back the reading instead of piling up memory.
export const MAX_IN_FLIGHT = 16;
// The writer holds one batch at a time: a small heap keeps the process's memory bounded (both
// import threads and SQLite's page cache count against it).
const WRITER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };
const PROGRESS_EVERY_MS = 100;
// A writer with batches waiting writes one every ~0.1 s. One that writes none for this long has
// died (a thread that runs out of memory ends without a word, and the reading loop, being
// synchronous, cannot hear its exit) or hangs: the import stops, with nothing written.
const STALL_MS = 30_000;

// Thrown into the reading loop when the writer stopped: the writer's own answer says why.
export class WriterStopped extends Error {}

const stoppedError = (): BantamError =>
  new BantamError('internal', 'The import writer stopped unexpectedly; nothing was written.', { messageKey: 'errors.internal' });

// Starts the writer thread for a commit whose planned leads are final as soon as they are planned
// (duplicates skipped or created): the leads go to it in batches while this thread reads on.
export const startImportWriter = (
  request: ImportJobRequest,
  writerPath: string,
  hooks: JobHooks,
  emit: (event: ApiEvent) => void,
  start: ImportStart,
  { stallMs = STALL_MS } = {},
) => {
  const state = new Int32Array(new SharedArrayBuffer(WRITER_STATE_BYTES));
  const writerRequest: WriterRequest = {
    dbPath: request.dbPath,
    ...(request.nativeBinding ? { nativeBinding: request.nativeBinding } : {}),
    actor: request.actor,
    clockOffsetMs: request.clockOffsetMs,
    cancelFlag: request.cancelFlag,
    state: state.buffer as SharedArrayBuffer,
    start,
  };
  const worker = new Worker(writerPath, { workerData: writerRequest, resourceLimits: WRITER_LIMITS });
  let answer: WriterAnswer | null = null;
  worker.on('message', (message: WriterAnswer) => {
    if (message.type === 'event') emit(message.event);
    else answer ??= message;
  });
  // Whether the writer died (an error it could not catch, such as running out of memory) or stopped
  // writing: either way it never answers.
  let crashed = false;
  worker.on('error', () => (crashed = true));
  // Settles once the writer has closed its connection and ended: with the record, or its error.
  const result = new Promise<ImportRecord>((resolve, reject) => {
    worker.once('exit', (code) => {
      crashed ||= code !== 0;
      if (answer?.type === 'done') resolve(answer.value);
      else reject(answer?.type === 'failed' ? errorFromBody(answer.error) : stoppedError());
    });
  });
  // Nothing awaits the result until the end; a writer that fails early must not go unhandled meanwhile.
  result.catch(() => undefined);

  const send = (message: WriterMessage, transfer: ArrayBuffer[] = []): void => {
    if (Atomics.load(state, WriterState.stopped) === 1 || crashed) throw new WriterStopped();
    worker.postMessage(message, transfer);
  };
  const sendBatch = (batch: CreateBatch): void => {
    // The reading loop is synchronous, so it waits for the writer on the shared counter.
    let written = Atomics.load(state, WriterState.written);
    let since = Date.now();
    for (;;) {
      const inFlight = Atomics.load(state, WriterState.inFlight);
      if (inFlight < MAX_IN_FLIGHT) break;
      if (Atomics.load(state, WriterState.stopped) === 1) throw new WriterStopped();
      hooks.checkpoint();
      Atomics.wait(state, WriterState.inFlight, inFlight, PROGRESS_EVERY_MS);
      const now = Atomics.load(state, WriterState.written);
      if (now !== written) [written, since] = [now, Date.now()];
      else if (Date.now() - since > stallMs) {
        crashed = true;
        throw new WriterStopped();
      }
    }
    Atomics.add(state, WriterState.inFlight, 1);
    send({ type: 'creates', batch }, [batch.payload.buffer as ArrayBuffer]);
  };
  // Ids, search text, keys and the batches' ops are all made here, on the reading thread: the
  // writer only writes.
  const batches = createBatcher(start.id, start.at, sendBatch);

  // After the reading failed or was cancelled with `cause`: the writer rolls back and ends.
  // Returns the error to answer with: the writer's own reason when it stopped first, else `cause`.
  // A writer that died or hangs is ended here: its connection closes with the transaction open,
  // which rolls it back.
  const abort = async (cause: unknown): Promise<unknown> => {
    if (crashed) void worker.terminate();
    else worker.postMessage({ type: 'abort' } satisfies WriterMessage);
    const own = await result.then(
      () => null,
      (error: unknown) => (answer?.type === 'failed' || crashed ? error : null),
    );
    return cause instanceof WriterStopped && own ? own : cause;
  };

  return {
    add: batches.add,
    // Hands over the rest, then reports the writing until the writer commits.
    async finish(outcome: ImportOutcome, what: ImportDescription): Promise<ImportRecord> {
      try {
        batches.flush();
        // The rejected rows' bytes move to the writer instead of being copied.
        send({ type: 'finish', outcome, what }, [outcome.rejectedJson.buffer as ArrayBuffer]);
      } catch (error) {
        throw await abort(error);
      }
      const total = outcome.counts.toCreate;
      const report = (): void => hooks.progress('write', Math.min(total, Atomics.load(state, WriterState.written)), total);
      report();
      const timer = setInterval(report, PROGRESS_EVERY_MS);
      try {
        return await result;
      } finally {
        clearInterval(timer);
      }
    },
    abort,
  };
};

export type ImportWriter = ReturnType<typeof startImportWriter>;
