import { GraphClient } from "../../../src/server/upstream/graph-client";
import { UpstreamPolicy } from "../../../src/server/upstream/resilience";
import { fakeGraph, product, type GraphCall } from "../support/fake-graph";
import { startFakeUpstream, type FakeUpstream } from "../support/fake-upstream";
import { fastTuning } from "../support/tuning";

describe("GraphClient", () => {
  let fake: FakeUpstream;
  afterEach(() => fake.close());

  function client(url: string): GraphClient {
    return new GraphClient({
      baseUrl: `${url}/`,
      credentials: { clientId: "client-a", apiKey: "key-a" },
      policy: new UpstreamPolicy(fastTuning()),
    });
  }

  it("sends searches through /batch/products/ in chunks of at most 250, results in order", async () => {
    const catalogue = Array.from({ length: 600 }, (_, i) =>
      product(`P${i}`, `MPN${i}X`, "Acme", i),
    );
    fake = await startFakeUpstream(fakeGraph(catalogue));
    const queries = catalogue.map((p) => p.mpn ?? "");
    const outcomes = await client(fake.url).search(queries, {
      schema: "product-offers-v1",
      strategy: "mpn_sku_mfr",
      limit: 3,
    });
    expect(fake.requests.map((r) => (r.body as { batch: unknown[] }).batch.length)).toEqual(
      expect.arrayContaining([250, 250, 100]),
    );
    expect(fake.requests).toHaveLength(3);
    expect(outcomes).toHaveLength(600);
    outcomes.forEach((outcome, i) => {
      expect(outcome.ok && outcome.products[0]?.id).toBe(`P${i}`);
    });
    const first = fake.requests[0];
    expect(first?.url).toBe("/batch/products/");
    expect(first?.headers["x-client-id"]).toBe("client-a");
    expect(first?.headers["x-api-key"]).toBe("key-a");
    const member = (first?.body as { batch: { method: string; relative_url: string }[] }).batch[0];
    expect(member?.method).toBe("GET");
    const params = new URLSearchParams(member?.relative_url.slice(1));
    expect(params.get("schema")).toBe("product-offers-v1");
    expect(params.get("search_strategy")).toBe("mpn_sku_mfr");
    expect(params.get("limit")).toBe("3");
  });

  it("fetches products by id in members of ≤250 ids within one request, keyed by deprecated ids too", async () => {
    const catalogue = Array.from({ length: 400 }, (_, i) =>
      product(`ID${i}`, `M${i}`, "Acme", 1, { deprecated_ids: [`OLD${i}`] }),
    );
    const calls: GraphCall[] = [];
    fake = await startFakeUpstream(fakeGraph(catalogue, calls));
    const ids = catalogue.map((p) => p.id);
    const { products, errors } = await client(fake.url).productsById(ids, "product-v1");
    expect(errors).toEqual([]);
    expect(fake.requests).toHaveLength(1);
    expect(calls.map((c) => c.ids?.length)).toEqual([250, 150]);
    expect(calls.every((c) => c.schema === "product-v1")).toBe(true);
    expect(products.get("ID7")?.lifecycle_status).toBe("Production");
    expect(products.get("OLD7")?.id).toBe("ID7");
  });

  it("reports failed members per member and re-sends retryable ones once", async () => {
    let round = 0;
    fake = await startFakeUpstream((request) => {
      const batch = (request.body as { batch: unknown[] }).batch;
      round += 1;
      return {
        body: batch.map((_, i) =>
          round === 1 && i === 1
            ? { code: 503, body: { detail: "busy" } }
            : i === 2
              ? { code: 422, body: { detail: [{ loc: ["query", "q"], msg: "bad" }] } }
              : { code: 200, body: { data: [{ id: `R${round}-${i}` }] } },
        ),
      };
    });
    const outcomes = await client(fake.url).search(["A", "B", "C"], {
      schema: "product-offers-v1",
      strategy: "mpn_sku_mfr",
      limit: 3,
    });
    expect(fake.requests).toHaveLength(2);
    expect((fake.requests[1]?.body as { batch: unknown[] }).batch).toHaveLength(1);
    expect(outcomes[0]).toEqual({ ok: true, products: [{ id: "R1-0" }] });
    expect(outcomes[1]).toEqual({ ok: true, products: [{ id: "R2-0" }] });
    expect(outcomes[2]?.ok).toBe(false);
  });

  it("turns a failed batch request into an error for every member", async () => {
    fake = await startFakeUpstream(() => ({ status: 401, body: { detail: "Invalid key" } }));
    const outcomes = await client(fake.url).search(["A", "B"], {
      schema: "product-offers-v1",
      strategy: "mpn_sku_mfr",
      limit: 3,
    });
    expect(outcomes).toHaveLength(2);
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.error.message).toMatch(/HTTP 401: Invalid key/);
    }
  });
});
