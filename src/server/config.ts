/** Server configuration, read once from the environment. Keys stay in this object and the
 * upstream clients; nothing here is ever logged or sent to a browser. */
import path from "node:path";
import { z } from "zod";
import { API_CLIENT_TIMEOUT_MS, type ServerMode } from "../core/api";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** Shorter gateway or admin tokens can be guessed: refused at start. */
export const MIN_TOKEN_LENGTH = 24;
/** The /api deadline leaves the add-in this much time to receive the server's own answer. */
const CLIENT_MARGIN_MS = 2_000;
/** Highest API_DEADLINE_MS: the add-in's batcher must give up strictly after the server. */
export const MAX_API_DEADLINE_MS = API_CLIENT_TIMEOUT_MS - CLIENT_MARGIN_MS;

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
  /** Tokens for the operator's routes (POST /api/cache/clear), never the add-in's. */
  ADMIN_TOKENS: optionalText,
  HTTPS_CERT: optionalText,
  HTTPS_KEY: optionalText,
  ADDIN_DIST: optionalText,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** A request's headers must have arrived within this. */
  HEADERS_TIMEOUT_MS: positiveInt(10_000),
  /** A request's headers and body must have arrived within this (a slow body is cut off). */
  BODY_TIMEOUT_MS: positiveInt(30_000),
  /** An idle kept-alive connection is closed after this. */
  KEEP_ALIVE_TIMEOUT_MS: positiveInt(5_000),
  /** Open connections one client address may hold; more are closed at once. */
  MAX_CONNECTIONS_PER_ADDRESS: positiveInt(64),
  /** Wrong gateway/admin tokens one address may send per minute before it is turned away. */
  AUTH_FAILURES_PER_MINUTE: positiveInt(10),
  /** Everything one /api request may take, all its upstream calls together. */
  API_DEADLINE_MS: z.coerce.number().int().min(1).max(MAX_API_DEADLINE_MS).default(20_000),
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
  /** Market facts (offers, stock) are answered from the cache this long: it bounds how old a
   * price or stock figure can be, the same 10 minutes the add-in keeps them. */
  LOOKUP_CACHE_TTL_S: positiveInt(600),
  /** Static facts (description, lifecycle, package, datasheet, specs) change rarely. */
  LOOKUP_STATIC_TTL_S: positiveInt(86_400),
  /** Not-found answers are forgotten sooner: a part may be added to the catalogue. */
  LOOKUP_NOT_FOUND_TTL_S: positiveInt(300),
  /** Memory the lookup cache may use, in megabytes (estimated from the stored text). */
  LOOKUP_CACHE_MB: positiveInt(128),
  /** Several instances share the lookup cache, fetches in flight and the upstream ceiling here. */
  REDIS_URL: optionalText.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
      .url()
      .optional(),
  ),
  /** Upstream requests one instance may have in flight, per API, while Redis is unreachable. */
  REDIS_FALLBACK_CONCURRENCY: positiveInt(1),
  /** Prefix of every Redis key, so that several deployments can share one Redis. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,64}$/, "letters, digits, _ : . - only")
    .default("cofactr:"),
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
  /** Offers and stock. */
  ttlMs: number;
  /** Everything else about a part, and which part a query means. */
  staticTtlMs: number;
  notFoundTtlMs: number;
  maxBytes: number;
}

/** Where instances share their state; null without REDIS_URL (everything stays in-process). */
export interface RedisSettings {
  /** May hold a password: never logged. */
  url: string;
  keyPrefix: string;
  /** This instance's share of UPSTREAM_CONCURRENCY while Redis is unreachable. */
  fallbackConcurrency: number;
}

/** Limits on what one client can hold open or make the server wait for. */
export interface ConnectionLimits {
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnectionsPerAddress: number;
  authFailuresPerMinute: number;
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
  /** The operator's routes need one of these; none means those routes are off. */
  adminTokens: string[];
  httpsCertPath: string | null;
  httpsKeyPath: string | null;
  addinDistDir: string;
  logLevel: string;
  /** One /api request, start to answer. */
  apiDeadlineMs: number;
  connections: ConnectionLimits;
  upstream: UpstreamTuning;
  lookupCache: LookupCacheTuning;
  redis: RedisSettings | null;
}

