import { PartLookupService } from "../../../src/server/lookup/lookup-service";
import { GraphClient } from "../../../src/server/upstream/graph-client";
import { UpstreamPolicy } from "../../../src/server/upstream/resilience";
import { fakeGraph, product, type GraphCall } from "../support/fake-graph";
import { startFakeUpstream, type FakeUpstream } from "../support/fake-upstream";
import { cacheTuning, fastTuning } from "../support/tuning";

const catalogue = [
  product("TI1", "LM358N", "Texas Instruments", 500),
  product("ST1", "LM358N", "STMicroelectronics", 9000),
  product("MU1", "GRM188R71H104KA93D", "Murata", 20_000),
  ...Array.from({ length: 1000 }, (_, i) => product(`B${i}`, `BULK${i}Z`, "Acme", i)),
];

/** A Knowledge Graph client for the fake Cofactr at `url`, with millisecond retries. */
function graphClient(url: string): GraphClient {
  return new GraphClient({
    baseUrl: url,
    credentials: { clientId: "c", apiKey: "k" },
    policy: new UpstreamPolicy(fastTuning()),
  });
}

describe("PartLookupService", () => {
  let fake: FakeUpstream;
  let calls: GraphCall[];
  let graph: GraphClient;

  beforeEach(async () => {
    calls = [];
    fake = await startFakeUpstream(fakeGraph(catalogue, calls));
    graph = graphClient(fake.url);
  });
  afterEach(() => fake.close());

  it("answers in order, one result per query, deduplicating repeated queries", async () => {
    const service = new PartLookupService(cacheTuning());
    const results = await service.lookup(
      [
        { mpn: "LM358N", manufacturer: "TI" },
        { mpn: "nope-123" },
        { mpn: " lm358n ", manufacturer: "ti" },
        { mpn: "LM358N" },
        { mpn: "" },
      ],
      { graph, scope: "" },
    );
    expect(results.map((r) => (r.status === "found" ? r.part.cpid : r.status))).toEqual([
      "TI1",
      "not_found",
      "TI1",
      "ST1",
      "error",
    ]);
    expect(results[4]).toEqual({ status: "error", message: "The MPN is empty." });
    // Three distinct searchable queries; "TI" is not in "texas instruments", so that query is
    // searched again by MPN alone (one more search member).
    const searches = calls.filter((c) => c.q !== null).map((c) => c.q);
    expect(searches.sort()).toEqual(["LM358N", "LM358N", "LM358N TI", "nope-123"]);
    const found = results[0];
    expect(found?.status === "found" && found.part.lifecycle).toBe("Production");
  });

  it("makes zero upstream requests for a repeated lookup, and refresh asks again", async () => {
    const service = new PartLookupService(cacheTuning());
    const queries = [{ mpn: "GRM188R71H104KA93D" }, { mpn: "missing-1" }];
    const first = await service.lookup(queries, { graph, scope: "" });
    const requestsAfterFirst = fake.requests.length;
    expect(requestsAfterFirst).toBe(2); // one search batch, one product-v1 batch
    const second = await service.lookup(queries, { graph, scope: "" });
    expect(second).toEqual(first);
    expect(fake.requests.length).toBe(requestsAfterFirst);
    expect(calls.some((c) => c.external)).toBe(false);
    const callsBefore = calls.length;
    await service.lookup(queries, { graph, scope: "", refresh: true });
    // The known part's offers are read again by id, the not-found query is searched again,
    // both asking for current distributor data (external=true), in one request each.
    expect(fake.requests.length).toBe(requestsAfterFirst + 2);
    const refreshed = calls.slice(callsBefore);
    expect(refreshed).toEqual([
      { schema: "product-offers-v1", external: true, q: null, ids: ["MU1"] },
      { schema: "product-offers-v1", external: true, q: "missing-1", ids: null },
    ]);
  });

  it("reads only the offers again once they are older than the price lifetime", async () => {
    let now = Date.parse("2026-12-01T10:00:00Z");
    const clock = { now: () => now };
    const service = new PartLookupService(
      cacheTuning({ ttlMs: 600_000, staticTtlMs: 86_400_000 }),
      clock,
    );
    const queries = [
      { mpn: "LM358N", manufacturer: "Texas Instruments" },
      { mpn: "GRM188R71H104KA93D", manufacturer: "Murata" },
    ];
    const first = await service.lookup(queries, { graph, scope: "" });
    expect(first.map((r) => r.status === "found" && r.fetched_at)).toEqual([
      "2026-12-01T10:00:00.000Z",
      "2026-12-01T10:00:00.000Z",
    ]);
    now += 5 * 60_000;
    const cached = await service.lookup(queries, { graph, scope: "" });
    expect(cached).toEqual(first);
    const callsBefore = calls.length;
    now += 6 * 60_000;
    const later = await service.lookup(queries, { graph, scope: "" });
    // One product-offers-v1 read of the two known parts: no search, no product-v1.
    expect(calls.slice(callsBefore)).toEqual([
      { schema: "product-offers-v1", external: false, q: null, ids: ["TI1", "MU1"] },
    ]);
    expect(later.map((r) => r.status === "found" && r.fetched_at)).toEqual([
      "2026-12-01T10:11:00.000Z",
      "2026-12-01T10:11:00.000Z",
    ]);
    // The static facts are still the first answer's (lifecycle comes from product-v1 only).
    expect(later[0]?.status === "found" && later[0].part.lifecycle).toBe("Production");
  });

  it("stores a part once whatever spelling of its maker found it", async () => {
    const service = new PartLookupService(cacheTuning());
    await service.lookup([{ mpn: "LM358N", manufacturer: "Texas Instruments" }], {
      graph,
      scope: "",
    });
    const oneSpelling = service.bytes;
    await service.lookup(
      [
        { mpn: "LM358N", manufacturer: "Texas Instruments Inc" },
        { mpn: "LM358N", manufacturer: "TEXAS INSTRUMENTS INC." },
      ],
      { graph, scope: "" },
    );
    // Two more query entries (a few hundred bytes each), not two more copies of the part.
    expect(service.size).toBe(5);
    expect(service.bytes - oneSpelling).toBeLessThan(oneSpelling / 2);
  });

  it("stays within its byte budget, forgetting the least recently used", async () => {
    const service = new PartLookupService(cacheTuning({ maxBytes: 40_000 }));
    const queries = Array.from({ length: 200 }, (_, i) => ({ mpn: `BULK${i}Z` }));
    const results = await service.lookup(queries, { graph, scope: "" });
    expect(results.every((r) => r.status === "found")).toBe(true);
    expect(service.bytes).toBeLessThanOrEqual(40_000);
    expect(service.size).toBeGreaterThan(0);
  });

  it("keeps scopes apart and clears one scope only", async () => {
    const service = new PartLookupService(cacheTuning());
    await service.lookup([{ mpn: "LM358N" }], { graph, scope: "user-a" });
    await service.lookup([{ mpn: "LM358N" }], { graph, scope: "user-b" });
    expect(fake.requests).toHaveLength(4);
    expect(service.clear("user-a")).toBe(1);
    await service.lookup([{ mpn: "LM358N" }], { graph, scope: "user-b" });
    expect(fake.requests).toHaveLength(4);
    await service.lookup([{ mpn: "LM358N" }], { graph, scope: "user-a" });
    expect(fake.requests).toHaveLength(6);
  });

  it("shares identical lookups that are in flight", async () => {
    const service = new PartLookupService(cacheTuning());
    const [a, b] = await Promise.all([
      service.lookup([{ mpn: "LM358N" }], { graph, scope: "" }),
      service.lookup([{ mpn: "lm358n" }, { mpn: "GRM188R71H104KA93D" }], { graph, scope: "" }),
    ]);
    expect(a[0]).toEqual(b[0]);
    expect(calls.filter((c) => c.q?.toUpperCase() === "LM358N")).toHaveLength(1);
  });

  it("forgets not-found answers after their shorter time to live", async () => {
    const service = new PartLookupService(cacheTuning({ notFoundTtlMs: 50 }));
    await service.lookup([{ mpn: "missing-2" }], { graph, scope: "" });
    await service.lookup([{ mpn: "missing-2" }], { graph, scope: "" });
    expect(fake.requests).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 80));
    await service.lookup([{ mpn: "missing-2" }], { graph, scope: "" });
    expect(fake.requests).toHaveLength(2);
  });

  it("needs 4 search requests and 1 product-v1 request for 1,000 distinct parts", async () => {
    const service = new PartLookupService(cacheTuning());
    const queries = Array.from({ length: 1000 }, (_, i) => ({
      mpn: `BULK${i}Z`,
      manufacturer: "Acme",
    }));
    const results = await service.lookup(queries, { graph, scope: "" });
    expect(results.every((r, i) => r.status === "found" && r.part.cpid === `B${i}`)).toBe(true);
    expect(fake.requests).toHaveLength(5);
    const lifecycle = calls.filter((c) => c.ids !== null);
    expect(lifecycle.map((c) => c.ids?.length)).toEqual([250, 250, 250, 250]);
  });
});

