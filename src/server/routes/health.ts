import type { FastifyInstance } from "fastify";
import type { HealthResponse } from "../../core/api";
import type { ServerConfig } from "../config";
import { packageVersion } from "../version";

export function registerHealthRoute(app: FastifyInstance, config: ServerConfig): void {
  const version = packageVersion();
  app.get("/api/health", async (): Promise<HealthResponse> => ({
    status: "ok",
    mode: config.mode,
    gateway_token_required: config.gatewayTokens.length > 0,
    version,
  }));
}
