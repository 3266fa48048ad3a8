/** With server-held keys, every /api call but the health check must bring a gateway token, so
 * that the server is never an open relay for the keys. */
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { GATEWAY_TOKEN_HEADER } from "../core/api";
import { ApiError } from "./errors";

const OPEN_PATHS = new Set(["/api/health"]);

export function registerGatewayCheck(app: FastifyInstance, tokens: readonly string[]): void {
  if (tokens.length === 0) return;
  const expected = tokens.map(fingerprint);
  app.addHook("onRequest", async (request) => {
    if (!needsToken(request)) return;
    const sent = request.headers[GATEWAY_TOKEN_HEADER];
    const token = Array.isArray(sent) ? sent[0] : sent;
    if (!token) {
      throw new ApiError(
        401,
        "gateway_token_required",
        `This server holds Cofactr keys: send a gateway access token in the ${GATEWAY_TOKEN_HEADER} header.`,
      );
    }
    const given = fingerprint(token);
    // Compare fixed-length digests in constant time, against every token, without early exit.
    const matches = expected.reduce(
      (found, candidate) => timingSafeEqual(candidate, given) || found,
      false,
    );
    if (!matches) {
      throw new ApiError(401, "gateway_token_invalid", "The gateway access token is not valid.");
    }
  });
}

/**
 * Decided on the route the router matched, not on the URL as sent: the router decodes
 * `/%61pi/parts/lookup` and accepts absolute-form targets (`http://host/api/...`), so a check
 * on the raw text alone could be walked around. Unmatched /api paths need a token too, so that
 * a 404 tells a caller without one nothing.
 */
function needsToken(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route !== undefined && OPEN_PATHS.has(route)) return false;
  const rawPath = request.url.split("?")[0] ?? "";
  return (route !== undefined && isApiPath(route)) || isApiPath(rawPath);
}

function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

function fingerprint(token: string): Buffer {
  return createHash("sha256").update(token.trim()).digest();
}
