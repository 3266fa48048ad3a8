import {
  PlatformClient,
  emptyStringsAsNull,
  parseListPage,
} from "../../../src/server/upstream/platform-client";
import { UpstreamPolicy } from "../../../src/server/upstream/resilience";
import {
  startFakeUpstream,
  type FakeUpstream,
  type RecordedRequest,
} from "../support/fake-upstream";
import { fastTuning } from "../support/tuning";

describe("PlatformClient", () => {
  let fake: FakeUpstream;
  afterEach(() => fake.close());

  const client = (url: string, orgId?: string) =>
    new PlatformClient({
      baseUrl: `${url}/platform`,
      apiKey: "plat-key",
      policy: new UpstreamPolicy(fastTuning()),
      orgId: orgId ?? null,
    });

  it("upserts with Api-Key auth, a trailing slash and null for empty strings", async () => {
    fake = await startFakeUpstream(() => ({ body: "job-123" }));
    const jobId = await client(fake.url).upsertBomAsync({
      name: "Board",
      version: "",
      lines: [{ mpn: "X1", manufacturer_name: "", reference_designators: ["R1", ""] }],
    });
    expect(jobId).toBe("job-123");
    const request = fake.requests[0] as RecordedRequest;
    expect(request.method).toBe("PUT");
    expect(request.url).toBe("/platform/v1/integrations/async_boms/");
    expect(request.headers.authorization).toBe("Api-Key plat-key");
    expect(request.body).toEqual({
      name: "Board",
      version: null,
      lines: [{ mpn: "X1", manufacturer_name: null, reference_designators: ["R1", ""] }],
    });
  });

  it("accepts a job id wrapped in an object and refuses an answer without one", async () => {
    fake = await startFakeUpstream((_, i) => ({
      body: i === 0 ? { id: "job-9" } : { status: "ok" },
    }));
    await expect(client(fake.url).upsertBomAsync({ name: "B" })).resolves.toBe("job-9");
    await expect(client(fake.url).upsertBomAsync({ name: "B" })).rejects.toThrow(/no job id/);
  });

  it("encodes ids, keeps the trailing slash and adds org_id when set", async () => {
    fake = await startFakeUpstream(() => ({ body: { id: "j", status: "PENDING" } }));
    await client(fake.url, "org-1").getJob("a/b");
    expect(fake.requests[0]?.url).toBe("/platform/v1/async_jobs/a%2Fb/?org_id=org-1");
  });

  it.each([
    [
      "{items, count}",
      (items: object[], offset: number, total: number) => ({ items, count: total, offset }),
    ],
    ["a bare array", (items: object[]) => items],
  ])("follows a paginated line list given as %s", async (_shape, wrap) => {
    const all = Array.from({ length: 1200 }, (_, i) => ({ id: `L${i}` }));
    fake = await startFakeUpstream((request) => {
      const url = new URL(request.url, "http://x");
      const offset = Number(url.searchParams.get("offset"));
      const limit = Number(url.searchParams.get("limit"));
      const page = all.slice(offset, offset + limit);
      return { body: wrap(page, offset, all.length) };
    });
    const lines = await client(fake.url).listBomLines("bom-1");
    expect(fake.requests[0]?.url).toMatch(
      /^\/platform\/v1\/boms\/bom-1\/lines\/\?limit=\d+&offset=0$/,
    );
    expect(lines.map((l) => l.id)).toEqual(all.map((l) => l.id));
    expect(fake.requests.length).toBeGreaterThan(1);
  });

  it("stops when a server ignores the offset and repeats the first page", async () => {
    fake = await startFakeUpstream(() => ({
      body: Array.from({ length: 500 }, (_, i) => ({ id: `L${i}` })),
    }));
    const lines = await client(fake.url).listBomLines("bom-1");
    expect(lines).toHaveLength(500);
    expect(fake.requests).toHaveLength(2);
  });

  it("follows DRF `next` links on the same origin", async () => {
    fake = await startFakeUpstream((request) => {
      const page = request.url.includes("page=2") ? 2 : 1;
      return {
        body: {
          count: 3,
          results: page === 1 ? [{ id: "a" }, { id: "b" }] : [{ id: "c" }],
          next: page === 1 ? `${fake.url}/platform/v1/boms/b/lines/?page=2` : null,
          previous: null,
        },
      };
    });
    const lines = await client(fake.url).listBomLines("b");
    expect(lines.map((l) => l.id)).toEqual(["a", "b", "c"]);
  });

  it("stops at an empty page even when it carries a `next` link", async () => {
    fake = await startFakeUpstream((request) => ({
      body: {
        count: 10,
        results: request.url.includes("page=") ? [] : [{ id: "a" }],
        next: `${fake.url}/platform/v1/boms/b/lines/?page=${fake.requests.length + 1}`,
      },
    }));
    const lines = await client(fake.url).listBomLines("b");
    expect(lines.map((l) => l.id)).toEqual(["a"]);
    expect(fake.requests).toHaveLength(2);
  });

  it("pages by offset, without the key, when `next` points at another origin", async () => {
    const all = [{ id: "a" }, { id: "b" }, { id: "c" }];
    fake = await startFakeUpstream((request) => {
      const offset = Number(new URL(request.url, "http://x").searchParams.get("offset") ?? 0);
      return {
        body: {
          count: all.length,
          results: all.slice(offset, offset + 2),
          next: "http://elsewhere.invalid/v1/boms/b/lines/?page=2",
        },
      };
    });
    const lines = await client(fake.url).listBomLines("b");
    expect(lines.map((l) => l.id)).toEqual(["a", "b", "c"]);
    expect(fake.requests.map((r) => r.url)).toEqual([
      "/platform/v1/boms/b/lines/?limit=500&offset=0",
      "/platform/v1/boms/b/lines/?limit=500&offset=2",
    ]);
  });

  it("refuses dot-only and empty path segments instead of letting the URL resolve them", () => {
    const platform = client("http://127.0.0.1:9");
    for (const id of ["..", ".", ""]) {
      expect(() => platform.url(["boms", id])).toThrow(/segment/);
    }
    expect(platform.url(["boms", "a.b"])).toBe("http://127.0.0.1:9/platform/v1/boms/a.b/");
  });
});

describe("list and body helpers", () => {
  it("parseListPage reads the three shapes and rejects others", () => {
    expect(parseListPage([{ id: 1 }])).toEqual({ items: [{ id: 1 }], count: null, next: null });
    expect(parseListPage({ items: [{ id: 1 }], count: 5 })?.count).toBe(5);
    expect(parseListPage({ results: [], next: "http://n" })?.next).toBe("http://n");
    expect(parseListPage({ data: [] })).toBeNull();
    expect(parseListPage("x")).toBeNull();
  });

  it("emptyStringsAsNull replaces empty fields deep inside without touching other values", () => {
    expect(emptyStringsAsNull({ a: "", b: "x", c: [{ d: "" }], e: 0, f: false })).toEqual({
      a: null,
      b: "x",
      c: [{ d: null }],
      e: 0,
      f: false,
    });
  });

  it("emptyStringsAsNull leaves the user's metadata as it came", () => {
    const metadata = { note: "", list: [""] };
    expect(emptyStringsAsNull({ name: "", metadata, lines: [{ metadata }] })).toEqual({
      name: null,
      metadata,
      lines: [{ metadata }],
    });
  });
});
