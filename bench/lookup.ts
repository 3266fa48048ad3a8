/**
 * Part lookup benchmark: 1,000 distinct catalogue parts looked up through the add-in server's
 * POST /api/parts/lookup, against the embedded emulator with 100 ms injected latency on every
 * upstream request and a ceiling of 4 requests in flight (more are answered 429). Then the same
 * lookup again, warm (from the server's cache), and once more after the server's clock has
 * moved past the price lifetime (LOOKUP_CACHE_TTL_S): only the offers are read again.
 * Usage: npm run bench:lookup [-- --json] [--parts N] [--latency MS] [--ceiling N]
 * With --json, the last line is {"wall_ms", "upstream_requests", "metered_parts", "found",
 * "warm": {...}, "after_price_lifetime": {"wall_ms", "upstream_requests", "metered_parts"}}.
 */
import type { LookupResponse, PartQuery } from "../src/core/api";
import { getCatalogue } from "../src/server/emulator/catalogue";
import { startAddinServer } from "../src/server/start";

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** `count` distinct (MPN, manufacturer) pairs spread evenly over the whole catalogue. */
function catalogueQueries(count: number): PartQuery[] {
  const products = getCatalogue().products;
  if (products.length < count) {
    throw new Error(`The emulator catalogue has ${products.length} parts, fewer than ${count}.`);
  }
  const step = products.length / count;
  return Array.from({ length: count }, (_, i) => {
    const product = products[Math.floor(i * step)];
    if (!product) throw new Error("catalogue index out of range");
    return { mpn: product.mpn, manufacturer: product.mfr };
  });
}

interface Run {
  wall_ms: number;
  upstream_requests: number;
  metered_parts: number;
  found: number;
  rejected: number;
}

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const parts = argument("--parts", 1000);
  const latencyMs = argument("--latency", 100);
  const ceiling = argument("--ceiling", 4);
  const queries = catalogueQueries(parts);

  // The cache's clock, moved forward instead of waiting ten minutes.
  let clockOffsetMs = 0;
  const clock = { now: () => Date.now() + clockOffsetMs };
  const server = await startAddinServer({
    env: { COFACTR_MODE: "emulator", UPSTREAM_CONCURRENCY: String(ceiling) },
    emulator: { faults: { latencyMs, concurrencyLimit: ceiling } },
    clock,
  });
  const emulator = server.emulator;
  if (!emulator) throw new Error("The benchmark needs the embedded emulator.");
  try {
    const lookup = async (): Promise<Run> => {
      emulator.resetStats();
      const started = performance.now();
      const response = await fetch(`${server.url}/api/parts/lookup`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ queries }),
      });
      if (!response.ok) throw new Error(`lookup answered HTTP ${response.status}`);
      const body = (await response.json()) as LookupResponse;
      const wall = performance.now() - started;
      const stats = emulator.stats();
      return {
        wall_ms: Math.round(wall),
        upstream_requests: stats.requests,
        metered_parts: stats.meteredParts,
        found: body.results.filter((result) => result.status === "found").length,
        rejected: stats.rejected,
      };
    };
    const cold = await lookup();
    const warm = await lookup();
    clockOffsetMs += server.config.lookupCache.ttlMs + 1000;
    const stale = await lookup();
    if (!json) {
      console.log(
        [
          `Part lookup: ${parts} distinct catalogue parts, ${latencyMs} ms upstream latency, ` +
            `at most ${ceiling} upstream requests in flight`,
          `  cold: ${cold.wall_ms} ms, ${cold.upstream_requests} upstream requests ` +
            `(${cold.rejected} answered 429), ${cold.metered_parts} metered parts, ` +
            `${cold.found}/${parts} found`,
          `  warm: ${warm.wall_ms} ms, ${warm.upstream_requests} upstream requests, ` +
            `${warm.metered_parts} metered parts, ${warm.found}/${parts} found`,
          `  after the price lifetime: ${stale.wall_ms} ms, ${stale.upstream_requests} upstream ` +
            `requests, ${stale.metered_parts} metered parts, ${stale.found}/${parts} found`,
        ].join("\n"),
      );
      return;
    }
    console.log(
      JSON.stringify({
        wall_ms: cold.wall_ms,
        upstream_requests: cold.upstream_requests,
        metered_parts: cold.metered_parts,
        found: cold.found,
        warm: {
          wall_ms: warm.wall_ms,
          upstream_requests: warm.upstream_requests,
          metered_parts: warm.metered_parts,
        },
        after_price_lifetime: {
          wall_ms: stale.wall_ms,
          upstream_requests: stale.upstream_requests,
          metered_parts: stale.metered_parts,
          found: stale.found,
        },
      }),
    );
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
