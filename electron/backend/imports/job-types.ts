import type { ApiErrorBody, ApiEvent } from '../../../shared/api';
import type { ImportPreview, ImportResult } from '../../../shared/api/imports';
import { BantamError } from '../errors';
import type { ImportInput } from './prepare';

export type ImportPhase = 'read' | 'check' | 'write';

// Main thread → import worker.
export type ImportJobRequest = {
  mode: 'preview' | 'commit';
  input: ImportInput;
  dbPath: string;
  nativeBinding?: string;
  actor: string;
  clockOffsetMs: number;
  // Int32Array over a SharedArrayBuffer: [0] becomes 1 when the user cancels.
  cancelFlag: SharedArrayBuffer;
  // The writer thread's script (write-thread.ts, bundled as import-writer.cjs): a commit that can
  // write while it reads starts one.
  writerPath?: string;
};

// Import worker → main thread.
export type ImportJobMessage =
  | { type: 'progress'; phase: ImportPhase; done: number; total: number }
  | { type: 'event'; event: ApiEvent }
  | { type: 'done'; value: ImportPreview | ImportResult }
  | { type: 'failed'; error: ApiErrorBody };

export type JobHooks = {
  progress: (phase: ImportPhase, done: number, total: number) => void;
  // Throws the cancellation error when the user asked to stop; called between chunks.
  checkpoint: () => void;
};

export const noHooks: JobHooks = { progress: () => undefined, checkpoint: () => undefined };

export const cancelledError = (): BantamError =>
  new BantamError('conflict', 'The import was cancelled; nothing was written.', { messageKey: 'errors.import.cancelled' });