describe("PartLookupService when Cofactr fails", () => {
  it("returns error results, remembers nothing, and succeeds once Cofactr is back", async () => {
    let broken = true;
    const healthy = fakeGraph(catalogue);
    const fake = await startFakeUpstream((request) =>
      broken ? { status: 500, body: { detail: "boom" } } : healthy(request),
    );
    try {
      const graph = graphClient(fake.url);
      const service = new PartLookupService(cacheTuning());
      const failed = await service.lookup([{ mpn: "LM358N" }], { graph, scope: "" });
      expect(failed[0]).toEqual({
        status: "error",
        message: "Knowledge Graph batch: Cofactr answered HTTP 500: boom",
      });
      expect(service.size).toBe(0);
      broken = false;
      const again = await service.lookup([{ mpn: "LM358N" }], { graph, scope: "" });
      expect(again[0]?.status).toBe("found");
    } finally {
      await fake.close();
    }
  });

  it("shows parts found when only the lifecycle request fails, and asks for it next time", async () => {
    const healthy = fakeGraph(catalogue);
    const fake = await startFakeUpstream((request) => {
      const batch = (request.body as { batch: { relative_url: string }[] }).batch;
      return batch[0]?.relative_url.includes("filtering")
        ? { status: 400, body: { detail: "no" } }
        : healthy(request);
    });
    try {
      const graph = graphClient(fake.url);
      const service = new PartLookupService(cacheTuning());
      const [result] = await service.lookup([{ mpn: "LM358N" }], { graph, scope: "" });
      expect(result?.status === "found" && result.part.lifecycle).toBeNull();
      // The offers are remembered, the facts without a lifecycle are not: asked again, the part
      // is read by id (no search), lifecycle included.
      const before = fake.requests.length;
      await service.lookup([{ mpn: "LM358N" }], { graph, scope: "" });
      const urls = fake.requests
        .slice(before)
        .flatMap((r) => (r.body as { batch: { relative_url: string }[] }).batch)
        .map((m) => new URLSearchParams(m.relative_url.slice(1)));
      expect(urls.map((u) => [u.get("schema"), u.has("filtering")])).toEqual([
        ["product-offers-v1", true],
        ["product-v1", true],
      ]);
    } finally {
      await fake.close();
    }
  });
});

