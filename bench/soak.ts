/**
 * Soak benchmark for the add-in server (issue 11), at its default settings with the embedded
 * emulator, run in a child process (with `npm start`'s Node flags) so that its memory is
 * measured alone:
 * 1. 100,000 distinct lookups (every catalogue part under many spellings of its maker, 2,000
 *    per request), then the server's RSS;
 * 2. 50 uploads of 5 MB BOMs through PUT /api/boms, each job polled to its end as the add-in
 *    does, then the RSS;
 * 3. a client that sends a body one byte a second: how long the server kept it connected.
 * With --emulator-apart the emulator runs in a process of its own and the server in Cofactr
 * mode against it: the figures are then the server's alone, without the emulator's catalogue
 * and the work of answering its own searches.
 * Usage: npm run bench:soak [-- --lookups N] [--uploads N] [--emulator-apart]. Settings come
 * from the environment as for `npm start` (e.g. LOOKUP_CACHE_MB). Memory is measured after two
 * full garbage collections. The last line is JSON: {"emulator": "embedded"|"apart",
 * "rss_start_mb", "rss_after_100k_lookups_mb", "heap_used_after_100k_lookups_mb",
 * "heap_total_after_100k_lookups_mb", "external_after_100k_lookups_mb",
 * "rss_after_100k_lookups_idle_mb" (the same after 15 s idle), "rss_peak_during_lookups_mb",
 * "lookup_cache_mb" (what the cache holds, by its own count), "lookups", "found",
 * "rss_after_50_uploads_mb", "rss_after_50_uploads_idle_mb", "heap_used_after_50_uploads_mb",
 * "rss_peak_mb" (the whole run's),
 * "uploads", "slow_body_connected_s"}.
 */
import { fork, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { GATEWAY_TOKEN_HEADER, type LookupResponse, type PartQuery } from "../src/core/api";
import { getCatalogue } from "../src/server/emulator/catalogue";
import { serverNodeFlags } from "../src/server/heap";
import type { SoakMemory, SoakUpstream } from "./soak-server";

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isInteger(value) && value >= 0 ? value : fallback;
}

const LOOKUPS = argument("--lookups", 100_000);
const PER_REQUEST = 2_000;
const UPLOADS = argument("--uploads", 50);
const UPLOAD_BYTES = 5_000_000;
const EMULATOR_APART = process.argv.includes("--emulator-apart");
/** The soak's own gateway token (Cofactr mode needs one); it guards only this run's server. */
const GATEWAY_TOKEN = "soak-gateway-token-0123456789abcdef";
const HEADERS: Record<string, string> = EMULATOR_APART
  ? { [GATEWAY_TOKEN_HEADER]: GATEWAY_TOKEN }
  : {};
/** How long the server is left idle before the second memory reading. */
const IDLE_MS = 15_000;
/** A slow client still connected after this is reported as this (the server never cut it). */
const SLOW_CLIENT_GUARD_S = 300;
/** Ways a manufacturer is written in BOMs: each is its own query, the same part. */
const MAKER_SPELLINGS = [
  "",
  " Inc",
  " Inc.",
  " Corp",
  " Corporation",
  " Co.",
  " Ltd",
  " Limited",
  " GmbH",
  " LLC",
  " AG",
  " SA",
  " PLC",
  " Group",
  " Intl",
  " International",
  " Holdings",
  " Electronics",
];

function distinctQueries(count: number): PartQuery[] {
  const queries: PartQuery[] = [];
  for (const spelling of MAKER_SPELLINGS) {
    for (const product of getCatalogue().products) {
      if (queries.length === count) return queries;
      queries.push({ mpn: product.mpn, manufacturer: `${product.mfr}${spelling}` });
    }
  }
  if (queries.length < count) throw new Error(`only ${queries.length} distinct queries`);
  return queries;
}

