import type Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { openReadOnly } from '../db/connection';
import { BantamError } from '../errors';
import { resolveColumns, type ColumnDef } from './columns';
import type { ExportJob, ExportWorkerMessage } from './export-job';
import { createExportQuery } from './export-query';
import { openCsvSink, openXlsxSink, type ExportSink } from './export-sinks';

// The export worker: one export, on its own thread over its own read-only connection (WAL lets it
// read beside the app's connection), written into the partial file the main thread chose. The main
// thread keeps everything else: checks, the rename, the export log and its outbox op.
const post = (message: ExportWorkerMessage): void => parentPort?.postMessage(message);

// Rows per page: a page's strings are all that is in memory; off the main thread, a page may take
// as long as it likes, so pages are big enough that the query's per-page cost disappears.
const PAGE_ROWS = 1000;
const PROGRESS_EVERY_MS = 100;

const job = workerData as ExportJob;
const cancelled = new Int32Array(job.cancel);

const openSink = (columns: ColumnDef[]): Promise<ExportSink> =>
  job.format === 'xlsx' ? openXlsxSink(job.file, columns, job.headers) : openCsvSink(job.file, columns, job.headers, job.encoding);

// Writes every page into the sink and counts the rows; null when the main thread cancelled.
const writeRows = async (db: Database.Database, sink: ExportSink, columns: ColumnDef[]): Promise<number | null> => {
  const query = createExportQuery(db, job.filter, columns);
  let done = 0;
  let lastRowid = 0;
  let lastPost = performance.now();
  for (;;) {
    if (Atomics.load(cancelled, 0) === 1) return null;
    const page = query.page(lastRowid, PAGE_ROWS);
    if (page.rows.length === 0) return done;
    await sink.write(page.rows, done + 1);
    done += page.rows.length;
    lastRowid = page.lastRowid;
    if (performance.now() - lastPost > PROGRESS_EVERY_MS) {
      post({ type: 'progress', done });
      lastPost = performance.now();
    }
  }
};

const run = async (): Promise<ExportWorkerMessage> => {
  let db: Database.Database;
  try {
    db = openReadOnly(job.dbPath, job.nativeBinding);
  } catch (error) {
    return { type: 'failed', error: (error as BantamError).toBody() };
  }
  let sink: ExportSink | null = null;
  try {
    const columns = resolveColumns(job.columnIds);
    sink = await openSink(columns);
    // One read transaction for the whole file: every page comes from the same state of the store,
    // whatever the app writes meanwhile (WAL keeps that state for this reader).
    db.exec('BEGIN');
    const rows = await writeRows(db, sink, columns);
    db.exec('COMMIT');
    if (rows === null) {
      await sink.abort();
      return { type: 'cancelled' };
    }
    if (sink.problemTotal() > 0) {
      await sink.abort();
      return { type: 'unrepresentable', problems: sink.problems, total: sink.problemTotal() };
    }
    await sink.finish();
    return { type: 'written', rows };
  } catch (error) {
    await sink?.abort().catch(() => undefined);
    if (error instanceof BantamError) return { type: 'failed', error: error.toBody() };
    // Only an errno leaves the thread: an error's message may quote lead data.
    return { type: 'writeFailed', errno: (error as NodeJS.ErrnoException).code ?? 'error' };
  } finally {
    db.close();
  }
};

void run().then(post);