/** The server's own Cofactr keys: all three or none. */
const SERVER_KEY_VARIABLES = [
  "COFACTR_CLIENT_ID",
  "COFACTR_GRAPH_API_KEY",
  "COFACTR_PLATFORM_API_KEY",
] as const;

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    throw new Error(
      `Configuration error in ${problem?.path.join(".") ?? "environment"}: ${problem?.message}`,
    );
  }
  const e = parsed.data;
  const serverKeys = serverKeysOf(e);
  const mode: ServerMode = e.COFACTR_MODE ?? (serverKeys ? "cofactr" : "emulator");
  const gatewayTokens = tokenList("GATEWAY_TOKENS", e.GATEWAY_TOKENS);
  const adminTokens = tokenList("ADMIN_TOKENS", e.ADMIN_TOKENS);
  if (mode === "cofactr" && serverKeys && gatewayTokens.length === 0) {
    throw new Error(
      "Cofactr keys are configured but GATEWAY_TOKENS is empty: set at least one gateway access " +
        "token so that the server is not an open relay for your keys.",
    );
  }
  const useServerKeys = mode === "cofactr" && serverKeys !== null;
  return {
    port: e.PORT,
    host: e.HOST,
    mode,
    graphUrl: e.COFACTR_GRAPH_URL,
    platformUrl: e.COFACTR_PLATFORM_URL,
    // In emulator mode the embedded emulator's own demo keys are used instead.
    graphCredentials: useServerKeys ? serverKeys.graph : null,
    platformApiKey: useServerKeys ? serverKeys.platform : null,
    gatewayTokens: mode === "cofactr" ? gatewayTokens : [],
    adminTokens,
    httpsCertPath: e.HTTPS_CERT ?? null,
    httpsKeyPath: e.HTTPS_KEY ?? null,
    addinDistDir: path.resolve(e.ADDIN_DIST ?? path.join(__dirname, "..", "..", "dist")),
    logLevel: e.LOG_LEVEL,
    apiDeadlineMs: e.API_DEADLINE_MS,
    connections: {
      headersTimeoutMs: e.HEADERS_TIMEOUT_MS,
      bodyTimeoutMs: Math.max(e.BODY_TIMEOUT_MS, e.HEADERS_TIMEOUT_MS),
      keepAliveTimeoutMs: e.KEEP_ALIVE_TIMEOUT_MS,
      maxConnectionsPerAddress: e.MAX_CONNECTIONS_PER_ADDRESS,
      authFailuresPerMinute: e.AUTH_FAILURES_PER_MINUTE,
    },
    upstream: {
      concurrency: e.UPSTREAM_CONCURRENCY,
      attemptTimeoutMs: e.UPSTREAM_ATTEMPT_TIMEOUT_MS,
      deadlineMs: e.UPSTREAM_DEADLINE_MS,
      maxAttempts: e.UPSTREAM_MAX_ATTEMPTS,
      backoffMs: e.UPSTREAM_BACKOFF_MS,
    },
    lookupCache: {
      ttlMs: e.LOOKUP_CACHE_TTL_S * 1000,
      staticTtlMs: Math.max(e.LOOKUP_STATIC_TTL_S, e.LOOKUP_CACHE_TTL_S) * 1000,
      notFoundTtlMs: e.LOOKUP_NOT_FOUND_TTL_S * 1000,
      maxBytes: e.LOOKUP_CACHE_MB * 1024 * 1024,
    },
    redis: e.REDIS_URL
      ? {
          url: e.REDIS_URL,
          keyPrefix: e.REDIS_KEY_PREFIX,
          fallbackConcurrency: Math.min(e.REDIS_FALLBACK_CONCURRENCY, e.UPSTREAM_CONCURRENCY),
        }
      : null,
  };
}

type Environment = z.output<typeof environmentSchema>;

/**
 * The server-held keys, or null when none is set. Some but not all is a mistake that would
 * otherwise fall back to the emulator's made-up prices: refused, naming what is missing.
 */
function serverKeysOf(e: Environment): { graph: GraphCredentials; platform: string } | null {
  const missing = SERVER_KEY_VARIABLES.filter((name) => e[name] === undefined);
  if (missing.length === SERVER_KEY_VARIABLES.length) return null;
  if (missing.length > 0) {
    const given = SERVER_KEY_VARIABLES.filter((name) => !missing.includes(name));
    throw new Error(
      `Configuration error: ${given.join(" and ")} ${given.length > 1 ? "are" : "is"} set but ` +
        `${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not. Set all three ` +
        `Cofactr keys, or none (the embedded emulator, or COFACTR_MODE=cofactr for users' own keys).`,
    );
  }
  return {
    graph: { clientId: e.COFACTR_CLIENT_ID ?? "", apiKey: e.COFACTR_GRAPH_API_KEY ?? "" },
    platform: e.COFACTR_PLATFORM_API_KEY ?? "",
  };
}

/** A comma-separated token list; a token too short to resist guessing refuses the start. */
function tokenList(variable: string, value: string | undefined): string[] {
  const tokens = (value ?? "")
    .split(",")
    .map((token) => token.trim())
    .filter((token) => token.length > 0);
  const short = tokens.findIndex((token) => token.length < MIN_TOKEN_LENGTH);
  if (short >= 0) {
    throw new Error(
      `Configuration error in ${variable}: token ${short + 1} has ${tokens[short]?.length} ` +
        `characters; each token needs at least ${MIN_TOKEN_LENGTH} (e.g. from ` +
        `"openssl rand -hex 16").`,
    );
  }
  return tokens;
}
