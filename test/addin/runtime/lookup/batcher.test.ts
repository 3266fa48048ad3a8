import { LOOKUP_MAX_QUERIES, type LookupResult, type PartQuery } from "../../../../src/core/api";
import { LookupBatcher } from "../../../../src/addin/runtime/lookup/batcher";
import {
  CATALOGUE,
  fakeLookupApi,
  hangUntilAborted,
  jsonResponse,
  resultsFor,
} from "../../../support/customFunctionsApi";

function queries(count: number, prefix = "MPN"): PartQuery[] {
  return Array.from({ length: count }, (_, i) => ({ mpn: `${prefix}-${i}` }));
}

/** Settles every promise the batcher handed out, advancing fake time as needed. */
async function settleAll(promises: Promise<LookupResult>[], ms = 60_000): Promise<LookupResult[]> {
  let done = false;
  const all = Promise.all(promises).then((results) => {
    done = true;
    return results;
  });
  for (let waited = 0; !done && waited < ms; waited += 10) {
    await jest.advanceTimersByTimeAsync(10);
  }
  if (!done) throw new Error(`promises still pending after ${ms} ms of fake time`);
  return all;
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe("LookupBatcher: batching and deduplication", () => {
  it("sends 1,000 calls made in one tick as one request, after the window", async () => {
    const api = fakeLookupApi();
    const batcher = new LookupBatcher({ fetch: api.fetch, windowMs: 30 });
    const promises = queries(1000).map((q) => batcher.lookup(q));

    await jest.advanceTimersByTimeAsync(29);
    expect(api.requests).toHaveLength(0);
    const results = await settleAll(promises);

    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.queries).toHaveLength(1000);
    expect(api.requests[0]?.url).toBe("/api/parts/lookup");
    expect(results.every((r) => r.status === "not_found")).toBe(true);
    expect(batcher.stats()).toMatchObject({ requests: 1, batches: 1, queries: 1000 });
  });

  it("splits more unique queries than the server takes into capped requests", async () => {
    const api = fakeLookupApi();
    const batcher = new LookupBatcher({ fetch: api.fetch });
    const promises = queries(LOOKUP_MAX_QUERIES * 2 + 500).map((q) => batcher.lookup(q));
    const results = await settleAll(promises);

    expect(api.requests.map((r) => r.queries.length)).toEqual([
      LOOKUP_MAX_QUERIES,
      LOOKUP_MAX_QUERIES,
      500,
    ]);
    expect(results).toHaveLength(LOOKUP_MAX_QUERIES * 2 + 500);
  });

  it("sends a full batch at once, without waiting for the window", async () => {
    const api = fakeLookupApi();
    const batcher = new LookupBatcher({ fetch: api.fetch, windowMs: 30, maxBatchSize: 10 });
    const promises = queries(25).map((q) => batcher.lookup(q));
    await jest.advanceTimersByTimeAsync(0);
    expect(api.requests.map((r) => r.queries.length)).toEqual([10, 10]);
    await settleAll(promises);
    expect(api.requests.map((r) => r.queries.length)).toEqual([10, 10, 5]);
  });

  it("deduplicates identical queries (case and spacing) within a batch", async () => {
    const api = fakeLookupApi();
    const batcher = new LookupBatcher({ fetch: api.fetch });
    const calls: PartQuery[] = [
      { mpn: "GCM21BR72A104KA37L" },
      { mpn: "gcm21br72a104ka37l " },
      { mpn: " GCM21BR72A104KA37L", manufacturer: null },
      { mpn: "LM358", manufacturer: "Texas Instruments" },
      { mpn: "lm358", manufacturer: "texas  instruments" },
      { mpn: "LM358", manufacturer: "onsemi" },
    ];
    const results = await settleAll(calls.map((q) => batcher.lookup(q)));

    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.queries).toHaveLength(3);
    expect(results.map((r) => (r.status === "found" ? r.part.cpid : r.status))).toEqual([
      "CC2DKKO1LUCF",
      "CC2DKKO1LUCF",
      "CC2DKKO1LUCF",
      "CPTI000LM358",
      "CPTI000LM358",
      "CPON000LM358",
    ]);
    expect(batcher.stats().deduplicated).toBe(3);
  });

  it("sends refreshing lookups in their own request with refresh: true", async () => {
    const api = fakeLookupApi();
    const batcher = new LookupBatcher({ fetch: api.fetch });
    const results = await settleAll([
      batcher.lookup({ mpn: "LM358" }),
      batcher.lookup({ mpn: "LM358" }, { refresh: true }),
      batcher.lookup({ mpn: "BARE-1" }, { refresh: true }),
      batcher.lookup({ mpn: "bare-1" }, { refresh: true }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["found", "found", "found", "found"]);
    expect(api.requests.map((r) => [r.refresh, r.queries.length])).toEqual([
      [false, 1],
      [true, 2],
    ]);
  });

  it("waits for calls to stop, but never longer than maxWaitMs", async () => {
    const api = fakeLookupApi();
    const batcher = new LookupBatcher({ fetch: api.fetch, windowMs: 30, maxWaitMs: 100 });
    const promises: Promise<LookupResult>[] = [];
    // A call every 10 ms for 400 ms: the window never goes quiet, so maxWait decides.
    for (let i = 0; i < 40; i += 1) {
      promises.push(batcher.lookup({ mpn: `P${i}` }));
      await jest.advanceTimersByTimeAsync(10);
    }
    await settleAll(promises);
    expect(api.requests.length).toBeGreaterThanOrEqual(4);
    expect(api.requests.length).toBeLessThanOrEqual(5);
    expect(api.queriesSent()).toBe(40);
    for (const request of api.requests) expect(request.queries.length).toBeLessThanOrEqual(11);
  });

  it("sends within maxWaitMs even when the clock stands still", async () => {
    const api = fakeLookupApi();
    const batcher = new LookupBatcher({
      fetch: api.fetch,
      windowMs: 30,
      maxWaitMs: 100,
      now: () => 0,
    });
    const promise = batcher.lookup({ mpn: "LM358" });
    await jest.advanceTimersByTimeAsync(99);
    expect(api.requests).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(api.requests).toHaveLength(1);
    expect((await promise).status).toBe("found");
  });

  it("caps the requests in flight", async () => {
    const api = fakeLookupApi();
    api.always(async (qs) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return jsonResponse({ results: resultsFor(CATALOGUE, qs) });
    });
    const batcher = new LookupBatcher({ fetch: api.fetch, maxBatchSize: 10, maxInFlight: 2 });
    const results = await settleAll(queries(55).map((q) => batcher.lookup(q)));

    expect(api.requests).toHaveLength(6);
    expect(api.maxInFlight()).toBe(2);
    expect(results).toHaveLength(55);
  });

  it("sends to the configured base URL with the connection headers", async () => {
    const api = fakeLookupApi();
    const batcher = new LookupBatcher({
      fetch: api.fetch,
      baseUrl: "http://127.0.0.1:9999/",
      headers: () => ({ "x-gateway-token": "t0ken" }),
    });
    await settleAll([batcher.lookup({ mpn: "LM358" })]);
    expect(api.requests[0]?.url).toBe("http://127.0.0.1:9999/api/parts/lookup");
    expect(api.requests[0]?.headers).toMatchObject({
      "x-gateway-token": "t0ken",
      "content-type": "application/json",
    });
  });

  it("keeps results in query order", async () => {
    const api = fakeLookupApi();
    const batcher = new LookupBatcher({ fetch: api.fetch });
    const results = await settleAll([
      batcher.lookup({ mpn: "BARE-1" }),
      batcher.lookup({ mpn: "nope" }),
      batcher.lookup({ mpn: "GCM21BR72A104KA37L" }),
    ]);
    expect(results.map((r) => (r.status === "found" ? r.part.mpn : r.status))).toEqual([
      "BARE-1",
      "not_found",
      "GCM21BR72A104KA37L",
    ]);
  });
});

