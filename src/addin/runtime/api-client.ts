/**
 * The pane's client for the add-in server's /api (same origin). Every failure becomes an
 * `ApiRequestError` whose code the pane turns into a plain-language message.
 */
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

export class ApiRequestError extends Error {
  constructor(
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    /** The server's error code, or "network" / "bad_response". */
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly issues: ApiFieldIssue[] = [],
  ) {
    super(message);
    this.name = "ApiRequestError";
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
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === "string" && typeof error.message === "string";
}

/** One /api request: JSON in and out, every failure an ApiRequestError. */
export type ApiCall = <T>(
  method: string,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
) => Promise<T>;

export function createApiCall(options: ApiClientOptions = {}): ApiCall {
  const baseUrl = (options.baseUrl ?? "").replace(/\/$/, "");
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  return async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
  ) {
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
      throw new ApiRequestError(0, "network", "The add-in server could not be reached.");
    }
    let parsed: unknown = null;
    try {
      parsed = await response.json();
    } catch {
      parsed = null;
    }
    if (!response.ok) {
      if (isErrorBody(parsed)) {
        const { code, message, field, issues } = parsed.error;
        throw new ApiRequestError(response.status, code, message, field, issues ?? []);
      }
      throw new ApiRequestError(
        response.status,
        "bad_response",
        `The add-in server answered ${response.status} without an explanation.`,
      );
    }
    if (parsed === null) {
      throw new ApiRequestError(
        response.status,
        "bad_response",
        "The server's answer was not JSON.",
      );
    }
    return parsed as T;
  };
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const call = createApiCall(options);
  return {
    health: (signal) => call<HealthResponse>("GET", "/api/health", undefined, signal),
    lookup: (request, signal) => call<LookupResponse>("POST", "/api/parts/lookup", request, signal),
    upsertBom: (body, signal) => call<UpsertBomResponse>("PUT", "/api/boms", body, signal),
    job: (id, signal) =>
      call<JobStatusResponse>("GET", `/api/jobs/${encodeURIComponent(id)}`, undefined, signal),
    bom: (id, signal) =>
      call<BomResponse>("GET", `/api/boms/${encodeURIComponent(id)}`, undefined, signal),
  };
}
