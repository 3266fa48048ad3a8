/** Builds the /api app on an ephemeral port against stand-in upstreams (no emulator). */
import type { AddressInfo } from "node:net";
import { buildApp } from "../../../src/server/app";
import { readConfig } from "../../../src/server/config";
import { loggerOptions } from "../../../src/server/logging";

export interface TestApp {
  url: string;
  close(): Promise<void>;
}

export interface LogCapture {
  lines: string[];
  write(line: string): void;
}

export function captureLogs(): LogCapture {
  const lines: string[] = [];
  return { lines, write: (line: string) => void lines.push(line) };
}

export async function startTestApp(
  env: Record<string, string>,
  logs?: LogCapture,
): Promise<TestApp> {
  const config = readConfig({
    ADDIN_DIST: "/nonexistent-dist",
    UPSTREAM_BACKOFF_MS: "10",
    UPSTREAM_ATTEMPT_TIMEOUT_MS: "2000",
    UPSTREAM_DEADLINE_MS: "5000",
    ...env,
  });
  const app = buildApp({
    config,
    logger: logs ? { ...loggerOptions("trace"), stream: logs } : false,
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** Response bodies are read loosely: each test asserts the shape it relies on. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseJson = any;

export async function call(
  url: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: LooseJson }> {
  const response = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
