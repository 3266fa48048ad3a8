/**
 * Custom functions benchmark: a simulated recalculation of a 1,000-line BOM with six COFACTR
 * columns (CPID, DESCRIPTION, LIFECYCLE, PRICE at 100, STOCK, LEADTIME) — 6,000 calls issued in
 * one tick, over 1,000 distinct catalogue parts — through the real functions, batcher and cache,
 * against the real add-in server and its embedded emulator with 100 ms upstream latency and a
 * ceiling of 4 upstream requests in flight (more are answered 429).
 *
 * Runs, each against the same server with its cache cleared before (except "ours_warm"):
 *   ours        this add-in, cold
 *   ours_warm   the same recalculation again, with the add-in's cache warm
 *   per_cell    one request per cell, as the Octopart add-in did, 6 in flight like a browser.
 *               It takes minutes for 6,000 cells, so by default it runs on the first
 *               --per-cell-rows rows (200) and its wall time is EXTRAPOLATED linearly to all
 *               rows; the JSON says so ("measured_cells", "extrapolated": true). Request and
 *               metered counts are scaled the same way. --per-cell-rows 1000 measures it fully.
 *   nexar_style batches of 10 cells (or 200 ms), as the Nexar add-in does, 6 in flight; no
 *               dedupe and no client cache
 *
 * Usage: npm run bench:functions [-- --json] [--rows N] [--latency MS] [--ceiling N]
 *        [--per-cell-rows N]
 * With --json the last line is {"cells","unique_parts","ours":{"wall_ms","client_requests",
 * "upstream_requests","metered_parts",…},"ours_warm":{…},"per_cell":{…},"nexar_style":{…}}.
 */
import type { LookupRequest, PartQuery } from "../src/core/api";
import * as COFACTR from "../src/addin/functions/functions";
import type { LookupService } from "../src/addin/runtime/lookup/lookup-service";
import { createRuntimeServices, setRuntimeServices } from "../src/addin/runtime/services";
import { getCatalogue } from "../src/server/emulator/catalogue";
import { startAddinServer, type RunningAddinServer } from "../src/server/start";
import { installCustomFunctionsStub } from "../test/support/customFunctions";

installCustomFunctionsStub();

const BROWSER_CONNECTIONS_PER_HOST = 6;
const NEXAR_BATCH_SIZE = 10;
const NEXAR_BATCH_MS = 200;

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** `count` distinct catalogue parts, spread over the whole catalogue. */
function bomRows(count: number): PartQuery[] {
  const products = getCatalogue().products;
  if (products.length < count) throw new Error(`catalogue has only ${products.length} parts`);
  const step = products.length / count;
  const rows: PartQuery[] = [];
  for (let i = 0; i < count; i += 1) {
    const product = products[Math.floor(i * step)];
    if (!product?.mpn) throw new Error("catalogue part without an MPN");
    rows.push({ mpn: product.mpn, manufacturer: product.mfr ?? null });
  }
  return rows;
}

/** The six function columns of one BOM row, as Excel would call them. */
function rowCalls(row: PartQuery): Promise<unknown>[] {
  const mfr = row.manufacturer ?? undefined;
  return [
    COFACTR.cpid(row.mpn, mfr),
    COFACTR.description(row.mpn, mfr),
    COFACTR.lifecycle(row.mpn, mfr),
    COFACTR.price(row.mpn, mfr, 100),
    COFACTR.stock(row.mpn, mfr),
    COFACTR.leadTime(row.mpn, mfr),
  ];
}

interface RunFigures {
  wall_ms: number;
  client_requests: number;
  upstream_requests: number;
  /** Upstream requests the emulator answered 429/5xx (counted in upstream_requests). */
  upstream_rejected: number;
  metered_parts: number;
  /** Cells that got a value / an Excel error (#N/A is right for a part without, e.g., lifecycle). */
  value_cells: number;
  error_cells: number;
  /** Why the error cells are errors, by message with the MPN taken out (this add-in only). */
  error_reasons?: Record<string, number>;
  /** Set when the run covered only some rows and the figures above are scaled up. */
  measured_cells?: number;
  measured_wall_ms?: number;
  extrapolated?: boolean;
}

