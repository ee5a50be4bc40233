import type { z } from 'zod';

// A contract method: the zod schema every host parses input with, and the output type it returns.
// The output type exists only at compile time; `output` is never read at run time.
export type MethodSpec<S extends z.ZodType, O> = {
  readonly input: S;
  readonly output?: O;
  readonly description: string;
};

export const method =
  <O>() =>
  <S extends z.ZodType>(input: S, description: string): MethodSpec<S, O> => ({ input, description });

export type ErrorCode =
  | 'invalid_input'
  | 'unknown_method'
  | 'not_found'
  | 'conflict'
  | 'store_unavailable'
  | 'forbidden'
  | 'internal';

export type ApiIssue = { path: string; message: string };

export type ApiErrorBody = {
  code: ErrorCode;
  // English, for logs and the CLI; the renderer shows the catalog text for `code` and `messageKey`.
  message: string;
  messageKey?: string;
  params?: Record<string, string | number>;
  issues?: ApiIssue[];
};

// Every answer from a host is an envelope: hosts never throw across the boundary.
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
