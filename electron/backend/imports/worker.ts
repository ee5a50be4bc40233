import { parentPort, workerData } from 'node:worker_threads';
import type { BackendContext } from '../context';
import { workerErrorBody } from '../worker-script';
import { createLeadRepository } from '../leads/repository';
import { startImport } from './commit';
import { openThreadContext } from './thread-context';
import { previewImport, runImport } from './job';
import { cancelledError, type ImportJobMessage, type ImportJobRequest, type JobHooks } from './job-types';
import { startImportWriter } from './write-pipe';

// The import worker: reads, checks and plans an import on its own thread and its own connection to
// the store (WAL lets the app keep reading meanwhile), so the main process never stalls. It writes
// the import too, or hands the new leads to a writer thread as it goes (see write-pipe.ts).
const post = (message: ImportJobMessage): void => parentPort?.postMessage(message);

const run = async (request: ImportJobRequest): Promise<void> => {
  const ctx = openThreadContext(request, (event) => post({ type: 'event', event }));
  const { store } = ctx;
  try {
    const flag = new Int32Array(request.cancelFlag);
    const hooks = {
      progress: (phase: 'read' | 'check' | 'write', done: number, total: number) => post({ type: 'progress', phase, done, total }),
      checkpoint: () => {
        if (Atomics.load(flag, 0) === 1) throw cancelledError();
      },
    };
    const value =
      request.mode === 'preview'
        ? await previewImport(ctx, request.input, hooks)
        : await runImport(ctx, createLeadRepository(ctx), request.input, hooks, startWriter(request, hooks, ctx));
    post({ type: 'done', value });
    // PASSIVE: never waits for the app's readers; whatever it cannot copy now, the app's next write does.
    if (request.mode === 'commit') store.db.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    store.db.close();
  }
};

const startWriter = (request: ImportJobRequest, hooks: JobHooks, ctx: BackendContext) => {
  const { writerPath } = request;
  return writerPath ? () => startImportWriter(request, writerPath, hooks, ctx.emit, startImport(ctx)) : undefined;
};

run(workerData as ImportJobRequest).catch((error: unknown) => {
  post({ type: 'failed', error: workerErrorBody(error, 'The import failed inside Bantam; nothing was written. Try again.') });
});
