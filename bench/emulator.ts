/**
 * Emulator benchmark: cold catalogue build, generating every offer, emulator start, and request
 * timings over loopback HTTP (single product views, 250-member batches, default searches).
 * Usage: npm run bench:emulator [-- --json]
 */
import { performance } from "node:perf_hooks";
import { buildCatalogue } from "../src/server/emulator/catalogue";
import { startEmulator } from "../src/server/emulator";

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function timed(run: () => Promise<unknown>, times: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples;
}

async function main(): Promise<void> {
  let start = performance.now();
  const catalogue = buildCatalogue();
  const buildMs = performance.now() - start;

  start = performance.now();
  let offers = 0;
  for (const product of catalogue.products) offers += product.offers.length;
  const offersMs = performance.now() - start;

  start = performance.now();
  const emulator = await startEmulator();
  const startMs = performance.now() - start;
  const headers = {
    "X-CLIENT-ID": emulator.credentials.graphClientId,
    "X-API-KEY": emulator.credentials.graphApiKey,
    "content-type": "application/json",
  };
  const get = async (path: string) =>
    (await fetch(`${emulator.graphUrl}${path}`, { headers })).json();

  const ids = catalogue.products.filter((_, i) => i % 25 === 0).map((p) => p.id);
  let next = 0;
  const views = await timed(
    () => get(`/products/${ids[next++ % ids.length]}?schema=product-offers-v1`),
    200,
  );

  const members = catalogue.products
    .filter((_, i) => i % 22 === 0)
    .slice(0, 250)
    .map((p) => ({
      method: "GET",
      relative_url: `?q=${encodeURIComponent(`${p.mpn} ${p.mfr}`)}&schema=product-offers-v1&search_strategy=mpn_sku_mfr&limit=1`,
    }));
  const batches = await timed(
    async () =>
      (
        await fetch(`${emulator.graphUrl}/batch/products/`, {
          method: "POST",
          headers,
          body: JSON.stringify({ batch: members }),
        })
      ).json(),
    10,
  );
  const searches = await timed(
    () => get(`/products/?schema=product-v1&q=murata%200603%20x7r&limit=50`),
    30,
  );
  await emulator.close();

  const result = {
    catalogue_products: catalogue.size,
    catalogue_build_ms: Math.round(buildMs),
    all_offers_generated: offers,
    all_offers_ms: Math.round(offersMs),
    emulator_start_ms: Math.round(startMs),
    view_p50_ms: Number(percentile(views, 50).toFixed(2)),
    view_p95_ms: Number(percentile(views, 95).toFixed(2)),
    batch250_p50_ms: Math.round(percentile(batches, 50)),
    batch250_max_ms: Math.round(Math.max(...batches)),
    default_search_p50_ms: Number(percentile(searches, 50).toFixed(2)),
  };
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(result));
  } else {
    console.log(
      `Catalogue: ${result.catalogue_products} products built in ${result.catalogue_build_ms} ms (cold); all ${result.all_offers_generated} offers generated in ${result.all_offers_ms} ms`,
    );
    console.log(`Emulator start: ${result.emulator_start_ms} ms`);
    console.log(
      `GET /products/{id} (offers-v1): p50 ${result.view_p50_ms} ms, p95 ${result.view_p95_ms} ms (200 requests)`,
    );
    console.log(
      `POST /batch/products/ with 250 mpn_sku_mfr members: p50 ${result.batch250_p50_ms} ms, max ${result.batch250_max_ms} ms (10 batches)`,
    );
    console.log(
      `Default search "murata 0603 x7r", limit 50: p50 ${result.default_search_p50_ms} ms (30 requests)`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
