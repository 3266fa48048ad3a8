/**
 * Several add-in server instances against one Cofactr emulator, as a deployment behind a load
 * balancer runs them: server-held keys (the emulator's), a gateway token, and, when given,
 * one REDIS_URL. Used by the scale tests and `npm run bench:scale`.
 */
import type { LookupResponse, LookupResult, PartQuery } from "../../../src/core/api";
import { GATEWAY_TOKEN_HEADER } from "../../../src/core/api";
import { getCatalogue } from "../../../src/server/emulator/catalogue";
import { startEmulator } from "../../../src/server/emulator";
import type { RunningEmulator } from "../../../src/server/emulator/contract";
import { startAddinServer, type RunningAddinServer } from "../../../src/server/start";

export const GATEWAY_TOKEN = "scale-test-gateway-token-0123456789";

export interface ClusterOptions {
  instances: number;
  /** Shared state; without it every instance works alone. */
  redisUrl?: string;
  /** Cofactr's concurrency ceiling (the emulator answers 429 above it) and each instance's. */
  ceiling: number;
  latencyMs: number;
  /** Retry-After the emulator sends with its 429s (default 0.2 s). */
  retryAfterSeconds?: number;
  env?: Record<string, string>;
  /** Collect the instances' log lines (info and above) in `logs`. */
  captureLogs?: boolean;
}

export interface Cluster {
  emulator: RunningEmulator;
  instances: RunningAddinServer[];
  logs: string[];
  /** POST /api/parts/lookup on one instance; throws unless it answers 200. */
  lookup(instance: number, queries: readonly PartQuery[]): Promise<LookupResult[]>;
  /** Waits (at most 10 s) until every instance reports Redis reachable. */
  redisReady(): Promise<void>;
  /** GET /metrics of one instance (Prometheus text). */
  metrics(instance: number): Promise<string>;
  close(): Promise<void>;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const emulator = await startEmulator({
    faults: {
      latencyMs: options.latencyMs,
      concurrencyLimit: options.ceiling,
      retryAfterSeconds: options.retryAfterSeconds ?? 0.2,
    },
  });
  const instances: RunningAddinServer[] = [];
  const logs: string[] = [];
  const logger = options.captureLogs
    ? { level: "info", stream: { write: (line: string) => void logs.push(line) } }
    : false;
  try {
    for (let index = 0; index < options.instances; index += 1) {
      instances.push(
        await startAddinServer({
          env: {
            COFACTR_MODE: "cofactr",
            COFACTR_GRAPH_URL: emulator.graphUrl,
            COFACTR_PLATFORM_URL: emulator.platformUrl,
            COFACTR_CLIENT_ID: emulator.credentials.graphClientId,
            COFACTR_GRAPH_API_KEY: emulator.credentials.graphApiKey,
            COFACTR_PLATFORM_API_KEY: emulator.credentials.platformApiKey,
            GATEWAY_TOKENS: GATEWAY_TOKEN,
            ADDIN_DIST: "/nonexistent-dist",
            UPSTREAM_CONCURRENCY: String(options.ceiling),
            // The longest deadlines allowed: on a loaded machine slowness must not become errors.
            API_DEADLINE_MS: "23000",
            UPSTREAM_DEADLINE_MS: "23000",
            UPSTREAM_ATTEMPT_TIMEOUT_MS: "20000",
            ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
            ...options.env,
          },
          logger,
        }),
      );
    }
  } catch (error) {
    await Promise.all(instances.map((instance) => instance.close()));
    await emulator.close();
    throw error;
  }
  const instance = (index: number): RunningAddinServer => {
    const found = instances[index];
    if (!found) throw new Error(`no instance ${index}`);
    return found;
  };
  const metrics = async (index: number): Promise<string> => {
    const response = await fetch(`${instance(index).url}/metrics`, {
      headers: { [GATEWAY_TOKEN_HEADER]: GATEWAY_TOKEN },
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status !== 200) throw new Error(`/metrics answered HTTP ${response.status}`);
    return response.text();
  };
  return {
    emulator,
    instances,
    logs,
    lookup: async (index, queries) => {
      const response = await fetch(`${instance(index).url}/api/parts/lookup`, {
        method: "POST",
        headers: { "content-type": "application/json", [GATEWAY_TOKEN_HEADER]: GATEWAY_TOKEN },
        body: JSON.stringify({ queries }),
        signal: AbortSignal.timeout(30_000),
      });
      if (response.status !== 200) {
        throw new Error(`lookup on instance ${index} answered HTTP ${response.status}`);
      }
      return ((await response.json()) as LookupResponse).results;
    },
    metrics,
    redisReady: async () => {
      const until = Date.now() + 10_000;
      for (let index = 0; index < instances.length; index += 1) {
        while (metricValue(await metrics(index), "cofactr_redis_up") !== 1) {
          if (Date.now() > until) throw new Error("Redis not reachable within 10 s");
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    },
    close: async () => {
      await Promise.all(instances.map((running) => running.close()));
      await emulator.close();
    },
  };
}

/** `count` distinct catalogue parts (MPN and maker), starting at catalogue index `offset`. */
export function catalogueQueries(count: number, offset = 0): PartQuery[] {
  const products = getCatalogue().products;
  if (offset + count > products.length) {
    throw new Error(
      `The emulator catalogue has ${products.length} parts, fewer than ${offset + count}.`,
    );
  }
  return Array.from({ length: count }, (_, i) => {
    const product = products[offset + i];
    if (!product) throw new Error("catalogue index out of range");
    return { mpn: product.mpn, manufacturer: product.mfr };
  });
}

/** One sample's value from Prometheus text, e.g. `cofactr_upstream_requests_total{api="graph"}`. */
export function metricValue(text: string, sample: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${sample} `));
  if (!line) throw new Error(`no sample ${sample} in /metrics`);
  return Number(line.slice(sample.length + 1));
}
