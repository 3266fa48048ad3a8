/** The operator's routes (POST /api/cache/clear) need an admin token (ADMIN_TOKENS), separate
 * from the gateway tokens every add-in user holds. */
import type { FastifyRequest } from "fastify";
import { ADMIN_TOKEN_HEADER } from "../core/api";
import type { AuthThrottle } from "./auth-throttle";
import { ApiError } from "./errors";
import { headerValue, TokenSet } from "./tokens";

export class AdminCheck {
  private readonly tokens: TokenSet;

  constructor(
    tokens: readonly string[],
    private readonly throttle: AuthThrottle,
  ) {
    this.tokens = new TokenSet(tokens);
  }

  /** Throws unless the request carries a valid admin token. */
  async require(request: FastifyRequest): Promise<void> {
    if (this.tokens.size === 0) {
      throw new ApiError(
        403,
        "admin_disabled",
        "This route needs an admin token and the server has none: set ADMIN_TOKENS.",
      );
    }
    const token = headerValue(request.headers[ADMIN_TOKEN_HEADER]);
    if (!token) {
      throw new ApiError(
        401,
        "admin_token_required",
        `This route needs an admin token in the ${ADMIN_TOKEN_HEADER} header.`,
      );
    }
    this.throttle.refuseIfBlocked(request);
    if (!this.tokens.matches(token)) {
      await this.throttle.recordFailure(request);
      throw new ApiError(401, "admin_token_invalid", "The admin token is not valid.");
    }
  }
}
