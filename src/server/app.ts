/** The add-in server: static add-in files and /api, assembled from its routes. */
import fs from "node:fs";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import fastifyStatic from "@fastify/static";
import type { ServerConfig } from "./config";
import { ApiError } from "./errors";
import { loggerOptions } from "./logging";
import { registerHealthRoute } from "./routes/health";

export interface AppOptions {
  config: ServerConfig;
  https?: { key: Buffer; cert: Buffer } | null;
  /** Replaces the pino logger, e.g. to capture log lines in a test. */
  logger?: FastifyServerOptions["logger"];
}

export function buildApp({ config, https, logger }: AppOptions): FastifyInstance {
  const base: FastifyServerOptions = {
    logger: logger ?? loggerOptions(config.logLevel),
    bodyLimit: 5 * 1024 * 1024,
  };
  // Fastify's types split HTTP and HTTPS instances; the routes treat both alike.
  const app = (
    https ? Fastify({ ...base, https } as FastifyServerOptions) : Fastify(base)
  ) as FastifyInstance;

  app.setErrorHandler((rawError, request, reply) => {
    const error = rawError as Error & { statusCode?: number };
    if (error instanceof ApiError) {
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

  registerHealthRoute(app, config);

  if (fs.existsSync(config.addinDistDir)) {
    app.register(fastifyStatic, { root: config.addinDistDir, index: ["taskpane.html"] });
  }
  return app;
}
