/** Fault injection over HTTP: the concurrency ceiling, 502/504 rates, latency, header faults, admin routes. */
import { startEmulator, type RunningEmulator } from "../../../src/server/emulator";
import { graphGet, graphHeaders, platformCall } from "./support";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
afterEach(() => {
  emulator.resetFaults();
  emulator.resetStats();
});

const PRODUCT = "/products/CC2DKKO1LUCF?schema=product-v0";

async function admin(method: string, path: string, body?: unknown) {
  const response = await fetch(`${emulator.url}/__admin${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("concurrency ceiling", () => {
  it("counts injected latency as in flight: 5 parallel requests, ceiling 4 → exactly one 429", async () => {
    emulator.setFaults({ latencyMs: 150, concurrencyLimit: 4, retryAfterSeconds: 0.05 });
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => graphGet(emulator, PRODUCT)),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const rejected = responses.find((r) => r.status === 429);
    expect(rejected?.headers.get("retry-after")).toBe("0.05");
    expect(typeof rejected?.body.detail).toBe("string");
    expect(emulator.stats().rejected).toBe(1);
  });

  it("frees the slots once the responses are sent", async () => {
    emulator.setFaults({ latencyMs: 50, concurrencyLimit: 2 });
    const first = await Promise.all([graphGet(emulator, PRODUCT), graphGet(emulator, PRODUCT)]);
    const second = await Promise.all([graphGet(emulator, PRODUCT), graphGet(emulator, PRODUCT)]);
    expect([...first, ...second].map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect((await admin("GET", "/stats")).body.inFlight).toBe(0);
  });

  it("frees the slot of a client that hangs up before the answer", async () => {
    emulator.setFaults({ latencyMs: 2_000, concurrencyLimit: 1 });
    const inFlight = async () => (await admin("GET", "/stats")).body.inFlight;
    const abandoned = new AbortController();
    const request = fetch(`${emulator.graphUrl}${PRODUCT}`, {
      headers: graphHeaders(emulator),
      signal: abandoned.signal,
    }).catch(() => null);
    while ((await inFlight()) !== 1) await new Promise((resolve) => setImmediate(resolve));
    abandoned.abort();
    await request;
    while ((await inFlight()) !== 0) await new Promise((resolve) => setImmediate(resolve));
    emulator.setFaults({ latencyMs: 0 });
    expect((await graphGet(emulator, PRODUCT)).status).toBe(200);
  });

  it("applies to the Platform mount too", async () => {
    emulator.setFaults({ latencyMs: 100, concurrencyLimit: 1 });
    const [a, b] = await Promise.all([
      platformCall(emulator, "GET", "/v1/boms/"),
      platformCall(emulator, "GET", "/v1/boms/"),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 429]);
  });
});

describe("gateway fault rates", () => {
  it("rate502 = 1 answers every request 502", async () => {
    emulator.setFaults({ rate502: 1 });
    const responses = await Promise.all([
      graphGet(emulator, PRODUCT),
      platformCall(emulator, "GET", "/v1/boms/"),
    ]);
    expect(responses.map((r) => r.status)).toEqual([502, 502]);
    expect(emulator.stats().rejected).toBe(2);
  });

  it("rate504 = 1 answers 504 with Retry-After", async () => {
    emulator.setFaults({ rate504: 1, retryAfterSeconds: 3 });
    const response = await graphGet(emulator, PRODUCT);
    expect(response.status).toBe(504);
    expect(response.headers.get("retry-after")).toBe("3");
  });

  it("a rate of 0.5 fails some requests and not others, the same way every run", async () => {
    const run = async () => {
      const local = await startEmulator({ faults: { rate502: 0.5 } });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 40; i++) statuses.push((await graphGet(local, PRODUCT)).status);
        return statuses;
      } finally {
        await local.close();
      }
    };
    const first = await run();
    expect(first.filter((s) => s === 502).length).toBeGreaterThan(8);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(8);
    expect(await run()).toEqual(first);
  });
});

describe("per-request header X-Emulator-Fault", () => {
  it.each([
    ["429", 429, true],
    ["500", 500, false],
    ["502", 502, false],
    ["504", 504, true],
  ])("%s → %i", async (value, status, retryAfter) => {
    const response = await graphGet(emulator, PRODUCT, {
      ...graphHeaders(emulator),
      "X-Emulator-Fault": value,
    });
    expect(response.status).toBe(status);
    expect(response.headers.get("retry-after") !== null).toBe(retryAfter);
  });

  it("delay=ms holds the response (and its concurrency slot) back", async () => {
    emulator.setFaults({ concurrencyLimit: 1 });
    const delayed = graphGet(emulator, PRODUCT, {
      ...graphHeaders(emulator),
      "X-Emulator-Fault": "delay=1500",
    });
    // Wait until the delayed request holds its slot, however slow the machine is.
    while (emulator.stats().graphRequests < 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const meanwhile = await graphGet(emulator, PRODUCT);
    expect(meanwhile.status).toBe(429);
    expect((await delayed).status).toBe(200);
  });

  it("refuses an unknown fault word", async () => {
    const response = await graphGet(emulator, PRODUCT, {
      ...graphHeaders(emulator),
      "X-Emulator-Fault": "explode",
    });
    expect(response.status).toBe(400);
    expect(response.body.detail).toMatch(/explode/);
  });
});

describe("admin routes", () => {
  it("POST /__admin/faults sets faults, GET /__admin/stats reports them with the counters", async () => {
    const set = await admin("POST", "/faults", { rate504: 1 });
    expect(set.status).toBe(200);
    expect(set.body.rate504).toBe(1);
    expect((await graphGet(emulator, PRODUCT)).status).toBe(504);
    const stats = await admin("GET", "/stats");
    expect(stats.body).toMatchObject({
      requests: 1,
      graphRequests: 1,
      rejected: 1,
      faults: { rate504: 1 },
    });
  });

  it("refuses settings out of range or unknown, naming them", async () => {
    const bad = await admin("POST", "/faults", { rate502: 2 });
    const unknown = await admin("POST", "/faults", { explode: true });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toMatch(/rate502/);
    expect(unknown.status).toBe(400);
  });

  it("POST /__admin/reset clears faults, stats and BOMs", async () => {
    await platformCall(emulator, "POST", "/v1/parse_raw_bom/", { name: "to be forgotten" });
    await admin("POST", "/faults", { latencyMs: 5 });
    expect((await admin("POST", "/reset")).status).toBe(200);
    const stats = await admin("GET", "/stats");
    expect(stats.body).toMatchObject({ requests: 0, faults: { latencyMs: 0 } });
    expect((await platformCall(emulator, "GET", "/v1/boms/")).body.count).toBe(0);
  });

  it("faults given at start are what resetFaults returns to", async () => {
    const local = await startEmulator({ faults: { rate502: 1 } });
    try {
      local.setFaults({ rate502: 0 });
      expect((await graphGet(local, PRODUCT)).status).toBe(200);
      local.resetFaults();
      expect((await graphGet(local, PRODUCT)).status).toBe(502);
    } finally {
      await local.close();
    }
  });
});