describe("PartLookupService refreshes", () => {
  const ask = [{ mpn: "LM358N", manufacturer: "Texas Instruments" }];
  const stockOf = (result: unknown) =>
    (result as { status: string; part?: { total_stock: number } }).part?.total_stock;

  it("keeps the last good answer when a refresh fails", async () => {
    let broken = false;
    const healthy = fakeGraph([product("TI1", "LM358N", "Texas Instruments", 100)]);
    const fake = await startFakeUpstream((request) =>
      broken ? { status: 400, body: { detail: "refused" } } : healthy(request),
    );
    try {
      const graph = graphClient(fake.url);
      const service = new PartLookupService(cacheTuning());
      expect((await service.lookup(ask, { graph, scope: "" }))[0]?.status).toBe("found");
      broken = true;
      const refreshed = await service.lookup(ask, { graph, scope: "", refresh: true });
      expect(refreshed[0]?.status).toBe("error");
      const requestsBefore = fake.requests.length;
      expect((await service.lookup(ask, { graph, scope: "" }))[0]?.status).toBe("found");
      expect(fake.requests.length).toBe(requestsBefore);
    } finally {
      await fake.close();
    }
  });

  it("does not let an older lookup that ends late overwrite a refresh's newer answer", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const older = fakeGraph([product("TI1", "LM358N", "Texas Instruments", 100)]);
    const newer = fakeGraph([product("TI1", "LM358N", "Texas Instruments", 700)]);
    // Request 0 (the first lookup's search) waits until the refresh is done; the first
    // lookup's later request (index 3) also answers with the older data.
    const fake = await startFakeUpstream(async (request, index) => {
      if (index === 0) await gate;
      return index === 0 || index === 3 ? older(request) : newer(request);
    });
    try {
      const graph = graphClient(fake.url);
      const service = new PartLookupService(cacheTuning());
      const first = service.lookup(ask, { graph, scope: "" });
      while (fake.requests.length < 1) await new Promise((resolve) => setImmediate(resolve));
      const refreshed = await service.lookup(ask, { graph, scope: "", refresh: true });
      release();
      const late = await first;
      expect(stockOf(refreshed[0])).not.toBe(stockOf(late[0]));
      const requestsBefore = fake.requests.length;
      const cached = await service.lookup(ask, { graph, scope: "" });
      expect(fake.requests.length).toBe(requestsBefore);
      expect(stockOf(cached[0])).toBe(stockOf(refreshed[0]));
    } finally {
      await fake.close();
    }
  });
});
