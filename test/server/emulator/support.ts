/** Shared helpers for the emulator tests: real HTTP against an emulator on an ephemeral port. */
import type { RunningEmulator } from "../../../src/server/emulator";

/**
 * A parsed JSON body, read loosely: the tests' expectations are what check its shape (and the
 * OpenAPI test validates Knowledge Graph bodies against the spec).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = any;

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

async function parse<T>(response: Response): Promise<HttpResult<T>> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === "" ? null : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: body as T };
}

export function graphHeaders(emulator: RunningEmulator): Record<string, string> {
  return {
    "X-CLIENT-ID": emulator.credentials.graphClientId,
    "X-API-KEY": emulator.credentials.graphApiKey,
  };
}

export async function graphGet<T = Body>(
  emulator: RunningEmulator,
  pathAndQuery: string,
  headers: Record<string, string> = graphHeaders(emulator),
): Promise<HttpResult<T>> {
  return parse<T>(
    await fetch(`${emulator.graphUrl}${pathAndQuery}`, { headers, redirect: "manual" }),
  );
}

export async function graphBatch<T = Body>(
  emulator: RunningEmulator,
  body: unknown,
  query = "",
  headers: Record<string, string> = graphHeaders(emulator),
): Promise<HttpResult<T>> {
  const response = await fetch(`${emulator.graphUrl}/batch/products/${query}`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return parse<T>(response);
}

export function platformHeaders(emulator: RunningEmulator): Record<string, string> {
  return { Authorization: `Api-Key ${emulator.credentials.platformApiKey}` };
}

export async function platformCall<T = Body>(
  emulator: RunningEmulator,
  method: string,
  pathAndQuery: string,
  body?: unknown,
  headers: Record<string, string> = platformHeaders(emulator),
): Promise<HttpResult<T>> {
  const init: RequestInit = { method, headers: { ...headers }, redirect: "manual" };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] = "application/json";
  }
  return parse<T>(await fetch(`${emulator.platformUrl}${pathAndQuery}`, init));
}

/** Polls a job until it ends; returns every status seen, in order. */
export async function pollJob(emulator: RunningEmulator, jobId: string): Promise<Body[]> {
  const seen: Body[] = [];
  for (let poll = 0; poll < 10; poll++) {
    const response = await platformCall(emulator, "GET", `/v1/async_jobs/${jobId}/`);
    expect(response.status).toBe(200);
    seen.push(response.body);
    if (["SUCCESS", "FAILURE"].includes(response.body.status)) return seen;
  }
  throw new Error(`job ${jobId} did not finish in 10 polls`);
}
