/**
 * The add-in's one client for the add-in server's /api (same origin): the pane, the ribbon and
 * the functions' batcher all call through it. Every answer is checked against its schema
 * (core/api-schemas.ts), and every failure becomes an `ApiRequestError` (core/api-call.ts),
 * whose status and code the callers turn into plain-language messages.
 */
import type { z } from "zod";
import type {
  BomResponse,
  HealthResponse,
  JobStatusResponse,
  LookupRequest,
  LookupResponse,
  UpsertBomRequest,
  UpsertBomResponse,
} from "../../core/api";
import { ApiRequestError, NETWORK_ERROR, readAnswer, type ApiCall } from "../../core/api-call";
import {
  bomResponseSchema,
  healthResponseSchema,
  jobStatusResponseSchema,
  lookupResponseSchema,
  upsertBomResponseSchema,
} from "../../core/api-schemas";

// The pane's modules take the call's type and its one error class from their client.
export {
  ApiRequestError,
  unexpectedResponse,
  type ApiCall,
  type ApiRequestErrorDetails,
} from "../../core/api-call";

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
      throw new ApiRequestError(
        0,
        NETWORK_ERROR,
        `The add-in server could not be reached: ${detail}`,
      );
    }
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch {
      parsed = undefined;
    }
    const retryAfter = response.headers.get("retry-after");
    return readAnswer({ status: response.status, body: parsed, retryAfter }, schema, now());
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
