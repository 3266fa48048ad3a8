/** The Knowledge Graph mount over HTTP: auth, each endpoint and strategy, limits, batches. */
import { startEmulator, type RunningEmulator } from "../../../src/server/emulator";
import { graphBatch, graphGet, graphHeaders, type Body } from "./support";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

const ids = (body: { data: { id: string }[] }) => body.data.map((p) => p.id);

describe("authentication", () => {
  it("rejects a missing header with 401 and a detail string", async () => {
    const response = await graphGet(emulator, "/products/?schema=product-v1&q=LM358DR", {
      "X-CLIENT-ID": "demo-client",
    });
    expect(response.status).toBe(401);
    expect(typeof response.body.detail).toBe("string");
  });

  it("rejects a wrong key, and a right key under the wrong client id", async () => {
    const wrongKey = await graphGet(emulator, "/products/?schema=product-v1", {
      "X-CLIENT-ID": "demo-client",
      "X-API-KEY": "nope",
    });
    const wrongClient = await graphGet(emulator, "/products/?schema=product-v1", {
      "X-CLIENT-ID": "someone-else",
      "X-API-KEY": "demo-graph-key",
    });
    expect([wrongKey.status, wrongClient.status]).toEqual([401, 401]);
  });

  it("takes custom credentials from the options", async () => {
    const custom = await startEmulator({ credentials: { graphClientId: "c1", graphApiKey: "k1" } });
    try {
      const ok = await graphGet(custom, "/products/CC2DKKO1LUCF?schema=product-v0", {
        "X-CLIENT-ID": "c1",
        "X-API-KEY": "k1",
      });
      const old = await graphGet(custom, "/products/CC2DKKO1LUCF?schema=product-v0", {
        "X-CLIENT-ID": "demo-client",
        "X-API-KEY": "demo-graph-key",
      });
      expect([ok.status, old.status]).toEqual([200, 401]);
    } finally {
      await custom.close();
    }
  });
});

describe("GET /products/ validation", () => {
  it("requires schema (FastAPI 422 list shape)", async () => {
    const response = await graphGet(emulator, "/products/?q=LM358DR");
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      detail: [{ loc: ["query", "schema"], msg: "Field required", type: "missing" }],
    });
  });

  it("rejects a schema outside the four public ones", async () => {
    const response = await graphGet(emulator, "/products/?schema=flagship&q=LM358DR");
    expect(response.status).toBe(422);
    expect(response.body.detail[0].loc).toEqual(["query", "schema"]);
  });

  it.each([
    ["501", "less_than_equal"],
    ["-1", "greater_than_equal"],
    ["ten", "int_parsing"],
  ])("rejects limit=%s (%s)", async (limit, type) => {
    const response = await graphGet(emulator, `/products/?schema=product-v0&limit=${limit}`);
    expect(response.status).toBe(422);
    expect(response.body.detail).toEqual([
      expect.objectContaining({ loc: ["query", "limit"], type }),
    ]);
  });

  it("accepts limit 0 and 500 and defaults to 10", async () => {
    const zero = await graphGet(emulator, "/products/?schema=product-v0&q=resistor&limit=0");
    const max = await graphGet(emulator, "/products/?schema=product-v0&q=resistor&limit=500");
    const fallback = await graphGet(emulator, "/products/?schema=product-v0&q=resistor");
    expect(zero.body.data).toHaveLength(0);
    expect(max.body.data).toHaveLength(500);
    expect(fallback.body.data).toHaveLength(10);
  });

  it("rejects an unknown search strategy and a bad boolean", async () => {
    const strategy = await graphGet(
      emulator,
      "/products/?schema=product-v1&q=x&search_strategy=fuzzy",
    );
    const external = await graphGet(emulator, "/products/?schema=product-v1&q=x&external=maybe");
    expect(strategy.status).toBe(422);
    expect(strategy.body.detail[0]).toMatchObject({
      loc: ["query", "search_strategy"],
      type: "enum",
    });
    expect(external.body.detail[0]).toMatchObject({
      loc: ["query", "external"],
      type: "bool_parsing",
    });
  });

  it("redirects /products without the trailing slash, keeping the query (as FastAPI does)", async () => {
    const response = await graphGet(emulator, "/products?schema=product-v1&q=LM358DR");
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("/graph/products/?schema=product-v1&q=LM358DR");
  });
});

