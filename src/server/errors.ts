/** The one error shape of /api: `{error: {code, message, field?}}` with a matching status. */
import type { ApiErrorBody, ApiFieldIssue } from "../core/api";

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly issues?: ApiFieldIssue[],
    /** Extra response headers (e.g. Retry-After). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }

  toBody(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field === undefined ? {} : { field: this.field }),
        ...(this.issues === undefined ? {} : { issues: this.issues }),
      },
    };
  }
}
