import { parentPort, workerData } from 'node:worker_threads';
import { openReadOnly } from '../db/connection';
import { workerErrorBody } from '../worker-script';
import { createFunnelReport } from './funnel-report';
import type { FunnelJobMessage, FunnelJobRequest, FunnelWorkerData } from './funnel-runner';

// The report worker: computes funnel reports on its own thread over its own read-only connection
// (WAL lets it read beside the app's connection; each report sees the latest commit), one request
// at a time, until the app closes it.
const post = (message: FunnelJobMessage): void => parentPort?.postMessage(message);

const data = workerData as FunnelWorkerData;
let report: ReturnType<typeof createFunnelReport> | null = null;
let openError: unknown = null;
try {
  report = createFunnelReport(openReadOnly(data.dbPath, data.nativeBinding));
} catch (error) {
  openError = error;
}

parentPort?.on('message', (request: FunnelJobRequest) => {
  try {
    if (!report) throw openError;
    post({ id: request.id, type: 'done', report: report(request.query, new Date(request.now)) });
  } catch (error) {
    post({ id: request.id, type: 'failed', error: workerErrorBody(error, 'The report failed inside Bantam; nothing was changed. Try again.') });
  }
});
