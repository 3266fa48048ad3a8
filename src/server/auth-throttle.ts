/**
 * Failed authentication, counted per client address with @fastify/rate-limit. An address that
 * sent too many wrong tokens is turned away with 429 before its token is even looked at, until
 * its window ends, so that guessing is throttled and a lucky guess cannot slip through.
 */
import rateLimit, { type FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { LRUCache } from "lru-cache";
import { ApiError } from "./errors";

const WINDOW_MS = 60_000;
/** Addresses remembered as blocked at once (each entry is a few dozen bytes). */
const MAX_BLOCKED_ADDRESSES = 100_000;

export class AuthThrottle {
  private readonly blocked = new LRUCache<string, true>({
    max: MAX_BLOCKED_ADDRESSES,
    ttl: WINDOW_MS,
    ttlAutopurge: false,
  });
  private limiter: ReturnType<FastifyInstance["createRateLimit"]> | null = null;

  /** `store`: where failures are counted (default this process; Redis for several instances). */
  constructor(
    private readonly app: FastifyInstance,
    private readonly failuresPerMinute: number,
    store?: FastifyRateLimitStoreCtor,
  ) {
    // Counts nothing by itself (global: false); the checks below ask it.
    void app.register(rateLimit, { global: false, ...(store ? { store } : {}) });
  }

  /** Throws 429 when this address is blocked for too many failures. */
  refuseIfBlocked(request: FastifyRequest): void {
    const remainingMs = this.blocked.getRemainingTTL(request.ip);
    if (remainingMs > 0) throw tooMany(remainingMs);
  }

  /** Counts a wrong token; throws 429 when it was one too many. */
  async recordFailure(request: FastifyRequest): Promise<void> {
    this.limiter ??= this.app.createRateLimit({
      max: this.failuresPerMinute,
      timeWindow: WINDOW_MS,
      keyGenerator: (req: FastifyRequest) => `auth-failure:${req.ip}`,
    });
    const limit = await this.limiter(request);
    if (!limit.isAllowed && limit.isExceeded) {
      this.blocked.set(request.ip, true, { ttl: Math.max(1, limit.ttl) });
      throw tooMany(limit.ttl);
    }
  }
}

function tooMany(remainingMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(remainingMs / 1000));
  return new ApiError(
    429,
    "too_many_failed_attempts",
    `Too many wrong access tokens from this address: try again in ${seconds} s.`,
    undefined,
    undefined,
    { "retry-after": String(seconds) },
  );
}
