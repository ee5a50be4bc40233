import { Worker } from 'node:worker_threads';
import type { ApiErrorBody } from '../../../shared/api';
import type { FunnelQuery, FunnelReport } from '../../../shared/api/reports';
import { BantamError } from '../errors';
import { bundledWorkerPath, errorFromBody, missingScriptError } from '../worker-script';

// Main thread → report worker: started once with the store to read; then one message per report.
export type FunnelWorkerData = { dbPath: string; nativeBinding?: string };
export type FunnelJobRequest = { id: number; query: FunnelQuery; now: string };

// Report worker → main thread: the answer to one request.
export type FunnelJobMessage = { id: number; type: 'done'; report: FunnelReport } | { id: number; type: 'failed'; error: ApiErrorBody };

export type FunnelRunnerOptions = { dbPath: string; nativeBinding?: string };

const stopped = (): BantamError =>
  new BantamError('internal', 'The report worker stopped before answering; nothing was changed. Try again.', { messageKey: 'errors.internal' });

type Pending = { resolve: (report: FunnelReport) => void; reject: (error: BantamError) => void };

// Computes funnel reports on a worker thread (a year at 100,000 leads reads for about 60 ms, more
// than an event-loop turn may take), so the main process's event loop stays free meanwhile. The worker is started on the first report
// and kept, with its read-only connection and prepared statements, so later reports pay no start-up;
// an idle worker never keeps the process alive, and one that dies is replaced on the next report.
export const createFunnelRunner = (options: FunnelRunnerOptions) => {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (): void => {
    for (const { reject } of pending.values()) reject(stopped());
    pending.clear();
  };

  const start = (workerPath: string): Worker => {
    const data: FunnelWorkerData = { dbPath: options.dbPath, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) };
    const started = new Worker(workerPath, { workerData: data });
    started.unref();
    started.on('message', (message: FunnelJobMessage) => {
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if (pending.size === 0) started.unref();
      if (message.type === 'done') waiting.resolve(message.report);
      else waiting.reject(errorFromBody(message.error));
    });
    const gone = (): void => {
      if (worker === started) worker = null;
      failAll();
    };
    started.on('error', gone);
    started.on('exit', gone);
    return started;
  };

  return {
    run(query: FunnelQuery, now: Date): Promise<FunnelReport> {
      const workerPath = bundledWorkerPath('funnel-worker.cjs');
      const missing = missingScriptError('report worker', [workerPath]);
      if (missing) return Promise.reject(missing);
      worker ??= start(workerPath);
      const id = nextId++;
      const request: FunnelJobRequest = { id, query, now: now.toISOString() };
      const answer = new Promise<FunnelReport>((resolve, reject) => pending.set(id, { resolve, reject }));
      // Kept alive while a report is owed (the CLI would otherwise exit first), idle otherwise.
      worker.ref();
      worker.postMessage(request);
      return answer;
    },
    close(): void {
      failAll();
      void worker?.terminate();
      worker = null;
    },
  };
};

export type FunnelRunner = ReturnType<typeof createFunnelRunner>;
