/**
 * Two server instances, one emulated Cofactr account (a ceiling of 4 requests in flight) and
 * one real redis-server on an ephemeral port: the instances share the lookup cache and fetch
 * each part once between them; with Redis killed every lookup still answers, and once it is
 * back they share again. Needs Debian's redis-server: skipped with one line without it, failing
 * under CI=true.
 */
import type { LookupResult } from "../../../src/core/api";
import { catalogueQueries, metricValue, startCluster, type Cluster } from "./cluster";
import { redisSuite, startRedis, type RedisProcess } from "./redis-process";

const suite = redisSuite("the shared-instance tests");

const CEILING = 4;
const WAIT_MS = 15_000;

function found(results: LookupResult[]): number {
  return results.filter((result) => result.status === "found").length;
}

/** Polls `check` until it holds; fails after `ms`. */
async function eventually(
  what: string,
  check: () => Promise<boolean>,
  ms = WAIT_MS,
): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what}: not within ${ms} ms`);
}

async function redisUp(cluster: Cluster, instance: number): Promise<boolean> {
  return metricValue(await cluster.metrics(instance), "cofactr_redis_up") === 1;
}

suite("several instances sharing one Redis", () => {
  let redis: RedisProcess;
  let cluster: Cluster;

  beforeAll(async () => {
    redis = await startRedis();
    cluster = await startCluster({
      instances: 2,
      redisUrl: redis.url,
      ceiling: CEILING,
      latencyMs: 30,
    });
    await eventually(
      "both instances reach Redis",
      async () => (await redisUp(cluster, 0)) && (await redisUp(cluster, 1)),
    );
  }, 30_000);

  afterAll(async () => {
    await cluster?.close();
    await redis?.stop();
  });

  beforeEach(() => cluster.emulator.resetStats());

  test("the same 1,000-part lookup arriving at both instances at once is fetched once: at most 5 upstream requests, no 429", async () => {
    const queries = catalogueQueries(1000, 0);
    const [first, second] = await Promise.all([
      cluster.lookup(0, queries),
      cluster.lookup(1, [...queries].reverse()),
    ]);
    const stats = cluster.emulator.stats();
    expect(found(first)).toBe(1000);
    expect(found(second)).toBe(1000);
    expect(
      second.map((result) => (result.status === "found" ? result.part.cpid : "")).reverse(),
    ).toEqual(first.map((result) => (result.status === "found" ? result.part.cpid : "")));
    expect(stats.graphRequests).toBeLessThanOrEqual(5);
    expect(stats.rejected).toBe(0);
  }, 90_000);

  test("parts one instance looked up are answered by the other from Redis: 0 upstream requests", async () => {
    const queries = catalogueQueries(1000, 1000);
    const before = await cluster.metrics(1);
    expect(found(await cluster.lookup(0, queries))).toBe(1000);
    const fetchedByFirst = cluster.emulator.stats().graphRequests;
    expect(fetchedByFirst).toBeGreaterThan(0);

    cluster.emulator.resetStats();
    const again = await cluster.lookup(1, queries);
    expect(found(again)).toBe(1000);
    expect(cluster.emulator.stats().graphRequests).toBe(0);
    const after = await cluster.metrics(1);
    const hits = (text: string) =>
      metricValue(text, 'cofactr_lookup_cache_total{level="redis",result="hit"}');
    expect(hits(after) - hits(before)).toBe(1000);
  }, 90_000);

  test("with Redis killed mid-run every lookup still answers, and once it is back the instances share again", async () => {
    const rounds = 10;
    const perRound = 40;
    const answers: Promise<LookupResult[]>[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const queries = catalogueQueries(perRound, 2000 + round * perRound);
      answers.push(cluster.lookup(round % 2, queries));
      if (round === rounds / 2) await redis.kill();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const results = (await Promise.all(answers)).flat();
    expect(results.filter((result) => result.status !== "found")).toEqual([]);
    expect(results).toHaveLength(rounds * perRound);
    await eventually(
      "both instances notice Redis is gone",
      async () => !(await redisUp(cluster, 0)) && !(await redisUp(cluster, 1)),
    );
    // Alone, each instance still answers (from Cofactr, within its local share of the ceiling).
    const alone = catalogueQueries(50, 2500);
    expect(found(await cluster.lookup(0, alone))).toBe(50);

    await redis.restart();
    await eventually(
      "both instances reach Redis again",
      async () => (await redisUp(cluster, 0)) && (await redisUp(cluster, 1)),
    );
    const shared = catalogueQueries(200, 2600);
    expect(found(await cluster.lookup(0, shared))).toBe(200);
    cluster.emulator.resetStats();
    expect(found(await cluster.lookup(1, shared))).toBe(200);
    expect(cluster.emulator.stats().graphRequests).toBe(0);
  }, 90_000);
});
