import type { LookupResult, PartQuery } from "../../../../src/core/api";
import { DEFAULT_TTLS, LookupCache } from "../../../../src/addin/runtime/lookup/cache";
import { CATALOGUE, MURATA_CAP, resultsFor } from "../../../support/customFunctionsApi";

const MINUTE = 60_000;

/** A cache over a counting fetch, with a hand-moved clock. */
function setup(answer?: (query: PartQuery) => LookupResult | Promise<LookupResult>) {
  let now = 1_000_000;
  const fetched: PartQuery[] = [];
  const refreshFlags: boolean[] = [];
  const cache = new LookupCache({
    fetchResult: async (query, { refresh }) => {
      fetched.push(query);
      refreshFlags.push(refresh);
      return answer ? answer(query) : (resultsFor(CATALOGUE, [query])[0] as LookupResult);
    },
    now: () => now,
  });
  return {
    cache,
    fetched,
    refreshFlags,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const murata: PartQuery = { mpn: "GCM21BR72A104KA37L" };

describe("LookupCache", () => {
  it("serves a second call from memory", async () => {
    const { cache, fetched } = setup();
    const first = await cache.get(murata, "market");
    const second = await cache.get({ mpn: "gcm21br72a104ka37l" }, "market");
    expect(first).toEqual({ status: "found", part: MURATA_CAP, fetchedAt: 1_000_000 });
    expect(second).toBe(first);
    expect(fetched).toHaveLength(1);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });
  });

  it("shares one fetch between identical calls in flight", async () => {
    const { cache, fetched } = setup();
    const results = await Promise.all([
      cache.get(murata, "market"),
      cache.get(murata, "static"),
      cache.get({ mpn: " GCM21BR72A104KA37L " }, "market"),
    ]);
    expect(fetched).toHaveLength(1);
    expect(new Set(results).size).toBe(1);
    expect(cache.stats().joinedInFlight).toBe(2);
  });

  const freshness: [string, "static" | "market", number, boolean][] = [
    ["market data 9 minutes old is fresh", "market", 9 * MINUTE, false],
    ["market data 10 minutes old is refetched", "market", DEFAULT_TTLS.market, true],
    ["part facts 10 minutes old are fresh", "static", 10 * MINUTE, false],
    ["part facts 23 hours old are fresh", "static", 23 * 60 * MINUTE, false],
    ["part facts 24 hours old are refetched", "static", DEFAULT_TTLS.static, true],
  ];
  it.each(freshness)("%s", async (_name, kind, age, refetched) => {
    const { cache, fetched, advance } = setup();
    await cache.get(murata, "static");
    advance(age);
    await cache.get(murata, kind);
    expect(fetched).toHaveLength(refetched ? 2 : 1);
  });

  it("a refetch for market data refreshes the entry for part facts too", async () => {
    const { cache, fetched, advance } = setup();
    await cache.get(murata, "static");
    advance(20 * MINUTE);
    await cache.get(murata, "market");
    advance(5 * MINUTE);
    await cache.get(murata, "market");
    await cache.get(murata, "static");
    expect(fetched).toHaveLength(2);
  });

  it("remembers 'not found' for two minutes only", async () => {
    const { cache, fetched, advance } = setup();
    const missing = { mpn: "NO-SUCH-PART" };
    expect((await cache.get(missing, "static")).status).toBe("not_found");
    advance(DEFAULT_TTLS.notFound - 1);
    await cache.get(missing, "static");
    expect(fetched).toHaveLength(1);
    advance(1);
    await cache.get(missing, "static");
    expect(fetched).toHaveLength(2);
  });

  it("never caches errors", async () => {
    let fail = true;
    const { cache, fetched } = setup((query) =>
      fail
        ? { status: "error", message: "service unavailable" }
        : (resultsFor(CATALOGUE, [query])[0] as LookupResult),
    );
    expect(await cache.get(murata, "market")).toEqual({
      status: "error",
      message: "service unavailable",
    });
    fail = false;
    expect((await cache.get(murata, "market")).status).toBe("found");
    expect(fetched).toHaveLength(2);
  });

  it("turns a rejected fetch into an error result instead of rejecting", async () => {
    const { cache } = setup(() => Promise.reject(new Error("kaput")));
    await expect(cache.get(murata, "market")).resolves.toEqual({
      status: "error",
      message: "Cofactr lookup failed: kaput",
    });
  });

  it("clear() forgets parts and 'not found'", async () => {
    const { cache, fetched } = setup();
    await cache.get(murata, "static");
    await cache.get({ mpn: "NO-SUCH-PART" }, "static");
    cache.clear();
    await cache.get(murata, "static");
    await cache.get({ mpn: "NO-SUCH-PART" }, "static");
    expect(fetched).toHaveLength(4);
    expect(cache.stats().entries).toBe(2);
  });

  it("clear() detaches lookups in flight: their late result is not cached", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { cache, fetched } = setup(async (query) => {
      if (fetched.length === 1) await gate;
      return resultsFor(CATALOGUE, [query])[0] as LookupResult;
    });
    const before = cache.get(murata, "market");
    cache.clear();
    release();
    expect((await before).status).toBe("found");
    expect(cache.stats().entries).toBe(0);
    await cache.get(murata, "market");
    expect(fetched).toHaveLength(2);
  });

  it("a call after clear() does not join a lookup started before it", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { cache, fetched } = setup(async (query) => {
      if (fetched.length === 1) await gate;
      return resultsFor(CATALOGUE, [query])[0] as LookupResult;
    });
    const before = cache.get(murata, "market");
    cache.clear();
    expect((await cache.get(murata, "market")).status).toBe("found");
    expect(fetched).toHaveLength(2);
    release();
    await before;
    await cache.get(murata, "market");
    expect(fetched).toHaveLength(2);
  });

  it("clear({ refreshForMs }) makes the lookups of that window refreshes, once per part", async () => {
    const { cache, refreshFlags, advance } = setup();
    await cache.get(murata, "static");
    cache.clear({ refreshForMs: MINUTE });
    await cache.get(murata, "static");
    await cache.get(murata, "market");
    await cache.get({ mpn: "LM358" }, "static");
    advance(MINUTE);
    await cache.get({ mpn: "BARE-1" }, "static");
    cache.clear();
    await cache.get(murata, "static");
    expect(refreshFlags).toEqual([false, true, true, false, false]);
  });

  it("a fetch that throws synchronously still settles as an error", async () => {
    const cache = new LookupCache({
      fetchResult: () => {
        throw new Error("sync boom");
      },
    });
    await expect(cache.get(murata, "static")).resolves.toMatchObject({ status: "error" });
  });

  it("keeps at most maxEntries parts", async () => {
    let now = 0;
    const fetched: string[] = [];
    const cache = new LookupCache({
      fetchResult: async (query) => {
        fetched.push(query.mpn);
        return { status: "not_found", message: "x" };
      },
      maxEntries: 2,
      now: () => now,
    });
    for (const mpn of ["A", "B", "C", "A"]) await cache.get({ mpn }, "static");
    now += 1;
    expect(fetched).toEqual(["A", "B", "C", "A"]);
    expect(cache.stats().entries).toBe(2);
  });

  describe("ages parts from when the server fetched them", () => {
    const at = (ms: number) => new Date(ms).toISOString();

    it("a part the server fetched 8 minutes ago is good for 2 more minutes, not 10", async () => {
      let now = Date.UTC(2026, 11, 1, 12, 0, 0);
      const fetchedOnServer = now - 8 * MINUTE;
      let calls = 0;
      const cache = new LookupCache({
        fetchResult: async () => {
          calls += 1;
          return { status: "found", part: MURATA_CAP, fetched_at: at(fetchedOnServer) };
        },
        now: () => now,
      });
      expect(await cache.get(murata, "market")).toMatchObject({ fetchedAt: fetchedOnServer });
      now += 1 * MINUTE;
      await cache.get(murata, "market");
      expect(calls).toBe(1);
      now += 1.5 * MINUTE;
      await cache.get(murata, "market");
      expect(calls).toBe(2);
    });

    it("counts from the answer's arrival without fetched_at, or with one in the future or unreadable", async () => {
      const now = Date.UTC(2026, 11, 1, 12, 0, 0);
      for (const fetched_at of [undefined, at(now + 5 * MINUTE), "yesterday"]) {
        const cache = new LookupCache({
          fetchResult: async () => ({ status: "found", part: MURATA_CAP, fetched_at }),
          now: () => now,
        });
        expect(await cache.get(murata, "market")).toMatchObject({ fetchedAt: now });
      }
    });
  });

  it("a canceled caller gets CANCELED at once; the shared fetch is aborted only when all gave up", async () => {
    const signals: AbortSignal[] = [];
    let answer!: (result: LookupResult) => void;
    const cache = new LookupCache({
      fetchResult: (_query, { signal }) => {
        signals.push(signal);
        return new Promise<LookupResult>((resolve) => (answer = resolve));
      },
    });
    const first = new AbortController();
    const second = new AbortController();
    const a = cache.get(murata, "market", first.signal);
    const b = cache.get(murata, "market", second.signal);
    await Promise.resolve();
    first.abort();
    await expect(a).resolves.toEqual({ status: "error", message: "lookup canceled" });
    expect(signals[0]?.aborted).toBe(false);
    second.abort();
    await expect(b).resolves.toEqual({ status: "error", message: "lookup canceled" });
    expect(signals[0]?.aborted).toBe(true);
    answer({ status: "found", part: MURATA_CAP });
    // Nothing was cached from the abandoned fetch: the next call fetches again.
    void cache.get(murata, "market");
    await Promise.resolve();
    expect(signals).toHaveLength(2);
  });
});