describe("search strategies", () => {
  it("default: words anywhere in MPN, maker, class or description, most stock first", async () => {
    const response = await graphGet(
      emulator,
      "/products/?schema=product-v1&q=murata%200603%20X7R&limit=50",
    );
    expect(response.status).toBe(200);
    const data = response.body.data;
    expect(data.length).toBeGreaterThan(5);
    for (const product of data) {
      expect(product.mfr).toBe("Murata");
      expect(product.description).toMatch(/0603.*X7R/);
    }
    const stock = data.map((p: { inventory_level: number }) => p.inventory_level);
    expect(stock).toEqual([...stock].sort((a, b) => b - a));
  });

  it("mpn_exact: exact MPN or alternate MPN, any case, nothing on a partial MPN", async () => {
    const exact = await graphGet(
      emulator,
      "/products/?schema=product-v1&search_strategy=mpn_exact&q=grm188r71c104ka01d",
    );
    const alt = await graphGet(
      emulator,
      "/products/?schema=product-v1&search_strategy=mpn_exact&q=GCM21BR72A104KA37L.",
    );
    const partial = await graphGet(
      emulator,
      "/products/?schema=product-v1&search_strategy=mpn_exact&q=GRM188R71C104",
    );
    expect(exact.body.data.map((p: { mpn: string }) => p.mpn)).toEqual(["GRM188R71C104KA01D"]);
    expect(ids(alt.body)).toEqual(["CC2DKKO1LUCF"]);
    expect(partial.body.data).toEqual([]);
  });

  it("mpn_exact_multi: q is itself a query string of mpn= values", async () => {
    const q = encodeURIComponent("mpn=GRM188R71C104KA01D&mpn=CL10B104KB8NNNC&mpn=NOPE");
    const response = await graphGet(
      emulator,
      `/products/?schema=product-v0&search_strategy=mpn_exact_multi&q=${q}`,
    );
    const mpns = response.body.data.map((p: { mpn: string }) => p.mpn).sort();
    expect(mpns).toEqual(["CL10B104KB8NNNC", "GRM188R71C104KA01D"]);
  });

  it("mpn_exact_mfr: the manufacturer narrows an MPN two makers share", async () => {
    const both = await graphGet(
      emulator,
      `/products/?schema=product-v0&search_strategy=mpn_exact_mfr&q=${encodeURIComponent("mpn=LM317T")}`,
    );
    const ti = await graphGet(
      emulator,
      `/products/?schema=product-v0&search_strategy=mpn_exact_mfr&q=${encodeURIComponent("mpn=LM317T&mfr=TI")}`,
    );
    const st = await graphGet(
      emulator,
      `/products/?schema=product-v0&search_strategy=mpn_exact_mfr&q=${encodeURIComponent("mpn=LM317T&mfr=STMicroelectronics")}`,
    );
    expect(both.body.data.map((p: { mfr: string }) => p.mfr).sort()).toEqual([
      "STMicroelectronics",
      "Texas Instruments",
    ]);
    expect(ti.body.data.map((p: { mfr: string }) => p.mfr)).toEqual(["Texas Instruments"]);
    expect(st.body.data.map((p: { mfr: string }) => p.mfr)).toEqual(["STMicroelectronics"]);
  });

  it("mpn_sku_mfr: 'MPN manufacturer' ranks the named maker first", async () => {
    for (const [maker, expected] of [
      ["onsemi", "onsemi"],
      ["Diotec", "Diotec Semiconductor"],
    ]) {
      const response = await graphGet(
        emulator,
        `/products/?schema=product-v1&search_strategy=mpn_sku_mfr&q=${encodeURIComponent(`1N4148 ${maker}`)}`,
      );
      expect(response.body.data).toHaveLength(2);
      expect(response.body.data[0].mfr).toBe(expected);
    }
  });

  it("mpn_sku_mfr: finds a part by a distributor SKU and by an MPN written with odd punctuation", async () => {
    const product = await graphGet(emulator, "/products/CC2DKKO1LUCF?schema=product-offers-v1");
    const sku = product.body.data.offers[0].sku;
    const bySku = await graphGet(
      emulator,
      `/products/?schema=product-v1&search_strategy=mpn_sku_mfr&q=${encodeURIComponent(sku)}`,
    );
    const unicodeDash = await graphGet(
      emulator,
      `/products/?schema=product-v1&search_strategy=mpn_sku_mfr&q=${encodeURIComponent("CAT24M01YI−GT3 ON Semiconductor")}`,
    );
    expect(ids(bySku.body)).toContain("CC2DKKO1LUCF");
    expect(unicodeDash.body.data[0].mpn).toBe("CAT24M01YI-GT3");
  });

  it("filtering by id IN keeps the given order and resolves deprecated ids", async () => {
    const filter = JSON.stringify([
      { field: "id", operator: "IN", value: ["TRRQ3ESYFO28", "CC96NA4H7MOT", "NOTAREALCPID"] },
    ]);
    const response = await graphGet(
      emulator,
      `/products/?schema=product-v1&limit=250&filtering=${encodeURIComponent(filter)}`,
    );
    expect(response.status).toBe(200);
    expect(ids(response.body)).toEqual(["TRRQ3ESYFO28", "CC2DKKO1LUCF"]);
  });

  it("rejects filtering that is not a JSON list of filters", async () => {
    const response = await graphGet(
      emulator,
      `/products/?schema=product-v1&filtering=${encodeURIComponent("{id:1}")}`,
    );
    expect(response.status).toBe(422);
    expect(response.body.detail[0].loc).toEqual(["query", "filtering"]);
  });
});

