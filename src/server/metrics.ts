/**
 * The server's Prometheus metrics (prom-client), one registry per app so that several apps in
 * one process (tests, benches) count apart. What is counted is what an operator of several
 * instances needs: what Cofactr was asked and billed, how the caches do, and how busy it is.
 */
import type { FastifyInstance } from "fastify";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { LookupCacheObserver } from "./lookup/lookup-service";
import type { UpstreamObserver } from "./upstream/resilience";

export type UpstreamApi = "graph" | "platform";
export type CacheLevel = "memory" | "redis";

export class ServerMetrics {
  readonly registry = new Registry();
  private readonly upstreamRequests = new Counter({
    name: "cofactr_upstream_requests_total",
    help: "HTTP requests sent to Cofactr (each attempt counts), by API.",
    labelNames: ["api"] as const,
    registers: [this.registry],
  });
  private readonly meteredParts = new Counter({
    name: "cofactr_upstream_metered_parts_total",
    help: "Parts Cofactr returned and meters, by API.",
    labelNames: ["api"] as const,
    registers: [this.registry],
  });
  private readonly rateLimited = new Counter({
    name: "cofactr_upstream_rate_limited_total",
    help: "Upstream requests Cofactr answered 429 (rate limited), by API.",
    labelNames: ["api"] as const,
    registers: [this.registry],
  });
  private readonly upstreamInFlight = new Gauge({
    name: "cofactr_upstream_requests_in_flight",
    help: "Requests this instance has in flight to Cofactr, by API.",
    labelNames: ["api"] as const,
    registers: [this.registry],
  });
  private readonly cacheLookups = new Counter({
    name: "cofactr_lookup_cache_total",
    help: "Part lookups answered (hit) or not (miss) by a cache level: memory, then redis.",
    labelNames: ["level", "result"] as const,
    registers: [this.registry],
  });
  private readonly lookupDuration = new Histogram({
    name: "cofactr_lookup_duration_seconds",
    help: "Time to answer one part lookup request (POST /api/parts/lookup).",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
    registers: [this.registry],
  });
  private readonly requestsInFlight = new Gauge({
    name: "cofactr_http_requests_in_flight",
    help: "HTTP requests this instance is handling.",
    registers: [this.registry],
  });
  private readonly redisUp = new Gauge({
    name: "cofactr_redis_up",
    help: "1 while Redis (REDIS_URL) is reachable, 0 while this instance works alone.",
    registers: [this.registry],
  });

  /** What the lookup cache holds, read at each scrape (set by `watchLookupCache`). */
  private lookupCache: { readonly bytes: number; readonly size: number } | null = null;

  constructor() {
    const watched = () => this.lookupCache;
    this.readAtScrape(
      "cofactr_lookup_cache_bytes",
      "Bytes this instance's lookup cache holds, as counted against LOOKUP_CACHE_MB.",
      () => watched()?.bytes ?? 0,
    );
    this.readAtScrape(
      "cofactr_lookup_cache_entries",
      "Entries in this instance's lookup cache (queries, part facts and offers).",
      () => watched()?.size ?? 0,
    );
    this.readAtScrape(
      "process_resident_memory_bytes",
      "Resident memory of this instance's process (RSS).",
      () => process.memoryUsage.rss(),
    );
    // Every label value appears from the start (a scraper sees zeros, not missing series).
    for (const api of ["graph", "platform"] as const) {
      this.upstreamRequests.inc({ api }, 0);
      this.meteredParts.inc({ api }, 0);
      this.rateLimited.inc({ api }, 0);
      this.upstreamInFlight.set({ api }, 0);
    }
    for (const level of ["memory", "redis"] as const) {
      for (const result of ["hit", "miss"] as const) this.cacheLookups.inc({ level, result }, 0);
    }
  }

  upstream(api: UpstreamApi): UpstreamObserver {
    return {
      attemptStarted: () => {
        this.upstreamRequests.inc({ api });
        this.upstreamInFlight.inc({ api });
      },
      attemptEnded: (status) => {
        this.upstreamInFlight.dec({ api });
        if (status === 429) this.rateLimited.inc({ api });
      },
      meteredParts: (count) => this.meteredParts.inc({ api }, count),
    };
  }

  readonly cache: LookupCacheObserver = {
    counted: (level, hits, misses) => {
      if (hits > 0) this.cacheLookups.inc({ level, result: "hit" }, hits);
      if (misses > 0) this.cacheLookups.inc({ level, result: "miss" }, misses);
    },
  };

  /** A gauge whose value is read when /metrics is scraped. */
  private readAtScrape(name: string, help: string, read: () => number): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }

  watchLookupCache(cache: { readonly bytes: number; readonly size: number }): void {
    this.lookupCache = cache;
  }

  setRedisUp(up: boolean): void {
    this.redisUp.set(up ? 1 : 0);
  }

  /** Counts requests in flight, times lookups and serves GET /metrics (the gateway check
   * guards it). */
  register(app: FastifyInstance, lookupRoute: string, path = "/metrics"): void {
    app.addHook("onRequest", async (_request, reply) => {
      this.requestsInFlight.inc();
      // "close" comes exactly once, answered or abandoned.
      reply.raw.once("close", () => this.requestsInFlight.dec());
    });
    app.addHook("onResponse", async (request, reply) => {
      if (request.routeOptions.url === lookupRoute && request.method === "POST") {
        this.lookupDuration.observe(reply.elapsedTime / 1000);
      }
    });
    app.get(path, async (_request, reply) => {
      void reply.header("content-type", this.registry.contentType);
      void reply.header("cache-control", "no-store");
      return this.registry.metrics();
    });
  }
}
