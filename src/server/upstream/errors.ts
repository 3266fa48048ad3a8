/** What went wrong talking to Cofactr, in a form the routes can turn into /api errors. Messages
 * name the API and the status, never a URL with credentials or a header value. */
export type UpstreamFailureKind =
  /** Cofactr answered with a non-2xx status. */
  | "http"
  /** Cofactr could not be reached (refused, reset, DNS). */
  | "network"
  /** No answer within the attempt timeout or the request's overall deadline. */
  | "timeout"
  /** A 2xx answer whose body is not what the API documents. */
  | "bad_response";

export class UpstreamError extends Error {
  constructor(
    readonly kind: UpstreamFailureKind,
    message: string,
    readonly options: {
      status?: number;
      retryable?: boolean;
      /** From Retry-After, when Cofactr sent one. */
      retryAfterMs?: number;
      /** Cofactr's `detail`, when it gave one (validation errors carry field locations). */
      detail?: unknown;
      /** The request surely never reached Cofactr (connection refused, name not resolved). */
      notSent?: boolean;
    } = {},
  ) {
    super(message);
    this.name = "UpstreamError";
  }

  get status(): number | undefined {
    return this.options.status;
  }

  get retryable(): boolean {
    return this.options.retryable ?? false;
  }
}
