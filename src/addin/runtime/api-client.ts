/**
 * The add-in's one client for the add-in server's /api (same origin): the pane, the ribbon and
 * the functions' batcher all call through it. Every answer is checked against its schema
 * (api-schemas.ts), and every failure becomes an `ApiRequestError`, whose status and code the
 * callers turn into plain-language messages.
 */
import type { z } from "zod";
import type {
  ApiErrorBody,
  ApiFieldIssue,
  BomResponse,
  HealthResponse,
  JobStatusResponse,
  LookupRequest,
  LookupResponse,
  UpsertBomRequest,
  UpsertBomResponse,
} from "../../core/api";
import { TRANSIENT_HTTP_STATUSES, parseRetryAfterMs } from "../../core/http-retry";
import {
  bomResponseSchema,
  describeMismatch,
  healthResponseSchema,
  jobStatusResponseSchema,
  lookupResponseSchema,
  upsertBomResponseSchema,
} from "./api-schemas";

export interface ApiRequestErrorDetails {
  /** For validation errors: the offending field, e.g. `lines[3].mpn`, and every problem. */
  field?: string;
  issues?: ApiFieldIssue[];
  /** The server's Retry-After, in milliseconds, when it sent one. */
  retryAfterMs?: number | null;
}

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

export interface ApiClient {
  health(signal?: AbortSignal): Promise<HealthResponse>;
  lookup(request: LookupRequest, signal?: AbortSignal): Promise<LookupResponse>;
  upsertBom(body: UpsertBomRequest, signal?: AbortSignal): Promise<UpsertBomResponse>;
  job(id: string, signal?: AbortSignal): Promise<JobStatusResponse>;
  bom(id: string, signal?: AbortSignal): Promise<BomResponse>;
}

export interface ApiClientOptions {
  /** "" for the page's own origin. */
  baseUrl?: string;
  /** Connection headers (gateway token, user keys), read for every request. */
  headers?: () => Record<string, string>;
  fetch?: typeof fetch;
  /** The clock for a Retry-After given as a date. */
  now?: () => number;
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === "string" && typeof error.message === "string";
}

/** An answer the add-in cannot use: not JSON, or not the shape its route promises. */
export function unexpectedResponse(status: number, detail: string): ApiRequestError {
  return new ApiRequestError(
    status,
    "bad_response",
    `Unexpected response from the add-in server (${detail}).`,
  );
}

/** One /api request: JSON in, JSON out checked against `schema`, every failure an ApiRequestError. */
export type ApiCall = <T>(
  method: string,
  path: string,
  schema: z.ZodType<T>,
  body?: unknown,
  signal?: AbortSignal,
) => Promise<T>;

export function createApiCall(options: ApiClientOptions = {}): ApiCall {
  const baseUrl = (options.baseUrl ?? "").replace(/\/$/, "");
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;

  return async function call<T>(
    method: string,
    path: string,
    schema: z.ZodType<T>,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json", ...options.headers?.() };
    if (body !== undefined) headers["content-type"] = "application/json";
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      throw new ApiRequestError(0, "network", `The add-in server could not be reached: ${detail}`);
    }
    let parsed: unknown = null;
    try {
      parsed = await response.json();
    } catch {
      parsed = null;
    }
    if (!response.ok) {
      const retryAfterMs = parseRetryAfterMs(response.headers.get("retry-after"), now());
      if (isErrorBody(parsed)) {
        const { code, message, field, issues } = parsed.error;
        throw new ApiRequestError(response.status, code, message, { field, issues, retryAfterMs });
      }
      throw new ApiRequestError(
        response.status,
        "http_error",
        `The add-in server answered ${response.status} without an explanation.`,
        { retryAfterMs },
      );
    }
    if (parsed === null) throw unexpectedResponse(response.status, "not JSON");
    const checked = schema.safeParse(parsed);
    if (!checked.success)
      throw unexpectedResponse(response.status, describeMismatch(checked.error));
    return checked.data;
  };
}

/** The client over one ApiCall (or over a new one made from `options`). */
export function createApiClient(source: ApiClientOptions | ApiCall = {}): ApiClient {
  const call = typeof source === "function" ? source : createApiCall(source);
  return {
    health: (signal) => call("GET", "/api/health", healthResponseSchema, undefined, signal),
    lookup: (request, signal) =>
      call("POST", "/api/parts/lookup", lookupResponseSchema, request, signal),
    upsertBom: (body, signal) => call("PUT", "/api/boms", upsertBomResponseSchema, body, signal),
    job: (id, signal) =>
      call(
        "GET",
        `/api/jobs/${encodeURIComponent(id)}`,
        jobStatusResponseSchema,
        undefined,
        signal,
      ),
    bom: (id, signal) =>
      call("GET", `/api/boms/${encodeURIComponent(id)}`, bomResponseSchema, undefined, signal),
  };
}