describe("GET /products/{id}", () => {
  it("resolves canonical and deprecated ids to the same product", async () => {
    const canonical = await graphGet(emulator, "/products/CC2DKKO1LUCF?schema=product-v1");
    const deprecated = await graphGet(emulator, "/products/XXLL0JPD4W2X?schema=product-v1");
    expect(deprecated.status).toBe(200);
    expect(deprecated.body).toEqual(canonical.body);
    expect(deprecated.body.data.id).toBe("CC2DKKO1LUCF");
  });

  it("answers 404 with a detail for an unknown id and 422 without a schema", async () => {
    const missing = await graphGet(emulator, "/products/ZZZZZZZZZZZZ?schema=product-v1");
    const noSchema = await graphGet(emulator, "/products/CC2DKKO1LUCF");
    expect(missing.status).toBe(404);
    expect(typeof missing.body.detail).toBe("string");
    expect(noSchema.status).toBe(422);
  });

  it("shapes the product per schema: offers only in the offers schemas, lifecycle only in v0/v1", async () => {
    const shapes: Record<string, Body> = {};
    for (const schema of ["product-v0", "product-v1", "product-offers-v0", "product-offers-v1"]) {
      shapes[schema] = (
        await graphGet(emulator, `/products/TRRQ3ESYFO28?schema=${schema}`)
      ).body.data;
    }
    expect(shapes["product-v0"].lifecycle_status).toBe("Production");
    expect(shapes["product-v0"].deprecated_ids).toBeUndefined();
    expect(shapes["product-v1"].inventory_level).toBeGreaterThan(0);
    expect(shapes["product-v1"].offers).toBeUndefined();
    expect(shapes["product-offers-v0"].reference_prices.length).toBeGreaterThan(0);
    expect(shapes["product-offers-v0"].specs[0]).toEqual({
      id: expect.any(String),
      label: expect.any(String),
      value: expect.any(String),
    });
    expect(shapes["product-offers-v1"].lifecycle_status).toBeUndefined();
    expect(shapes["product-offers-v1"].reference_prices).toBeUndefined();
    expect(shapes["product-offers-v1"].offers.length).toBeGreaterThan(0);
    expect(shapes["product-offers-v1"].specs.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining(["width", "packaging"]),
    );
  });
});

describe("GET /products/autocompletions/", () => {
  it("labels completions 'Manufacturer MPN', prefix matches first", async () => {
    const response = await graphGet(emulator, "/products/autocompletions/?q=GCM21BR7&limit=5");
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      { id: "CCEHW3JXS5CQ", label: "Murata Electronics GCM21BR71H104KA37L" },
      { id: "CC2DKKO1LUCF", label: "Murata Electronics GCM21BR72A104KA37L" },
    ]);
  });

  it("honours limit and rejects limit=0", async () => {
    const three = await graphGet(emulator, "/products/autocompletions/?q=RC0603&limit=3");
    const zero = await graphGet(emulator, "/products/autocompletions/?q=RC0603&limit=0");
    expect(three.body.data).toHaveLength(3);
    expect(zero.status).toBe(422);
    expect(zero.body.detail[0]).toMatchObject({ loc: ["query", "limit"], type: "greater_than" });
  });
});

