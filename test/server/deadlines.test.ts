/** Issue 11, items 3 and 9: one deadline per /api request across all its upstream phases, and
 * an upsert never sent twice unless it surely never reached Cofactr. Over HTTP on loopback. */
import { API_CLIENT_TIMEOUT_MS } from "../../src/core/api";
import { MAX_API_DEADLINE_MS } from "../../src/server/config";
import { UpstreamError } from "../../src/server/upstream/errors";
import { UpstreamPolicy } from "../../src/server/upstream/resilience";
import { call, startTestApp, type TestApp } from "./support/app-harness";
import { fakeGraph, product } from "./support/fake-graph";
import { startFakeUpstream, type FakeUpstream } from "./support/fake-upstream";
import { fastTuning } from "./support/tuning";

const USER_KEYS = {
  "x-cofactr-client-id": "deadline-client",
  "x-cofactr-api-key": "deadline-graph-key",
  "x-cofactr-platform-key": "deadline-platform-key",
};

describe("one deadline per /api request", () => {
  let upstream: FakeUpstream;
  let server: TestApp;
  beforeAll(async () => {
    const graph = fakeGraph([product("TI1", "LM358N", "Texas Instruments", 100)]);
    // Every upstream request takes 400 ms: a lookup that needs a search, a second search by
    // MPN alone and a product-v1 read would take 1.2 s in a row.
    upstream = await startFakeUpstream((request) =>
      request.url.startsWith("/batch/")
        ? { ...graph(request), delayMs: 400 }
        : { body: { id: "job-1", status: "STARTED" }, delayMs: 1500 },
    );
    server = await startTestApp({
      COFACTR_MODE: "cofactr",
      COFACTR_GRAPH_URL: upstream.url,
      COFACTR_PLATFORM_URL: upstream.url,
      API_DEADLINE_MS: "700",
      UPSTREAM_ATTEMPT_TIMEOUT_MS: "5000",
      UPSTREAM_DEADLINE_MS: "5000",
    });
  });
  afterAll(async () => {
    await server.close();
    await upstream.close();
  });

  it("ends a lookup at the request's deadline, not each phase's", async () => {
    const before = upstream.requests.length;
    const response = await call(
      `${server.url}/api/parts/lookup`,
      "POST",
      { queries: [{ mpn: "LM358N", manufacturer: "TI" }] },
      USER_KEYS,
    );
    expect(response.status).toBe(200);
    expect(response.body.results).toEqual([
      {
        status: "error",
        message: expect.stringMatching(/within this request's 0\.7 s deadline/),
      },
    ]);
    // The product-v1 phase was never started: the deadline had passed.
    expect(upstream.requests.length - before).toBeLessThanOrEqual(2);
  });

  it("ends a job poll at the request's deadline with 504", async () => {
    const response = await call(`${server.url}/api/jobs/job-1`, "GET", undefined, USER_KEYS);
    expect(response.status).toBe(504);
    expect(response.body.error.code).toBe("upstream_timeout");
    expect(response.body.error.message).toMatch(/within this request's 0\.7 s deadline/);
  });

  it("keeps the server's longest deadline below the add-in's timeout", () => {
    expect(MAX_API_DEADLINE_MS).toBeLessThan(API_CLIENT_TIMEOUT_MS);
  });
});

describe("an upload is not sent twice", () => {
  it("sends a timed-out upsert once and says it may still arrive", async () => {
    const upstream = await startFakeUpstream((request) =>
      request.method === "PUT" ? { hang: true } : { body: { id: "j", status: "PENDING" } },
    );
    const server = await startTestApp({
      COFACTR_MODE: "cofactr",
      COFACTR_PLATFORM_URL: upstream.url,
      UPSTREAM_ATTEMPT_TIMEOUT_MS: "300",
      UPSTREAM_DEADLINE_MS: "3000",
    });
    try {
      const response = await call(`${server.url}/api/boms`, "PUT", { name: "Board" }, USER_KEYS);
      expect(response.status).toBe(504);
      expect(response.body.error.code).toBe("upload_unconfirmed");
      expect(response.body.error.message).toMatch(/may still have been received/);
      expect(upstream.requests.filter((r) => r.method === "PUT")).toHaveLength(1);
    } finally {
      await server.close();
      await upstream.close();
    }
  });

  it("sends an upsert answered 502 once, while a job poll answered 502 is retried", async () => {
    const upstream = await startFakeUpstream(() => ({ status: 502, body: { detail: "gateway" } }));
    const server = await startTestApp({
      COFACTR_MODE: "cofactr",
      COFACTR_PLATFORM_URL: upstream.url,
    });
    try {
      const upload = await call(`${server.url}/api/boms`, "PUT", { name: "Board" }, USER_KEYS);
      expect(upload.status).toBe(502);
      expect(upload.body.error.code).toBe("upload_unconfirmed");
      expect(upstream.requests.filter((r) => r.method === "PUT")).toHaveLength(1);
      const poll = await call(`${server.url}/api/jobs/j-1`, "GET", undefined, USER_KEYS);
      expect(poll.status).toBe(502);
      expect(upstream.requests.filter((r) => r.method === "GET")).toHaveLength(3);
    } finally {
      await server.close();
      await upstream.close();
    }
  });

  it("retries a write only when it surely never left (connection refused)", async () => {
    const policy = new UpstreamPolicy(fastTuning());
    const refusedThenOk = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(
        new UpstreamError("network", "refused", { retryable: true, notSent: true }),
      )
      .mockResolvedValueOnce("job-9");
    await expect(policy.run("write", refusedThenOk, { idempotent: false })).resolves.toBe("job-9");
    expect(refusedThenOk).toHaveBeenCalledTimes(2);
    const resetOnce = jest
      .fn<Promise<string>, []>()
      .mockRejectedValue(new UpstreamError("network", "socket hang up", { retryable: true }));
    await expect(policy.run("write", resetOnce, { idempotent: false })).rejects.toThrow(
      "socket hang up",
    );
    expect(resetOnce).toHaveBeenCalledTimes(1);
  });
});
