/**
 * A small JSON client for the add-in server's /api. Node's own http/https modules rather than
 * fetch, so that a localhost server with the self-signed development certificate is accepted:
 * for loopback hosts only, certificates are not verified (the traffic never leaves the
 * machine); every other host is verified as usual. Answers are checked and failures reported
 * as in the pane (core/api-call.ts).
 */
import http from "node:http";
import https from "node:https";
import { GATEWAY_TOKEN_HEADER } from "../core/api";
import {
  ApiRequestError,
  NETWORK_ERROR,
  readAnswer,
  type ApiCall,
  type RawAnswer,
} from "../core/api-call";
import { CliError } from "./io";

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

/** The failure with the request it came from in front, for a terminal with no other context:
 * "GET /api/programs/p-1: 404 No program with id p-1." */
function naming(request: string, error: ApiRequestError): ApiRequestError {
  const answered = error.status >= 300 ? `${error.status} ` : "";
  return new ApiRequestError(error.status, error.code, `${request}: ${answered}${error.message}`, {
    field: error.field,
    issues: error.issues,
    retryAfterMs: error.retryAfterMs,
  });
}

export class ApiClient {
  private readonly base: URL;
  private readonly agent: https.Agent | undefined;

  constructor(private readonly options: ApiClientOptions) {
    let base: URL;
    try {
      base = new URL(options.server);
    } catch {
      throw new CliError(`--server: "${options.server}" is not a URL`, 2);
    }
    if (base.protocol !== "http:" && base.protocol !== "https:") {
      throw new CliError(`--server: "${options.server}" must be http:// or https://`, 2);
    }
    this.base = base;
    this.agent = tlsAgentFor(base);
  }

  /** The same checked call as the pane's (core/api-call.ts): the answer is checked against
   * `schema`; every failure is an ApiRequestError naming the request. */
  readonly call: ApiCall = async (method, pathname, schema, body, signal) => {
    const url = new URL(pathname, this.base);
    const answer = await this.exchange(method, url, body, signal);
    try {
      return readAnswer(answer, schema, Date.now());
    } catch (error) {
      throw error instanceof ApiRequestError ? naming(`${method} ${url.pathname}`, error) : error;
    }
  };

  /** Sends one request; its answer as received, or an ApiRequestError when none came. */
  private exchange(
    method: string,
    url: URL,
    body: unknown,
    signal: AbortSignal | undefined,
  ): Promise<RawAnswer> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = { accept: "application/json" };
    if (payload) {
      headers["content-type"] = "application/json";
      headers["content-length"] = String(payload.length);
    }
    if (this.options.token) headers[GATEWAY_TOKEN_HEADER] = this.options.token;
    const transport = url.protocol === "https:" ? https : http;
    const timeoutMs = this.options.timeoutMs ?? 60_000;
    return new Promise<RawAnswer>((resolve, reject) => {
      const request = transport.request(
        url,
        {
          method,
          headers,
          ...(signal ? { signal } : {}),
          ...(this.agent ? { agent: this.agent } : {}),
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            let parsed: unknown;
            try {
              parsed = text === "" ? undefined : JSON.parse(text);
            } catch {
              parsed = undefined;
            }
            const retryAfter = response.headers["retry-after"];
            resolve({
              status: response.statusCode ?? 0,
              body: parsed,
              retryAfter: typeof retryAfter === "string" ? retryAfter : null,
            });
          });
        },
      );
      request.setTimeout(timeoutMs, () => {
        request.destroy(new Error(`no answer within ${timeoutMs} ms`));
      });
      request.on("error", (error: NodeJS.ErrnoException) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const unreachable = error.code !== undefined && UNREACHABLE.has(error.code);
        reject(
          new ApiRequestError(
            0,
            NETWORK_ERROR,
            unreachable
              ? `cannot reach the add-in server at ${url.origin} (${error.code}): is it running? Start it with \`npm start\`, or give its address with --server`
              : `${method} ${url.origin}${url.pathname}: ${error.message}`,
          ),
        );
      });
      if (payload) request.write(payload);
      request.end();
    });
  }
}
