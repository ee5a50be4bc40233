import type { ApiErrorBody, ApiIssue, ErrorCode } from '../../shared/api';

// The one error type the backend throws on purpose. Its message is English and free of personal
// data, so it can be logged; `messageKey` lets the renderer show the catalog text instead.
export class BantamError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string | undefined;
  readonly params: Record<string, string | number> | undefined;
  readonly issues: ApiIssue[] | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { messageKey?: string; params?: Record<string, string | number>; issues?: ApiIssue[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'BantamError';
    this.code = code;
    this.messageKey = options.messageKey;
    this.params = options.params;
    this.issues = options.issues;
  }

  toBody(): ApiErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.messageKey ? { messageKey: this.messageKey } : {}),
      ...(this.params ? { params: this.params } : {}),
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}
