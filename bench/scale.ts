/**
 * Several instances, one Cofactr account: the same 2,000-part lookup split evenly across 1, 2
 * and 4 server instances, each time without Redis (every instance alone: its own cache and its
 * own ceiling) and with one shared Redis, against one emulator with 100 ms latency and a
 * ceiling of 4 requests in flight (more are answered 429 with Retry-After).
 * Usage: npm run bench:scale [-- --json] [--parts N] [--latency MS] [--ceiling N] [--retry-after S]
 * Needs redis-server (Debian's package); it is started on an ephemeral port.
 * With --json, the last line is {"parts", "ceiling", "latency_ms", "without_redis": {"1": run,
 * "2": run, "4": run}, "with_redis": {...}} where run is {"wall_ms", "upstream_requests",
 * "upstream_rejected", "metered_parts", "found"}.
 */
import type { PartQuery } from "../src/core/api";
import { catalogueQueries, startCluster } from "../test/server/scale/cluster";
import { haveRedisServer, REDIS_SERVER, startRedis } from "../test/server/scale/redis-process";

const INSTANCE_COUNTS = [1, 2, 4] as const;

interface Run {
  wall_ms: number;
  upstream_requests: number;
  upstream_rejected: number;
  metered_parts: number;
  found: number;
}

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** `queries` dealt into `count` nearly equal consecutive slices. */
function split(queries: PartQuery[], count: number): PartQuery[][] {
  const size = Math.ceil(queries.length / count);
  return Array.from({ length: count }, (_, i) => queries.slice(i * size, (i + 1) * size));
}

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const parts = argument("--parts", 2000);
  const latencyMs = argument("--latency", 100);
  const ceiling = argument("--ceiling", 4);
  const retryAfterSeconds = argument("--retry-after", 1);
  if (!haveRedisServer()) {
    throw new Error(`${REDIS_SERVER} is not installed: sudo apt-get install redis-server`);
  }
  const queries = catalogueQueries(parts);
  const redis = await startRedis();
  const results: Record<"without_redis" | "with_redis", Record<string, Run>> = {
    without_redis: {},
    with_redis: {},
  };
  try {
    let runNumber = 0;
    for (const shared of [false, true]) {
      for (const instances of INSTANCE_COUNTS) {
        runNumber += 1;
        const cluster = await startCluster({
          instances,
          ceiling,
          latencyMs,
          retryAfterSeconds,
          // Each run starts with an empty shared cache.
          ...(shared
            ? { redisUrl: redis.url, env: { REDIS_KEY_PREFIX: `bench${runNumber}:` } }
            : {}),
        });
        try {
          if (shared) await cluster.redisReady();
          const started = performance.now();
          const answers = await Promise.all(
            split(queries, instances).map((slice, index) => cluster.lookup(index, slice)),
          );
          const wall = performance.now() - started;
          const stats = cluster.emulator.stats();
          const run: Run = {
            wall_ms: Math.round(wall),
            upstream_requests: stats.requests,
            upstream_rejected: stats.rejected,
            metered_parts: stats.meteredParts,
            found: answers.flat().filter((result) => result.status === "found").length,
          };
          results[shared ? "with_redis" : "without_redis"][String(instances)] = run;
          if (!json) {
            console.log(
              `${instances} instance(s), ${shared ? "Redis" : "no Redis"}: ${run.wall_ms} ms, ` +
                `${run.upstream_requests} upstream requests (${run.upstream_rejected} answered 429), ` +
                `${run.metered_parts} metered parts, ${run.found}/${parts} found`,
            );
          }
        } finally {
          await cluster.close();
        }
      }
    }
  } finally {
    await redis.stop();
  }
  const summary = { parts, ceiling, latency_ms: latencyMs, ...results };
  console.log(JSON.stringify(summary));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
