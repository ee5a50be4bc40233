import type { ApiErrorBody, ApiIssue, ErrorCode } from '../../shared/api';

// A failed backend call as the renderer sees it: the envelope's error, thrown.
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string | undefined;
  readonly params: Record<string, string | number>;
  readonly issues: ApiIssue[];

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.messageKey = body.messageKey;
    this.params = body.params ?? {};
    this.issues = body.issues ?? [];
  }
}

// The host could not be reached at all (bridge missing, fetch failed, IPC torn down).
export const networkError = (cause: unknown): ApiError =>
  new ApiError({
    code: 'internal',
    message: cause instanceof Error ? cause.message : 'The backend could not be reached.',
    messageKey: 'errors.network',
  });

// Anything caught in the UI becomes an ApiError, so one code path can show it.
export const toApiError = (error: unknown): ApiError =>
  error instanceof ApiError
    ? error
    : new ApiError({ code: 'internal', message: error instanceof Error ? error.message : String(error) });