describe("POST /batch/products/", () => {
  it("answers a bare array in request order, a bad member failing alone", async () => {
    const response = await graphBatch(emulator, {
      batch: [
        {
          method: "GET",
          relative_url: "?q=LM317T%20TI&schema=product-v1&search_strategy=mpn_sku_mfr",
        },
        { method: "GET", relative_url: "?q=LM317T&schema=not-a-schema" },
        {
          method: "GET",
          relative_url: "/products/?q=NOT-A-PART-XYZ&schema=product-v1&search_strategy=mpn_exact",
        },
        {
          method: "GET",
          relative_url: `?filtering=${encodeURIComponent(JSON.stringify([{ field: "id", operator: "IN", value: ["XXLL0JPD4W2X"] }]))}&schema=product-v0`,
        },
        { method: "GET", relative_url: "/products/TRRQ3ESYFO28?schema=product-v1" },
        { method: "GET", relative_url: "?q=x&schema=product-v1&limit=9999" },
      ],
    });
    expect(response.status).toBe(200);
    const body = response.body as { code: number; body: Body }[];
    expect(body.map((member) => member.code)).toEqual([200, 422, 200, 200, 200, 422]);
    expect(body[0]?.body.data[0].mfr).toBe("Texas Instruments");
    expect(body[1]?.body.detail[0].loc).toEqual(["query", "schema"]);
    expect(body[2]?.body).toEqual({ data: [] });
    expect(body[3]?.body.data[0].id).toBe("CC2DKKO1LUCF");
    expect(body[4]?.body.data.id).toBe("TRRQ3ESYFO28");
    expect(body[5]?.body.detail[0].loc).toEqual(["query", "limit"]);
  });

  it("takes 250 members and refuses 251 or none", async () => {
    const member = {
      method: "GET",
      relative_url: "?q=BAT54-7-F&schema=product-v0&search_strategy=mpn_exact",
    };
    const full = await graphBatch(emulator, { batch: Array(250).fill(member) });
    const over = await graphBatch(emulator, { batch: Array(251).fill(member) });
    const empty = await graphBatch(emulator, { batch: [] });
    expect(full.status).toBe(200);
    expect(full.body).toHaveLength(250);
    expect(over.status).toBe(422);
    expect(over.body.detail[0]).toMatchObject({ loc: ["body", "batch"], type: "too_long" });
    expect(empty.body.detail[0]).toMatchObject({ loc: ["body", "batch"], type: "too_short" });
  });

  it("refuses a non-GET member and a body that is not JSON, naming where", async () => {
    const post = await graphBatch(emulator, {
      batch: [
        { method: "GET", relative_url: "?q=a" },
        { method: "POST", relative_url: "?q=b" },
      ],
    });
    const garbage = await graphBatch(emulator, "{not json");
    expect(post.status).toBe(422);
    expect(post.body.detail).toEqual([
      expect.objectContaining({ loc: ["body", "batch", 1, "method"], type: "literal_error" }),
    ]);
    expect(garbage.status).toBe(422);
    expect(garbage.body.detail[0].type).toBe("json_invalid");
  });

  it("validates the optional timeout query parameter", async () => {
    const body = { batch: [{ method: "GET", relative_url: "?q=a&schema=product-v0" }] };
    expect((await graphBatch(emulator, body, "?timeout=30")).status).toBe(200);
    const bad = await graphBatch(emulator, body, "?timeout=soon");
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0].loc).toEqual(["query", "timeout"]);
  });

  it("needs the same credentials as every other route", async () => {
    const response = await graphBatch(emulator, { batch: [] }, "", {
      "X-CLIENT-ID": "demo-client",
    });
    expect(response.status).toBe(401);
  });
});

describe("metering", () => {
  it("counts products returned, inside batches too, but not autocompletions or errors", async () => {
    emulator.resetStats();
    await graphGet(emulator, "/products/?schema=product-v1&q=murata&limit=7");
    await graphGet(emulator, "/products/CC2DKKO1LUCF?schema=product-v1");
    await graphGet(emulator, "/products/autocompletions/?q=GRM&limit=20");
    await graphGet(emulator, "/products/?q=no-schema");
    await graphBatch(emulator, {
      batch: [
        { method: "GET", relative_url: "?q=murata&schema=product-v0&limit=3" },
        { method: "GET", relative_url: "?q=bad&schema=x" },
      ],
    });
    const stats = emulator.stats();
    expect(stats.meteredParts).toBe(7 + 1 + 3);
    expect(stats.graphRequests).toBe(5);
    expect(stats.platformRequests).toBe(0);
    expect(stats.requests).toBe(5);
    expect(graphHeaders(emulator)["X-CLIENT-ID"]).toBe("demo-client");
  });
});