/** Scales a run over `measuredRows` rows up to `totalRows`, and says so. */
function extrapolate(run: RunFigures, measuredRows: number, totalRows: number): RunFigures {
  if (measuredRows >= totalRows) return run;
  const factor = totalRows / measuredRows;
  const scale = (n: number): number => Math.round(n * factor);
  return {
    wall_ms: scale(run.wall_ms),
    client_requests: scale(run.client_requests),
    upstream_requests: scale(run.upstream_requests),
    upstream_rejected: scale(run.upstream_rejected),
    metered_parts: scale(run.metered_parts),
    value_cells: scale(run.value_cells),
    error_cells: scale(run.error_cells),
    measured_cells: measuredRows * 6,
    measured_wall_ms: run.wall_ms,
    extrapolated: true,
  };
}

interface CellOutcome {
  clientRequests: number;
  values: number;
  errors: number;
  errorReasons?: Record<string, number>;
}

function reasonsOf(settled: PromiseSettledResult<unknown>[]): Record<string, number> {
  const reasons: Record<string, number> = {};
  for (const outcome of settled) {
    if (outcome.status === "fulfilled") continue;
    const error = outcome.reason as { code?: string; message?: string };
    const reason = `${error.code ?? "?"} ${(error.message ?? "").replace(/ for \S+/, " for <MPN>")}`;
    reasons[reason] = (reasons[reason] ?? 0) + 1;
  }
  return reasons;
}

async function clearServerCache(server: RunningAddinServer): Promise<void> {
  const response = await fetch(`${server.url}/api/cache/clear`, { method: "POST" });
  if (!response.ok) throw new Error(`cache clear answered HTTP ${response.status}`);
}

async function measure(
  server: RunningAddinServer,
  run: () => Promise<CellOutcome>,
): Promise<RunFigures> {
  const emulator = server.emulator;
  if (!emulator) throw new Error("The benchmark needs the embedded emulator.");
  emulator.resetStats();
  const started = performance.now();
  const outcome = await run();
  const wall = performance.now() - started;
  const stats = emulator.stats();
  return {
    wall_ms: Math.round(wall),
    client_requests: outcome.clientRequests,
    upstream_requests: stats.requests,
    upstream_rejected: stats.rejected,
    metered_parts: stats.meteredParts,
    value_cells: outcome.values,
    error_cells: outcome.errors,
    ...(outcome.errorReasons ? { error_reasons: outcome.errorReasons } : {}),
  };
}

/** This add-in: every cell through the real functions, one batcher and one cache. */
async function recalculateWithAddin(
  service: LookupService,
  rows: PartQuery[],
): Promise<CellOutcome> {
  const before = service.stats().batcher.requests;
  const calls = rows.flatMap(rowCalls);
  const settled = await Promise.allSettled(calls);
  const values = settled.filter((s) => s.status === "fulfilled").length;
  return {
    clientRequests: service.stats().batcher.requests - before,
    values,
    errors: settled.length - values,
    errorReasons: reasonsOf(settled),
  };
}

/** A browser-like limit on requests in flight to one host. */
function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