function bomOfSize(name: string, bytes: number): string {
  const lines: unknown[] = [];
  const products = getCatalogue().products;
  let size = 0;
  for (let i = 0; size < bytes - 400; i += 1) {
    const product = products[i % products.length];
    const line = {
      mpn: product?.mpn ?? `PART-${i}`,
      manufacturer_name: product?.mfr ?? null,
      quantity: 1 + (i % 7),
      reference_designators_string: `R${i}`,
      description: `Soak line ${i} of ${name}`,
    };
    size += JSON.stringify(line).length + 1;
    lines.push(line);
  }
  lines.pop();
  return JSON.stringify({ name, integration_record_id: name, lines });
}

function forkTs(file: string, env: NodeJS.ProcessEnv): ChildProcess {
  return fork(path.join(__dirname, file), [], {
    execArgv: [
      "--import",
      "tsx",
      "--expose-gc",
      ...serverNodeFlags(process.execArgv, process.env.NODE_OPTIONS),
    ],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env,
  });
}

/** The first message of a child that has started, or its exit as an error. */
function firstMessage<T>(child: ChildProcess, name: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    child.once("message", (message) => resolve(message as T));
    child.once("exit", (code) => reject(new Error(`the ${name} exited (${code})`)));
  });
}

class ServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    private readonly emulator: ChildProcess | null,
    readonly url: string,
  ) {}

  static async start(): Promise<ServerProcess> {
    let emulator: ChildProcess | null = null;
    let env: NodeJS.ProcessEnv = process.env;
    if (EMULATOR_APART) {
      emulator = forkTs("soak-emulator.ts", process.env);
      const upstream = await firstMessage<Omit<SoakUpstream, "gatewayToken">>(emulator, "emulator");
      const apart: SoakUpstream = { ...upstream, gatewayToken: GATEWAY_TOKEN };
      env = { ...process.env, SOAK_UPSTREAM: JSON.stringify(apart) };
    }
    const child = forkTs("soak-server.ts", env);
    const { url } = await firstMessage<{ url: string }>(child, "server");
    return new ServerProcess(child, emulator, url);
  }

  /** The server's memory in MB, after collecting garbage. */
  async memoryMb(): Promise<SoakMemory> {
    const memory = await new Promise<SoakMemory>((resolve) => {
      this.child.once("message", (message) => resolve((message as { memory: SoakMemory }).memory));
      this.child.send("memory");
    });
    const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
    return {
      rss: mb(memory.rss),
      heapTotal: mb(memory.heapTotal),
      heapUsed: mb(memory.heapUsed),
      external: mb(memory.external),
      peakRss: mb(memory.peakRss),
    };
  }

  /** What the server's lookup cache holds (its /metrics gauge), in MB. */
  async lookupCacheMb(): Promise<number> {
    const text = await (await fetch(`${this.url}/metrics`, { headers: HEADERS })).text();
    const sample = /^cofactr_lookup_cache_bytes (\d+)$/m.exec(text);
    if (!sample?.[1]) throw new Error("/metrics has no cofactr_lookup_cache_bytes");
    return Math.round(Number(sample[1]) / (1024 * 1024));
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.send("stop");
    await exited;
    this.emulator?.disconnect();
  }
}

async function lookups(url: string): Promise<number> {
  const queries = distinctQueries(LOOKUPS);
  let found = 0;
  for (let start = 0; start < queries.length; start += PER_REQUEST) {
    const response = await fetch(`${url}/api/parts/lookup`, {
      method: "POST",
      headers: { ...HEADERS, "content-type": "application/json" },
      body: JSON.stringify({ queries: queries.slice(start, start + PER_REQUEST) }),
    });
    if (!response.ok) throw new Error(`lookup answered HTTP ${response.status}`);
    const body = (await response.json()) as LookupResponse;
    found += body.results.filter((result) => result.status === "found").length;
  }
  return found;
}

async function uploads(url: string): Promise<void> {
  for (let upload = 0; upload < UPLOADS; upload += 1) {
    const response = await fetch(`${url}/api/boms`, {
      method: "PUT",
      headers: { ...HEADERS, "content-type": "application/json" },
      body: bomOfSize(`Soak board ${upload}`, UPLOAD_BYTES),
    });
    if (response.status !== 202) throw new Error(`upload answered HTTP ${response.status}`);
    const { job_id: jobId } = (await response.json()) as { job_id: string };
    for (let poll = 0; poll < 20; poll += 1) {
      const job = (await (
        await fetch(`${url}/api/jobs/${jobId}`, { headers: HEADERS })
      ).json()) as { state: string };
      if (job.state === "success" || job.state === "failure") break;
    }
  }
}

