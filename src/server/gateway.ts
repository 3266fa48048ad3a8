/** With server-held keys, every /api call but the health check must bring a gateway token, so
 * that the server is never an open relay for the keys. Wrong tokens are throttled per address. */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { GATEWAY_TOKEN_HEADER } from "../core/api";
import type { AuthThrottle } from "./auth-throttle";
import { ApiError } from "./errors";
import { isApiPath } from "./route-table";
import { headerValue, TokenSet } from "./tokens";

const OPEN_PATHS = new Set(["/api/health"]);
/** Outside /api but guarded like it: what the metrics tell is the operator's business. */
const GUARDED_PATHS = new Set(["/metrics"]);

export function registerGatewayCheck(
  app: FastifyInstance,
  tokens: readonly string[],
  throttle: AuthThrottle,
): void {
  if (tokens.length === 0) return;
  const expected = new TokenSet(tokens);
  app.addHook("onRequest", async (request) => {
    if (!needsToken(request)) return;
    const token = headerValue(request.headers[GATEWAY_TOKEN_HEADER]);
    if (!token) {
      throw new ApiError(
        401,
        "gateway_token_required",
        `This server holds Cofactr keys: send a gateway access token in the ${GATEWAY_TOKEN_HEADER} header.`,
      );
    }
    throttle.refuseIfBlocked(request);
    if (!expected.matches(token)) {
      await throttle.recordFailure(request);
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
  if (route !== undefined && GUARDED_PATHS.has(route)) return true;
  return (route !== undefined && isApiPath(route)) || isApiPath(rawPath);
}
