import type { ImportRecord } from '../../../shared/api/imports';
import type { ImportDescription, ImportOutcome, ImportStart } from './commit';
import type { CreateBatch } from './create-batch';
import type { ImportJobMessage } from './job-types';

// The import's writer thread: started by the import worker, which plans the import and hands it the
// leads to create in batches while it goes on reading, so checking and writing use both cores.

// Import worker → writer.
export type WriterRequest = {
  dbPath: string;
  nativeBinding?: string;
  actor: string;
  clockOffsetMs: number;
  // The user's cancel flag, shared with the main thread (see ImportJobRequest).
  cancelFlag: SharedArrayBuffer;
  // Int32Array over it, indexed by WriterState.
  state: SharedArrayBuffer;
  start: ImportStart;
};

export type WriterMessage =
  | { type: 'creates'; batch: CreateBatch }
  | { type: 'finish'; outcome: ImportOutcome; what: ImportDescription }
  | { type: 'abort' };

// Writer → import worker: 'done' carries the import's record.
export type WriterAnswer = Extract<ImportJobMessage, { type: 'event' | 'failed' }> | { type: 'done'; value: ImportRecord };

// What the two threads share without messages (the import worker reads rows in one synchronous
// loop, so it cannot receive any): batches sent and not yet written, leads written, and whether
// the writer stopped on an error.
export const WriterState = { inFlight: 0, written: 1, stopped: 2 } as const;
export const WRITER_STATE_BYTES = 3 * Int32Array.BYTES_PER_ELEMENT;
