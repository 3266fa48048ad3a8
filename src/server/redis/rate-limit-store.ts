/**
 * The failed-authentication count of @fastify/rate-limit, kept in Redis (the plugin's own Redis
 * store) so that a guesser spreading wrong tokens over every instance meets one limit. While
 * Redis is unreachable each instance counts alone (the plugin's in-memory store), so guessing
 * is never left unthrottled.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import LocalStore from "@fastify/rate-limit/store/LocalStore";
import RedisStore from "@fastify/rate-limit/store/RedisStore";
import type { RedisLink } from "./link";

type Increment = Parameters<FastifyRateLimitStore["incr"]>;

/** A store class for the plugin's `store` option. */
export function sharedRateLimitStore(link: RedisLink): FastifyRateLimitStoreCtor {
  return class SharedStore extends FallbackStore {
    constructor() {
      super(
        link,
        new RedisStore(false, false, link.client, `${link.keyPrefix}rate-limit:`),
        new LocalStore(false, false),
      );
    }
  };
}

class FallbackStore implements FastifyRateLimitStore {
  constructor(
    private readonly link: RedisLink,
    private readonly shared: FastifyRateLimitStore,
    private readonly local: FastifyRateLimitStore,
  ) {}

  incr(key: Increment[0], callback: Increment[1], timeWindow: number, max: number): void {
    if (!this.link.available) {
      this.local.incr(key, callback, timeWindow, max);
      return;
    }
    this.shared.incr(
      key,
      (error, result) => {
        if (error) this.local.incr(key, callback, timeWindow, max);
        else callback(null, result);
      },
      timeWindow,
      max,
    );
  }

  child(routeOptions: Parameters<FastifyRateLimitStore["child"]>[0]): FastifyRateLimitStore {
    return new FallbackStore(
      this.link,
      this.shared.child(routeOptions),
      this.local.child(routeOptions),
    );
  }
}
