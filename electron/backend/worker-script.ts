import fs from 'node:fs';
import path from 'node:path';
import type { ApiErrorBody } from '../../shared/api';
import { BantamError } from './errors';

// Where a bundled worker script (build/bundle.mjs) is: beside the bundled host (dist/electron);
// from the sources (tests) in the build output. In a packaged app it is unpacked from the asar
// archive, which worker threads cannot read.
export const bundledWorkerPath = (fileName: string): string => {
  const beside = path.join(__dirname, fileName);
  const unpacked = beside.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  if (fs.existsSync(unpacked)) return unpacked;
  return fs.existsSync(beside) ? beside : path.resolve(__dirname, '..', '..', 'dist', 'electron', fileName);
};

// The error for a worker that cannot start because a script of it was not built, or null.
export const missingScriptError = (what: string, scripts: readonly string[]): BantamError | null => {
  const missing = scripts.find((script) => !fs.existsSync(script));
  return missing ? new BantamError('internal', `The ${what} is missing at ${missing}: run npm run build.`, { messageKey: 'errors.internal' }) : null;
};

// A worker's failure, posted as a body, thrown again on the main thread as the same BantamError.
export const errorFromBody = (body: ApiErrorBody): BantamError =>
  new BantamError(body.code, body.message, { ...(body.messageKey ? { messageKey: body.messageKey } : {}), ...(body.params ? { params: body.params } : {}) });

// What a worker posts for a failure: a BantamError's own body (its messages are meant for users and
// free of lead data); anything else only as the generic `fallback`, since its message may quote data.
export const workerErrorBody = (error: unknown, fallback: string): ApiErrorBody =>
  error instanceof BantamError ? error.toBody() : { code: 'internal', message: fallback, messageKey: 'errors.internal' };
