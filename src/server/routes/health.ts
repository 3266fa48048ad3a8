import type { FastifyInstance } from "fastify";
import type { HealthResponse } from "../../core/api";
import type { ServerConfig } from "../config";

export function registerHealthRoute(app: FastifyInstance, config: ServerConfig): void {
  app.get("/api/health", async (): Promise<HealthResponse> => ({
    status: "ok",
    mode: config.mode,
    gateway_token_required: config.gatewayTokens.length > 0,
  }));
}
