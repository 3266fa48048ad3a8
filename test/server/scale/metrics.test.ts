/**
 * GET /metrics: Prometheus text guarded by the gateway token like /api, with counts that match
 * what the emulated Cofactr saw. And a REDIS_URL nobody answers at: the instance works alone,
 * says so once in its log, and reports Redis down. No redis-server needed.
 */
import { GATEWAY_TOKEN_HEADER } from "../../../src/core/api";
import { readConfig } from "../../../src/server/config";
import { freePort } from "./redis-process";
import {
  catalogueQueries,
  GATEWAY_TOKEN,
  metricValue,
  startCluster,
  type Cluster,
} from "./cluster";

const graph = (name: string) => `${name}{api="graph"}`;

describe("/metrics", () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await startCluster({ instances: 1, ceiling: 4, latencyMs: 0 });
  });
  afterAll(async () => cluster?.close());

  test("needs the gateway token like /api", async () => {
    const url = `${cluster.instances[0]?.url}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    const wrong = await fetch(url, { headers: { [GATEWAY_TOKEN_HEADER]: "x".repeat(30) } });
    expect(wrong.status).toBe(401);
    const right = await fetch(url, { headers: { [GATEWAY_TOKEN_HEADER]: GATEWAY_TOKEN } });
    expect(right.status).toBe(200);
    expect(right.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  test("counts upstream requests, metered parts, cache hits, misses and size, and lookup latency", async () => {
    const before = await cluster.metrics(0);
    cluster.emulator.resetStats();
    const queries = catalogueQueries(30, 4000);
    await cluster.lookup(0, queries);
    await cluster.lookup(0, queries);
    const after = await cluster.metrics(0);
    const change = (sample: string) => metricValue(after, sample) - metricValue(before, sample);
    const seen = cluster.emulator.stats();

    expect(seen.graphRequests).toBeGreaterThan(0);
    expect(change(graph("cofactr_upstream_requests_total"))).toBe(seen.graphRequests);
    expect(change(graph("cofactr_upstream_metered_parts_total"))).toBe(seen.meteredParts);
    expect(change(graph("cofactr_upstream_rate_limited_total"))).toBe(0);
    expect(change('cofactr_lookup_cache_total{level="memory",result="miss"}')).toBe(30);
    expect(change('cofactr_lookup_cache_total{level="memory",result="hit"}')).toBe(30);
    expect(change("cofactr_lookup_duration_seconds_count")).toBe(2);
    // Each new part is one query entry pointing at one copy of its facts and one of its offers.
    expect(change("cofactr_lookup_cache_entries")).toBe(3 * 30);
    expect(change("cofactr_lookup_cache_bytes")).toBeGreaterThan(30 * 500);
    expect(metricValue(after, "process_resident_memory_bytes")).toBeGreaterThan(1e7);
    expect(metricValue(after, graph("cofactr_upstream_requests_in_flight"))).toBe(0);
    // The scrape itself is the one request in flight.
    expect(metricValue(after, "cofactr_http_requests_in_flight")).toBe(1);
  });

  test("counts the 429s Cofactr answers", async () => {
    const before = await cluster.metrics(0);
    cluster.emulator.setFaults({ concurrencyLimit: 1, latencyMs: 50 });
    try {
      await Promise.all([0, 1, 2].map((i) => cluster.lookup(0, catalogueQueries(5, 4100 + 5 * i))));
    } finally {
      cluster.emulator.resetFaults();
    }
    const after = await cluster.metrics(0);
    const limited =
      metricValue(after, graph("cofactr_upstream_rate_limited_total")) -
      metricValue(before, graph("cofactr_upstream_rate_limited_total"));
    expect(limited).toBeGreaterThan(0);
    expect(limited).toBe(cluster.emulator.stats().rejected);
  });
});

describe("REDIS_URL where no Redis answers", () => {
  test("the instance answers lookups alone, logs it once and reports Redis down", async () => {
    const port = await freePort();
    const cluster = await startCluster({
      instances: 1,
      ceiling: 4,
      latencyMs: 0,
      redisUrl: `redis://:hunter2-secret@127.0.0.1:${port}`,
      captureLogs: true,
    });
    try {
      const results = await cluster.lookup(0, catalogueQueries(20, 4200));
      expect(results.every((result) => result.status === "found")).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const metrics = await cluster.metrics(0);
      expect(metricValue(metrics, "cofactr_redis_up")).toBe(0);
      const logs = cluster.logs.join("");
      expect(logs.match(/Redis unreachable/g)).toHaveLength(1);
      expect(logs).not.toContain("hunter2");
    } finally {
      await cluster.close();
    }
  });

  test("a REDIS_URL that is not redis:// is refused at start without echoing it", () => {
    expect(() => readConfig({ REDIS_URL: "http://user:hunter2@example.com" })).toThrow(
      /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/,
    );
    expect(() => readConfig({ REDIS_URL: "http://user:hunter2@example.com" })).not.toThrow(
      /hunter2/,
    );
    expect(readConfig({}).redis).toBeNull();
  });
});
