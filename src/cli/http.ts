/**
 * A small JSON client for the add-in server's /api. Node's own http/https modules rather than
 * fetch, so that a localhost server with the self-signed development certificate is accepted:
 * for loopback hosts only, certificates are not verified (the traffic never leaves the
 * machine); every other host is verified as usual.
 */
import http from "node:http";
import https from "node:https";
import { GATEWAY_TOKEN_HEADER, type ApiErrorBody } from "../core/api";
import type { JsonCall } from "../core/programs-client";

export const DEFAULT_SERVER = "https://localhost:3000";
const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);
/** Socket errors that mean nothing is listening there (or the host does not exist). */
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
/** ApiRequestError code of a --server value that is not an http(s) URL (a usage error). */
export const BAD_SERVER_URL = "bad_server_url";

export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

export interface ApiClientOptions {
  server: string;
  /** Gateway access token for servers that hold Cofactr keys (never printed). */
  token?: string;
  /** Per-request time limit, ms. */
  timeoutMs?: number;
}

/** The TLS agent for a server URL: lenient for https on loopback, else Node's default. */
export function tlsAgentFor(url: URL): https.Agent | undefined {
  if (url.protocol !== "https:" || !LOOPBACK.has(url.hostname)) return undefined;
  return new https.Agent({ rejectUnauthorized: false });
}

export class ApiClient {
  private readonly base: URL;
  private readonly agent: https.Agent | undefined;

  constructor(private readonly options: ApiClientOptions) {
    let base: URL;
    try {
      base = new URL(options.server);
    } catch {
      throw new ApiRequestError(`--server: "${options.server}" is not a URL`, null, BAD_SERVER_URL);
    }
    if (base.protocol !== "http:" && base.protocol !== "https:") {
      throw new ApiRequestError(
        `--server: "${options.server}" must be http:// or https://`,
        null,
        BAD_SERVER_URL,
      );
    }
    this.base = base;
    this.agent = tlsAgentFor(base);
  }

  get<T>(pathname: string): Promise<T> {
    return this.request<T>("GET", pathname);
  }

  send<T>(
    method: "POST" | "PUT" | "PATCH" | "DELETE",
    pathname: string,
    body?: unknown,
  ): Promise<T> {
    return this.request<T>(method, pathname, body);
  }

  /** This client as the shared clients' JSON call (e.g. core/programs-client.ts). */
  asJsonCall(): JsonCall {
    return <T>(method: string, path: string, body?: unknown) => this.request<T>(method, path, body);
  }

  private request<T>(method: string, pathname: string, body?: unknown): Promise<T> {
    const url = new URL(pathname, this.base);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = { accept: "application/json" };
    if (payload) {
      headers["content-type"] = "application/json";
      headers["content-length"] = String(payload.length);
    }
    if (this.options.token) headers[GATEWAY_TOKEN_HEADER] = this.options.token;
    const transport = url.protocol === "https:" ? https : http;
    return new Promise<T>((resolve, reject) => {
      const request = transport.request(
        url,
        { method, headers, ...(this.agent ? { agent: this.agent } : {}) },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            let json: unknown = null;
            try {
              json = text === "" ? null : JSON.parse(text);
            } catch {
              json = null;
            }
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) {
              resolve(json as T);
              return;
            }
            const error = (json as ApiErrorBody | null)?.error;
            reject(
              new ApiRequestError(
                `${method} ${url.pathname}: ${status} ${error?.message ?? (text.slice(0, 200) || response.statusMessage)}`,
                status,
                error?.code ?? null,
              ),
            );
          });
        },
      );
      request.setTimeout(this.options.timeoutMs ?? 60_000, () => {
        request.destroy(new Error(`no answer within ${this.options.timeoutMs ?? 60_000} ms`));
      });
      request.on("error", (error: NodeJS.ErrnoException) => {
        const unreachable = error.code !== undefined && UNREACHABLE.has(error.code);
        reject(
          new ApiRequestError(
            unreachable
              ? `cannot reach the add-in server at ${url.origin} (${error.code}): is it running? Start it with \`npm start\`, or give its address with --server`
              : `${method} ${url.origin}${url.pathname}: ${error.message}`,
            null,
            null,
          ),
        );
      });
      if (payload) request.write(payload);
      request.end();
    });
  }
}
