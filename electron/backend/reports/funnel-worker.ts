import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { explainOpenError } from '../db/connection';
import { BantamError } from '../errors';
import { createFunnelReport } from './funnel-report';
import type { FunnelJobMessage, FunnelJobRequest, FunnelWorkerData } from './funnel-runner';

// The report worker: computes funnel reports on its own thread over its own read-only connection
// (WAL lets it read beside the app's connection; each report sees the latest commit), one request
// at a time, until the app closes it.
const post = (message: FunnelJobMessage): void => parentPort?.postMessage(message);

// Only BantamError messages are meant for users (and free of lead data); anything else is generic.
const errorBody = (error: unknown) =>
  error instanceof BantamError
    ? error.toBody()
    : { code: 'internal' as const, message: 'The report failed inside Bantam; nothing was changed. Try again.', messageKey: 'errors.internal' };

const data = workerData as FunnelWorkerData;
let report: ReturnType<typeof createFunnelReport> | null = null;
let openError: unknown = null;
try {
  const db = new Database(data.dbPath, { readonly: true, fileMustExist: true, ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}) });
  report = createFunnelReport(db);
} catch (error) {
  openError = explainOpenError(error, data.dbPath);
}

parentPort?.on('message', (request: FunnelJobRequest) => {
  try {
    if (!report) throw openError;
    post({ id: request.id, type: 'done', report: report(request.query, new Date(request.now)) });
  } catch (error) {
    post({ id: request.id, type: 'failed', error: errorBody(error) });
  }
});