describe("LookupBatcher: every failure settles every caller", () => {
  const manyCalls = (batcher: LookupBatcher) => queries(300).map((q) => batcher.lookup(q));

  function expectAllErrors(results: LookupResult[], pattern: RegExp): void {
    expect(results).toHaveLength(300);
    for (const result of results) {
      expect(result.status).toBe("error");
      if (result.status === "error") expect(result.message).toMatch(pattern);
    }
  }

  it("a fetch that throws: retried, then every caller gets the reason", async () => {
    const api = fakeLookupApi();
    api.always(() => {
      throw new TypeError("fetch failed");
    });
    const batcher = new LookupBatcher({ fetch: api.fetch, retries: 2, retryDelaysMs: [100, 300] });
    const results = await settleAll(manyCalls(batcher));
    expectAllErrors(results, /could not be reached: fetch failed/);
    expect(api.requests).toHaveLength(3);
  });

  it("a network blip is retried and then succeeds", async () => {
    const api = fakeLookupApi();
    api.once(() => {
      throw new TypeError("socket hang up");
    });
    const batcher = new LookupBatcher({ fetch: api.fetch });
    const results = await settleAll([batcher.lookup({ mpn: "LM358" })]);
    expect(results[0]?.status).toBe("found");
    expect(api.requests).toHaveLength(2);
  });

  it("a 500 is not retried; every caller gets the server's message", async () => {
    const api = fakeLookupApi();
    api.always(() =>
      jsonResponse({ error: { code: "internal", message: "database on fire" } }, 500),
    );
    const batcher = new LookupBatcher({ fetch: api.fetch });
    const results = await settleAll(manyCalls(batcher));
    expectAllErrors(results, /HTTP 500.*database on fire/);
    expect(api.requests).toHaveLength(1);
  });

  it("a 401 explains that credentials are needed, without retrying", async () => {
    const api = fakeLookupApi();
    api.always(() =>
      jsonResponse({ error: { code: "unauthorized", message: "gateway token required" } }, 401),
    );
    const batcher = new LookupBatcher({ fetch: api.fetch });
    const results = await settleAll(manyCalls(batcher));
    expectAllErrors(results, /401.*gateway token required/);
    expect(api.requests).toHaveLength(1);
  });

  it("honours Retry-After on 429", async () => {
    const api = fakeLookupApi();
    api.once(() =>
      jsonResponse({ error: { code: "rate", message: "slow down" } }, 429, { "retry-after": "2" }),
    );
    const batcher = new LookupBatcher({ fetch: api.fetch, retryDelaysMs: [10] });
    const promise = batcher.lookup({ mpn: "LM358" });
    await jest.advanceTimersByTimeAsync(30 + 1990);
    expect(api.requests).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(20);
    expect(api.requests).toHaveLength(2);
    expect((await promise).status).toBe("found");
  });

  it("caps a huge Retry-After", async () => {
    const api = fakeLookupApi();
    api.once(() => jsonResponse({}, 503, { "retry-after": "3600" }));
    const batcher = new LookupBatcher({ fetch: api.fetch, maxRetryAfterMs: 1000 });
    const results = await settleAll([batcher.lookup({ mpn: "LM358" })], 2000);
    expect(results[0]?.status).toBe("found");
  });

  it.each([502, 503, 504])("gives up on repeated %i after the bounded retries", async (status) => {
    const api = fakeLookupApi();
    api.always(() => new Response("Bad gateway", { status }));
    const batcher = new LookupBatcher({ fetch: api.fetch, retries: 2, retryDelaysMs: [50] });
    const results = await settleAll(manyCalls(batcher));
    expectAllErrors(results, new RegExp(`busy \\(HTTP ${status}\\)`));
    expect(api.requests).toHaveLength(3);
  });

  it("times out a request that never answers, aborting it", async () => {
    const api = fakeLookupApi();
    api.always(hangUntilAborted);
    const batcher = new LookupBatcher({ fetch: api.fetch, timeoutMs: 5000 });
    const promises = manyCalls(batcher);
    await jest.advanceTimersByTimeAsync(4000);
    expect(api.requests[0]?.signal?.aborted).toBe(false);
    const results = await settleAll(promises);
    expectAllErrors(results, /timed out after 5 s/);
    expect(api.requests[0]?.signal?.aborted).toBe(true);
    expect(api.requests).toHaveLength(1);
  });

  const malformed: [string, (count: number) => Response][] = [
    ["too few results", (n) => jsonResponse({ results: resultsFor(CATALOGUE, queries(n - 1)) })],
    ["too many results", (n) => jsonResponse({ results: resultsFor(CATALOGUE, queries(n + 1)) })],
    ["no results array", () => jsonResponse({ parts: [] })],
    [
      "an unknown status",
      (n) => jsonResponse({ results: Array.from({ length: n }, () => ({ status: "maybe" })) }),
    ],
    [
      "a part missing its offers",
      (n) =>
        jsonResponse({
          results: Array.from({ length: n }, () => ({
            status: "found",
            part: { ...CATALOGUE[0], offers: undefined },
          })),
        }),
    ],
    ["a body that is not JSON", () => new Response("<html>proxy error</html>", { status: 200 })],
  ];

  it.each(malformed)(
    "a malformed response (%s): every caller gets #N/A reasons",
    async (_name, make) => {
      const api = fakeLookupApi();
      api.always((qs) => make(qs.length));
      const batcher = new LookupBatcher({ fetch: api.fetch });
      const results = await settleAll(manyCalls(batcher));
      expectAllErrors(results, /Unexpected response from the add-in server/);
      expect(api.requests).toHaveLength(1);
    },
  );

  it("one failed request does not affect the other requests of the same flush", async () => {
    const api = fakeLookupApi();
    api.once(() => jsonResponse({ error: { code: "x", message: "boom" } }, 500));
    const batcher = new LookupBatcher({ fetch: api.fetch, maxBatchSize: 2 });
    const results = await settleAll([
      batcher.lookup({ mpn: "LM358" }),
      batcher.lookup({ mpn: "BARE-1" }),
      batcher.lookup({ mpn: "GCM21BR72A104KA37L" }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["error", "error", "found"]);
  });

  describe("cancellation", () => {
    it("drops a query whose every caller gave up before its batch was sent", async () => {
      const api = fakeLookupApi();
      const batcher = new LookupBatcher({ fetch: api.fetch, windowMs: 5 });
      const edited = new AbortController();
      const gone = batcher.lookup({ mpn: "LM358" }, { signal: edited.signal });
      const kept = batcher.lookup({ mpn: "GCM21BR72A104KA37L" });
      edited.abort();
      await expect(gone).resolves.toEqual({ status: "error", message: "lookup canceled" });
      await jest.advanceTimersByTimeAsync(10);
      await expect(kept).resolves.toMatchObject({ status: "found" });
      expect(api.requests.map((r) => r.queries)).toEqual([[{ mpn: "GCM21BR72A104KA37L" }]]);
    });

    it("keeps a query another caller still waits for", async () => {
      const api = fakeLookupApi();
      const batcher = new LookupBatcher({ fetch: api.fetch, windowMs: 5 });
      const edited = new AbortController();
      void batcher.lookup({ mpn: "LM358" }, { signal: edited.signal });
      const other = batcher.lookup({ mpn: "LM358" });
      edited.abort();
      await jest.advanceTimersByTimeAsync(10);
      await expect(other).resolves.toMatchObject({ status: "found" });
      expect(api.requests).toHaveLength(1);
    });
  });
});
