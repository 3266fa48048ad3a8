/** The add-in server: static add-in files and /api, assembled from its routes. */
import fs from "node:fs";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import fastifyStatic from "@fastify/static";
import { AdminCheck } from "./admin";
import { AuthThrottle } from "./auth-throttle";
import type { RedisSettings, ServerConfig } from "./config";
import { capConnectionsPerAddress, fastifyTimeouts, httpServerOptions } from "./connection-limits";
import {
  API_HEADERS,
  clientErrorHandler,
  frameworkErrors,
  registerErrorReplies,
} from "./error-replies";
import { registerGatewayCheck } from "./gateway";
import { registerJsonBodyParser } from "./json-body";
import { loggerOptions } from "./logging";
import { PartLookupService, type Clock } from "./lookup/lookup-service";
import { ServerMetrics } from "./metrics";
import { RedisLink } from "./redis/link";
import { sharedRateLimitStore } from "./redis/rate-limit-store";
import { SharedCeiling } from "./redis/shared-ceiling";
import { RedisLookupLevel } from "./redis/shared-lookup-level";
import { registerResponseRedaction } from "./response-redaction";
import { RouteTable } from "./route-table";
import { registerBomLibraryRoutes } from "./routes/bom-library";
import { registerBomLineRoutes } from "./routes/bom-lines";
import { registerBomRoutes } from "./routes/boms";
import { registerHealthRoute } from "./routes/health";
import { LOOKUP_ROUTE, registerLookupRoutes } from "./routes/lookup";
import { registerPartSearchRoute } from "./routes/part-search";
import { registerBomProgramRoute } from "./routes/bom-program";
import { registerProgramInsightRoutes } from "./routes/program-insights";
import { registerProgramOverrideRoutes } from "./routes/program-overrides";
import { registerProgramRoutes } from "./routes/programs";
import { UpstreamAccess } from "./upstream/access";

export interface AppOptions {
  config: ServerConfig;
  https?: { key: Buffer; cert: Buffer } | null;
  /** Replaces the pino logger, e.g. to capture log lines in a test. */
  logger?: FastifyServerOptions["logger"];
  /** The lookup cache's clock (a benchmark moves it past the price lifetime). */
  clock?: Clock;
}

/** Largest request body (a BOM of many thousand lines fits); bigger is 413. */
export const BODY_LIMIT = 5 * 1024 * 1024;
/** Longest path parameter the router accepts: more than Node's 16 KB header limit lets through,
 * so that every over-long id reaches its route and is refused there with 422 (≤ 255). */
const MAX_PARAM_LENGTH = 65_536;

export interface BuiltApp {
  app: FastifyInstance;
  /** Every /api route, as registered. */
  routes: RouteTable;
}

export function buildApp(options: AppOptions): FastifyInstance {
  return assembleApp(options).app;
}

export function assembleApp({ config, https, logger, clock }: AppOptions): BuiltApp {
  const limits = config.connections;
  const timeouts = { headersMs: limits.headersTimeoutMs, bodyMs: limits.bodyTimeoutMs };
  const base: FastifyServerOptions = {
    logger: logger ?? loggerOptions(config.logLevel),
    bodyLimit: BODY_LIMIT,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    ...fastifyTimeouts(limits, config.apiDeadlineMs),
    frameworkErrors: frameworkErrors as FastifyServerOptions["frameworkErrors"],
    clientErrorHandler: (error, socket) => clientErrorHandler(error, socket, timeouts),
  };
  const serverOptions = httpServerOptions(limits);
  // Fastify's types split HTTP and HTTPS instances; the routes treat both alike.
  const app = (
    https
      ? Fastify({ ...base, https: { ...https, ...serverOptions } } as FastifyServerOptions)
      : Fastify({ ...base, http: serverOptions })
  ) as FastifyInstance;
  capConnectionsPerAddress(app.server, limits.maxConnectionsPerAddress);

  const routes = new RouteTable();
  routes.watch(app);
  registerErrorReplies(app, routes);
  registerJsonBodyParser(app);

  app.addHook("onSend", async (request, reply) => {
    // No MIME sniffing of add-in files or JSON; /api answers (prices, BOMs) are per-caller and
    // never stored by a cache. No CORS headers: the add-in is same-origin.
    void reply.header("x-content-type-options", API_HEADERS["x-content-type-options"]);
    if (request.url.startsWith("/api")) {
      void reply.header("cache-control", API_HEADERS["cache-control"]);
    }
  });
  registerResponseRedaction(app, config);

  const metrics = new ServerMetrics();
  const redis = config.redis ? connectRedis(app, config.redis, metrics) : null;
  const throttle = new AuthThrottle(
    app,
    limits.authFailuresPerMinute,
    redis ? sharedRateLimitStore(redis) : undefined,
  );
  registerGatewayCheck(app, config.gatewayTokens, throttle);
  registerHealthRoute(app, config);
  metrics.register(app, LOOKUP_ROUTE);
  const access = new UpstreamAccess(config, {
    graph: { observer: metrics.upstream("graph"), gate: sharedCeiling(redis, config, "graph") },
    platform: {
      observer: metrics.upstream("platform"),
      gate: sharedCeiling(redis, config, "platform"),
    },
  });
  const lookups = new PartLookupService(config.lookupCache, clock, {
    shared: redis ? new RedisLookupLevel(redis) : undefined,
    observer: metrics.cache,
  });
  metrics.watchLookupCache(lookups);
  const admin = new AdminCheck(config.adminTokens, throttle);
  registerLookupRoutes(app, access, lookups, admin, config.apiDeadlineMs);
  registerBomRoutes(app, access, config.apiDeadlineMs);
  registerBomLibraryRoutes(app, access, config.apiDeadlineMs);
  registerBomLineRoutes(app, access, config.apiDeadlineMs);
  registerPartSearchRoute(app, access, config.apiDeadlineMs);
  registerProgramRoutes(app, access, config.apiDeadlineMs);
  registerProgramInsightRoutes(app, access, config.apiDeadlineMs);
  registerProgramOverrideRoutes(app, access, config.apiDeadlineMs);
  registerBomProgramRoute(app, access, config.apiDeadlineMs);

  if (fs.existsSync(config.addinDistDir)) {
    app.register(fastifyStatic, { root: config.addinDistDir, index: ["taskpane.html"] });
  }
  return { app, routes };
}

/** Slots are leased a little longer than one attempt may take. */
const LEASE_MARGIN_MS = 2_000;

/** With Redis, one ceiling per Cofactr API for all instances; without, none (the default). */
function sharedCeiling(
  redis: RedisLink | null,
  config: ServerConfig,
  api: "graph" | "platform",
): SharedCeiling | undefined {
  if (!redis || !config.redis) return undefined;
  return new SharedCeiling(redis, {
    name: api,
    limit: config.upstream.concurrency,
    leaseMs: config.upstream.attemptTimeoutMs + LEASE_MARGIN_MS,
    fallbackLimit: config.redis.fallbackConcurrency,
  });
}

/** The instance's Redis link (REDIS_URL), closed with the app. */
function connectRedis(
  app: FastifyInstance,
  settings: RedisSettings,
  metrics: ServerMetrics,
): RedisLink {
  const redis = new RedisLink(settings, {
    info: (message) => app.log.info(message),
    warn: (message) => app.log.warn(message),
  });
  metrics.setRedisUp(false);
  redis.watch((up) => metrics.setRedisUp(up));
  app.addHook("onClose", async () => redis.close());
  return redis;
}
