/** @fastify/rate-limit's own stores (plain JS modules of the package, without typings). */
declare module "@fastify/rate-limit/store/RedisStore" {
  import type { FastifyRateLimitStore } from "@fastify/rate-limit";
  import type { Redis } from "ioredis";
  const RedisStore: new (
    continueExceeding: boolean,
    exponentialBackoff: boolean,
    redis: Redis,
    nameSpace?: string,
  ) => FastifyRateLimitStore;
  export = RedisStore;
}

declare module "@fastify/rate-limit/store/LocalStore" {
  import type { FastifyRateLimitStore } from "@fastify/rate-limit";
  const LocalStore: new (
    continueExceeding: boolean,
    exponentialBackoff: boolean,
    cache?: number,
  ) => FastifyRateLimitStore;
  export = LocalStore;
}