/** One POST per group of cells; how many of those cells got a part. */
async function postCells(server: RunningAddinServer, cells: PartQuery[]): Promise<number> {
  const body: LookupRequest = { queries: cells };
  const response = await fetch(`${server.url}/api/parts/lookup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) return 0;
  const { results } = (await response.json()) as { results: { status: string }[] };
  return results.filter((result) => result.status === "found").length;
}

/** The cells of a recalculation in sheet order: each row's six columns. */
function cellQueries(rows: PartQuery[]): PartQuery[] {
  return rows.flatMap((row) => Array.from({ length: 6 }, () => row));
}

async function recalculatePerCell(
  server: RunningAddinServer,
  rows: PartQuery[],
): Promise<CellOutcome> {
  const cells = cellQueries(rows);
  const limit = limiter(BROWSER_CONNECTIONS_PER_HOST);
  const found = await Promise.all(cells.map((cell) => limit(() => postCells(server, [cell]))));
  const values = found.reduce((sum, n) => sum + n, 0);
  return { clientRequests: cells.length, values, errors: cells.length - values };
}

/** Batches of 10 cells, or whatever has queued after 200 ms; no dedupe, no client cache. */
async function recalculateNexarStyle(
  server: RunningAddinServer,
  rows: PartQuery[],
): Promise<CellOutcome> {
  const cells = cellQueries(rows);
  const limit = limiter(BROWSER_CONNECTIONS_PER_HOST);
  const requests: Promise<number>[] = [];
  let queue: PartQuery[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let drained!: () => void;
  const tailSent = new Promise<void>((resolve) => (drained = resolve));
  const send = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = queue;
    queue = [];
    if (batch.length > 0) requests.push(limit(() => postCells(server, batch)));
  };
  for (const cell of cells) {
    queue.push(cell);
    if (queue.length >= NEXAR_BATCH_SIZE) send();
    else if (!timer) {
      timer = setTimeout(() => {
        send();
        drained();
      }, NEXAR_BATCH_MS);
    }
  }
  if (timer) await tailSent;
  const found = await Promise.all(requests);
  const values = found.reduce((sum, n) => sum + n, 0);
  return { clientRequests: requests.length, values, errors: cells.length - values };
}

function describe(name: string, run: RunFigures): string {
  const note = run.extrapolated
    ? `  [EXTRAPOLATED from ${run.measured_cells} cells measured in ${run.measured_wall_ms} ms]`
    : "";
  return (
    `  ${name.padEnd(12)} ${String(run.wall_ms).padStart(7)} ms  ` +
    `${String(run.client_requests).padStart(5)} client requests  ` +
    `${String(run.upstream_requests).padStart(5)} upstream (${run.upstream_rejected} rejected)  ` +
    `${String(run.metered_parts).padStart(5)} metered parts  ` +
    `${run.value_cells} values / ${run.error_cells} errors${note}`
  );
}

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const rowCount = argument("--rows", 1000);
  const latencyMs = argument("--latency", 100);
  const ceiling = argument("--ceiling", 4);
  const perCellRows = Math.min(argument("--per-cell-rows", 200), rowCount);
  // One part more than the BOM, kept out of it, warms the server up (JIT, catalogue) first.
  const [warmUp, ...rows] = bomRows(rowCount + 1);
  if (!warmUp) throw new Error("no parts");

  const server = await startAddinServer({
    env: { COFACTR_MODE: "emulator", UPSTREAM_CONCURRENCY: String(ceiling) },
    emulator: { faults: { latencyMs, concurrencyLimit: ceiling } },
  });
  try {
    const runtime = createRuntimeServices({ baseUrl: server.url, storage: null });
    setRuntimeServices(runtime);
    const service = runtime.lookups;

    await postCells(server, [warmUp]);
    await clearServerCache(server);
    const ours = await measure(server, () => recalculateWithAddin(service, rows));
    const oursWarm = await measure(server, () => recalculateWithAddin(service, rows));

    await clearServerCache(server);
    const perCellMeasured = await measure(server, () =>
      recalculatePerCell(server, rows.slice(0, perCellRows)),
    );
    const perCell = extrapolate(perCellMeasured, perCellRows, rows.length);

    await clearServerCache(server);
    const nexar = await measure(server, () => recalculateNexarStyle(server, rows));

    const figures = {
      cells: rows.length * 6,
      unique_parts: new Set(rows.map((r) => `${r.mpn}\u0000${r.manufacturer ?? ""}`)).size,
      ours,
      ours_warm: oursWarm,
      per_cell: perCell,
      nexar_style: nexar,
    };
    console.log(
      [
        `COFACTR recalculation: ${figures.cells} cells (${rowCount} rows × 6 functions), ` +
          `${figures.unique_parts} distinct parts; upstream ${latencyMs} ms latency, ` +
          `at most ${ceiling} upstream requests in flight`,
        describe("ours", ours),
        describe("ours warm", oursWarm),
        describe("per cell", perCell),
        describe("nexar style", nexar),
        `  error cells of ours (right answers, not failures, when the part lacks the fact): ` +
          JSON.stringify(ours.error_reasons ?? {}),
      ].join("\n"),
    );
    if (json) console.log(JSON.stringify(figures));
  } finally {
    setRuntimeServices(null);
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
