/** The add-in server: static add-in files and /api, assembled from its routes. */
import fs from "node:fs";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import fastifyStatic from "@fastify/static";
import type { ServerConfig } from "./config";
import { ApiError } from "./errors";
import { registerGatewayCheck } from "./gateway";
import { loggerOptions } from "./logging";
import { PartLookupService } from "./lookup/lookup-service";
import { registerBomRoutes } from "./routes/boms";
import { registerHealthRoute } from "./routes/health";
import { registerLookupRoutes } from "./routes/lookup";
import { toApiError } from "./routes/upstream-failure";
import { UpstreamAccess } from "./upstream/access";

export interface AppOptions {
  config: ServerConfig;
  https?: { key: Buffer; cert: Buffer } | null;
  /** Replaces the pino logger, e.g. to capture log lines in a test. */
  logger?: FastifyServerOptions["logger"];
}

/** Largest request body (a BOM of many thousand lines fits); bigger is 413. */
export const BODY_LIMIT = 5 * 1024 * 1024;

export function buildApp({ config, https, logger }: AppOptions): FastifyInstance {
  const base: FastifyServerOptions = {
    logger: logger ?? loggerOptions(config.logLevel),
    bodyLimit: BODY_LIMIT,
  };
  // Fastify's types split HTTP and HTTPS instances; the routes treat both alike.
  const app = (
    https ? Fastify({ ...base, https } as FastifyServerOptions) : Fastify(base)
  ) as FastifyInstance;

  app.setErrorHandler((rawError, request, reply) => {
    const mapped = toApiError(rawError, { userKeys: false, notFound: "Not found." });
    const error = mapped as Error & { statusCode?: number };
    if (error instanceof ApiError) {
      if (error.statusCode >= 500)
        request.log.warn({ code: error.code, reason: error.message }, "upstream failure");
      return reply.status(error.statusCode).send(error.toBody());
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, "request failed");
    const code = status === 413 ? "payload_too_large" : status < 500 ? "bad_request" : "internal";
    const message = status < 500 ? error.message : "The server could not complete the request.";
    return reply.status(status).send(new ApiError(status, code, message).toBody());
  });

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split("?")[0] ?? "";
    if (url.startsWith("/api/") || url === "/api") {
      return reply
        .status(404)
        .send(new ApiError(404, "not_found", `No API route ${request.method} ${url}`).toBody());
    }
    return reply.status(404).type("text/plain").send("Not found");
  });

  app.addHook("onSend", async (request, reply) => {
    // Cheap hardening: no MIME sniffing of add-in files or JSON; /api answers (prices, BOMs)
    // are per-caller and never stored by a cache. No CORS headers: the add-in is same-origin.
    void reply.header("x-content-type-options", "nosniff");
    if (request.url.startsWith("/api")) void reply.header("cache-control", "no-store");
  });

  registerGatewayCheck(app, config.gatewayTokens);
  registerHealthRoute(app, config);
  const access = new UpstreamAccess(config);
  registerLookupRoutes(app, access, new PartLookupService(config.lookupCache));
  registerBomRoutes(app, access);

  if (fs.existsSync(config.addinDistDir)) {
    app.register(fastifyStatic, { root: config.addinDistDir, index: ["taskpane.html"] });
  }
  return app;
}