/** Seconds a client sending its body one byte a second stayed connected. */
async function slowBodyClient(url: string): Promise<number> {
  const { hostname, port } = new URL(url);
  const socket = net.connect({ host: hostname, port: Number(port) });
  socket.on("error", () => undefined);
  // Read what the server sends (its 408): a paused socket would never see the close.
  socket.resume();
  await new Promise((resolve) => socket.once("connect", resolve));
  const started = Date.now();
  socket.write(
    "POST /api/parts/lookup HTTP/1.1\r\nHost: soak\r\ncontent-type: application/json\r\n" +
      Object.entries(HEADERS)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join("") +
      "content-length: 100000\r\n\r\n{",
  );
  const drip = setInterval(() => socket.write(" "), 1000);
  const guard = setTimeout(() => socket.destroy(), SLOW_CLIENT_GUARD_S * 1000);
  await new Promise((resolve) => socket.once("close", resolve));
  clearInterval(drip);
  clearTimeout(guard);
  return Math.round((Date.now() - started) / 100) / 10;
}

async function main(): Promise<void> {
  const server = await ServerProcess.start();
  try {
    const start = await server.memoryMb();
    const found = await lookups(server.url);
    const afterLookups = await server.memoryMb();
    const cacheMb = await server.lookupCacheMb();
    // V8 gives back the heap a burst grew only once the process has been idle a while (its
    // memory reducer): the RSS an operator sees between bursts.
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idleAfterLookups = await server.memoryMb();
    await uploads(server.url);
    const afterUploads = await server.memoryMb();
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idleAfterUploads = await server.memoryMb();
    const slowSeconds = await slowBodyClient(server.url);
    console.log(
      [
        `Soak at the default settings (emulator ${EMULATOR_APART ? "in its own process" : "embedded"}):`,
        `  RSS at start: ${start.rss} MB`,
        `  after ${LOOKUPS} distinct lookups (${found} found): ${afterLookups.rss} MB ` +
          `(V8 heap ${afterLookups.heapUsed} MB used of ${afterLookups.heapTotal} MB, ` +
          `${afterLookups.external} MB outside it)`,
        `  the same, after ${IDLE_MS / 1000} s idle: ${idleAfterLookups.rss} MB; ` +
          `peak RSS during the lookups ${afterLookups.peakRss} MB; lookup cache ${cacheMb} MB`,
        `  after ${UPLOADS} uploads of ${UPLOAD_BYTES / 1e6} MB: ${afterUploads.rss} MB, ` +
          `${idleAfterUploads.rss} MB after ${IDLE_MS / 1000} s idle; peak RSS so far ` +
          `${afterUploads.peakRss} MB`,
        `  a slow-body client stayed connected ${slowSeconds} s`,
      ].join("\n"),
    );
    console.log(
      JSON.stringify({
        emulator: EMULATOR_APART ? "apart" : "embedded",
        rss_start_mb: start.rss,
        rss_after_100k_lookups_mb: afterLookups.rss,
        heap_used_after_100k_lookups_mb: afterLookups.heapUsed,
        heap_total_after_100k_lookups_mb: afterLookups.heapTotal,
        external_after_100k_lookups_mb: afterLookups.external,
        rss_after_100k_lookups_idle_mb: idleAfterLookups.rss,
        rss_peak_during_lookups_mb: afterLookups.peakRss,
        lookup_cache_mb: cacheMb,
        lookups: LOOKUPS,
        found,
        rss_after_50_uploads_mb: afterUploads.rss,
        rss_after_50_uploads_idle_mb: idleAfterUploads.rss,
        heap_used_after_50_uploads_mb: afterUploads.heapUsed,
        rss_peak_mb: afterUploads.peakRss,
        uploads: UPLOADS,
        slow_body_connected_s: slowSeconds,
      }),
    );
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
