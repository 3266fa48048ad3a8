/** Server configuration, read once from the environment. Keys stay in this object and the
 * upstream clients; nothing here is ever logged or sent to a browser. */
import path from "node:path";
import { z } from "zod";
import type { ServerMode } from "../core/api";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("localhost"),
  COFACTR_GRAPH_URL: z.string().url().default("https://graph.cofactr.com"),
  COFACTR_PLATFORM_URL: z.string().url().default("https://flagship-api.cofactr.com"),
  COFACTR_CLIENT_ID: optionalText,
  COFACTR_GRAPH_API_KEY: optionalText,
  COFACTR_PLATFORM_API_KEY: optionalText,
  /** "cofactr" without server-held keys means every request brings the user's own keys. */
  COFACTR_MODE: z.enum(["emulator", "cofactr"]).optional(),
  GATEWAY_TOKENS: optionalText,
  HTTPS_CERT: optionalText,
  HTTPS_KEY: optionalText,
  ADDIN_DIST: optionalText,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Requests in flight to each Cofactr API at once (429s come from a concurrency ceiling). */
  UPSTREAM_CONCURRENCY: positiveInt(4),
  /** One attempt of one upstream request. */
  UPSTREAM_ATTEMPT_TIMEOUT_MS: positiveInt(10_000),
  /** Everything one upstream request may take: queueing, attempts and waits between them. */
  UPSTREAM_DEADLINE_MS: positiveInt(20_000),
  /** Attempts for 502/503/504 and network errors (429 retries until the deadline). */
  UPSTREAM_MAX_ATTEMPTS: positiveInt(3),
  /** First wait between attempts without Retry-After; doubles each time. */
  UPSTREAM_BACKOFF_MS: positiveInt(1_000),
  /** A cached part carries its offers, so this bounds how old a price or stock figure can be:
   * the same 10 minutes the add-in keeps prices and stock before asking again. */
  LOOKUP_CACHE_TTL_S: positiveInt(600),
  /** Not-found answers are forgotten sooner: a part may be added to the catalogue. */
  LOOKUP_NOT_FOUND_TTL_S: positiveInt(300),
  LOOKUP_CACHE_MAX: positiveInt(100_000),
});

export interface GraphCredentials {
  clientId: string;
  apiKey: string;
}

/** How the upstream clients behave; see the environment variables above. */
export interface UpstreamTuning {
  concurrency: number;
  attemptTimeoutMs: number;
  deadlineMs: number;
  maxAttempts: number;
  backoffMs: number;
}

export interface LookupCacheTuning {
  ttlMs: number;
  notFoundTtlMs: number;
  maxEntries: number;
}

export interface ServerConfig {
  port: number;
  host: string;
  mode: ServerMode;
  graphUrl: string;
  platformUrl: string;
  /** Server-held keys, when configured. */
  graphCredentials: GraphCredentials | null;
  platformApiKey: string | null;
  /** With server-held keys, every /api call must carry one of these. */
  gatewayTokens: string[];
  httpsCertPath: string | null;
  httpsKeyPath: string | null;
  addinDistDir: string;
  logLevel: string;
  upstream: UpstreamTuning;
  lookupCache: LookupCacheTuning;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    throw new Error(
      `Configuration error in ${problem?.path.join(".") ?? "environment"}: ${problem?.message}`,
    );
  }
  const e = parsed.data;
  const graphCredentials =
    e.COFACTR_CLIENT_ID && e.COFACTR_GRAPH_API_KEY
      ? { clientId: e.COFACTR_CLIENT_ID, apiKey: e.COFACTR_GRAPH_API_KEY }
      : null;
  const platformApiKey = e.COFACTR_PLATFORM_API_KEY ?? null;
  const hasServerKeys = graphCredentials !== null || platformApiKey !== null;
  const mode: ServerMode = e.COFACTR_MODE ?? (hasServerKeys ? "cofactr" : "emulator");
  const gatewayTokens = (e.GATEWAY_TOKENS ?? "")
    .split(",")
    .map((token) => token.trim())
    .filter((token) => token.length > 0);
  if (mode === "cofactr" && hasServerKeys && gatewayTokens.length === 0) {
    throw new Error(
      "Cofactr keys are configured but GATEWAY_TOKENS is empty: set at least one gateway access " +
        "token so that the server is not an open relay for your keys.",
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    mode,
    graphUrl: e.COFACTR_GRAPH_URL,
    platformUrl: e.COFACTR_PLATFORM_URL,
    // In emulator mode the embedded emulator's own demo keys are used instead.
    graphCredentials: mode === "cofactr" ? graphCredentials : null,
    platformApiKey: mode === "cofactr" ? platformApiKey : null,
    gatewayTokens: mode === "cofactr" ? gatewayTokens : [],
    httpsCertPath: e.HTTPS_CERT ?? null,
    httpsKeyPath: e.HTTPS_KEY ?? null,
    addinDistDir: path.resolve(e.ADDIN_DIST ?? path.join(__dirname, "..", "..", "dist")),
    logLevel: e.LOG_LEVEL,
    upstream: {
      concurrency: e.UPSTREAM_CONCURRENCY,
      attemptTimeoutMs: e.UPSTREAM_ATTEMPT_TIMEOUT_MS,
      deadlineMs: e.UPSTREAM_DEADLINE_MS,
      maxAttempts: e.UPSTREAM_MAX_ATTEMPTS,
      backoffMs: e.UPSTREAM_BACKOFF_MS,
    },
    lookupCache: {
      ttlMs: e.LOOKUP_CACHE_TTL_S * 1000,
      notFoundTtlMs: e.LOOKUP_NOT_FOUND_TTL_S * 1000,
      maxEntries: e.LOOKUP_CACHE_MAX,
    },
  };
}
