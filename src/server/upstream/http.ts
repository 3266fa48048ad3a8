/** One HTTP attempt against a Cofactr API: JSON in and out, every failure an UpstreamError. */
import { TRANSIENT_HTTP_STATUSES, parseRetryAfterMs } from "../../core/http-retry";
import { UpstreamError } from "./errors";
import { redactSecrets, secretsIn } from "./redact";

export interface JsonRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  /** Credentials travel here only; they never appear in an error message. */
  headers: Record<string, string>;
  body?: unknown;
}

export interface JsonResponse {
  status: number;
  body: unknown;
}

/**
 * Sends one request. Non-2xx answers throw: 429/502/503/504 as retryable (with Retry-After
 * when sent), everything else as final. `what` names the call in messages. A failure never
 * carries the request's credentials, even when Cofactr's answer quotes them.
 */
export async function sendJson(
  what: string,
  request: JsonRequest,
  signal: AbortSignal,
): Promise<JsonResponse> {
  try {
    return await sendOnce(what, request, signal);
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    const secrets = secretsIn(request.headers);
    return Promise.reject(
      new UpstreamError(
        error.kind,
        redactSecrets(error.message, secrets),
        redactSecrets(error.options, secrets),
      ),
    );
  }
}

async function sendOnce(
  what: string,
  request: JsonRequest,
  signal: AbortSignal,
): Promise<JsonResponse> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: {
        accept: "application/json",
        ...(request.body === undefined ? {} : { "content-type": "application/json" }),
        ...request.headers,
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal,
      // Followed redirects keep custom headers (X-API-KEY) even to another origin.
      redirect: "manual",
    });
  } catch (error) {
    throw networkError(what, error, signal);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw networkError(what, error, signal);
  }
  const body = parseBody(text);
  if (response.ok) {
    if (body === INVALID_JSON) {
      throw new UpstreamError("bad_response", `${what}: Cofactr answered with invalid JSON`);
    }
    return { status: response.status, body };
  }
  if (response.status >= 300 && response.status < 400) {
    throw new UpstreamError(
      "http",
      `${what}: Cofactr answered with a redirect (HTTP ${response.status}), which is not ` +
        `followed with credentials: configure the API's final address`,
      { status: response.status },
    );
  }
  const retryable = TRANSIENT_HTTP_STATUSES.has(response.status);
  const retryAfterMs = parseRetryAfterMs(response.headers.get("retry-after"), Date.now());
  const detail = body === INVALID_JSON ? undefined : detailOf(body);
  const summary =
    typeof detail === "string" && detail.length > 0 ? `: ${detail.slice(0, 200)}` : "";
  throw new UpstreamError("http", `${what}: Cofactr answered HTTP ${response.status}${summary}`, {
    status: response.status,
    retryable,
    ...(retryAfterMs === null ? {} : { retryAfterMs }),
    ...(detail === undefined ? {} : { detail }),
  });
}

const INVALID_JSON = Symbol("invalid JSON");

/** Failures that happen before a single byte of the request left this machine. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

function parseBody(text: string): unknown {
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

function detailOf(body: unknown): unknown {
  if (body && typeof body === "object" && "detail" in body) {
    return (body as { detail: unknown }).detail;
  }
  return undefined;
}

function networkError(what: string, error: unknown, signal: AbortSignal): UpstreamError {
  if (signal.aborted) {
    return new UpstreamError("timeout", `${what}: the request was cancelled (timeout)`, {
      retryable: true,
    });
  }
  // Duck-typed: fetch's errors may come from another realm (e.g. under a test runner's vm).
  const failure = (error ?? {}) as {
    message?: unknown;
    cause?: { code?: unknown; message?: unknown; errors?: { code?: unknown }[] };
  };
  const codes = [failure.cause?.code, ...(failure.cause?.errors ?? []).map((e) => e?.code)];
  const code = codes.find((candidate): candidate is string => typeof candidate === "string");
  const causeMessage = typeof failure.cause?.message === "string" ? failure.cause.message : null;
  const reason =
    code ?? causeMessage ?? (typeof failure.message === "string" ? failure.message : String(error));
  return new UpstreamError("network", `${what}: Cofactr could not be reached (${reason})`, {
    retryable: true,
    notSent: code !== undefined && NOT_SENT_CODES.has(code),
  });
}
