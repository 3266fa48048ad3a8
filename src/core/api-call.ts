/**
 * What every client of the add-in server's /api agrees on (the pane's fetch client and the
 * CLI's Node client alike): a call checks each answer against its route's schema, and every
 * failure — an error answer, a server out of reach, an answer that cannot be used — is one
 * `ApiRequestError`. Only how the bytes travel differs between the clients.
 */
import type { z } from "zod";
import type { ApiErrorBody, ApiFieldIssue } from "./api";
import { TRANSIENT_HTTP_STATUSES, parseRetryAfterMs } from "./http-retry";

/** One /api request: JSON in, JSON out checked against `schema`, every failure an ApiRequestError. */
export type ApiCall = <T>(
  method: string,
  path: string,
  schema: z.ZodType<T>,
  body?: unknown,
  signal?: AbortSignal,
) => Promise<T>;

export interface ApiRequestErrorDetails {
  /** For validation errors: the offending field, e.g. `lines[3].mpn`, and every problem. */
  field?: string | undefined;
  issues?: ApiFieldIssue[] | undefined;
  /** The server's Retry-After, in milliseconds, when it sent one. */
  retryAfterMs?: number | null | undefined;
}

/** The codes the clients give failures the server did not name itself. */
export const NETWORK_ERROR = "network";
export const HTTP_ERROR = "http_error";
export const BAD_RESPONSE = "bad_response";

export class ApiRequestError extends Error {
  readonly field?: string;
  readonly issues: ApiFieldIssue[];
  readonly retryAfterMs: number | null;

  constructor(
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    /** The server's error code, or "network", "http_error" (no error body), "bad_response". */
    readonly code: string,
    message: string,
    details: ApiRequestErrorDetails = {},
  ) {
    super(message);
    this.name = "ApiRequestError";
    this.field = details.field;
    this.issues = details.issues ?? [];
    this.retryAfterMs = details.retryAfterMs ?? null;
  }

  /** Worth another attempt: the server could not be reached, or it or Cofactr was busy. */
  get transient(): boolean {
    return this.status === 0 || TRANSIENT_HTTP_STATUSES.has(this.status);
  }
}

/** Why a body does not fit its schema, e.g. "results.3.part.offers: expected array". */
export function describeMismatch(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join(".") : "body";
  return `${where}: ${issue?.message ?? "invalid"}`;
}

/** An answer the client cannot use: not JSON, or not the shape its route promises. */
export function unexpectedResponse(status: number, detail: string): ApiRequestError {
  return new ApiRequestError(
    status,
    BAD_RESPONSE,
    `Unexpected response from the add-in server (${detail}).`,
  );
}

/** The server's answer as it came off the wire. */
export interface RawAnswer {
  status: number;
  /** The body parsed as JSON; undefined when it was empty or not JSON. */
  body: unknown;
  /** The Retry-After header, if any. */
  retryAfter: string | null;
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === "string" && typeof error.message === "string";
}

/** The answer's checked body, or the ApiRequestError it amounts to. */
export function readAnswer<T>(answer: RawAnswer, schema: z.ZodType<T>, nowMs: number): T {
  const { status, body } = answer;
  if (status < 200 || status >= 300) {
    const retryAfterMs = parseRetryAfterMs(answer.retryAfter, nowMs);
    if (isErrorBody(body)) {
      const { code, message, field, issues } = body.error;
      throw new ApiRequestError(status, code, message, { field, issues, retryAfterMs });
    }
    throw new ApiRequestError(
      status,
      HTTP_ERROR,
      `The add-in server answered ${status} without an explanation.`,
      { retryAfterMs },
    );
  }
  if (body === undefined) throw unexpectedResponse(status, "not JSON");
  const checked = schema.safeParse(body);
  if (!checked.success) throw unexpectedResponse(status, describeMismatch(checked.error));
  return checked.data;
}
