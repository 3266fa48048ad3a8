/** /api over real HTTP against scripted stand-ins for Cofactr: credentials, errors, limits. */
import { GATEWAY_TOKEN_HEADER, USER_KEY_HEADERS } from "../../../src/core/api";
import { fakeGraph, product } from "../support/fake-graph";
import { closedPortUrl, startFakeUpstream, type FakeUpstream } from "../support/fake-upstream";
import { call, captureLogs, startTestApp, type TestApp } from "../support/app-harness";

const catalogue = [product("TI1", "LM358N", "Texas Instruments", 500)];

const SERVER_KEYS = {
  COFACTR_CLIENT_ID: "srv-client-id-7f3a",
  COFACTR_GRAPH_API_KEY: "srv-graph-key-91bd",
  COFACTR_PLATFORM_API_KEY: "srv-platform-key-c2e8",
  GATEWAY_TOKENS: "gw-token-one-55aa-0123456789, gw-token-two-66bb-0123456789",
};
const USER_KEYS = {
  [USER_KEY_HEADERS.graphClientId]: "user-client-id-0c1d",
  [USER_KEY_HEADERS.graphApiKey]: "user-graph-key-3e4f",
  [USER_KEY_HEADERS.platformApiKey]: "user-platform-key-5a6b",
};

describe("/api with server-held keys", () => {
  let graph: FakeUpstream;
  let platform: FakeUpstream;
  let app: TestApp;
  beforeAll(async () => {
    graph = await startFakeUpstream(fakeGraph(catalogue));
    platform = await startFakeUpstream(() => ({ body: "job-1" }));
    app = await startTestApp({
      ...SERVER_KEYS,
      COFACTR_GRAPH_URL: graph.url,
      COFACTR_PLATFORM_URL: platform.url,
    });
  });
  afterAll(async () => {
    await app.close();
    await graph.close();
    await platform.close();
  });

  it("answers the health check without credentials", async () => {
    const health = await call(`${app.url}/api/health`, "GET");
    expect(health).toEqual({
      status: 200,
      body: {
        status: "ok",
        mode: "cofactr",
        gateway_token_required: true,
        version: expect.any(String),
      },
    });
  });

  it("requires a valid gateway token on every other /api call", async () => {
    const lookup = { queries: [{ mpn: "LM358N" }] };
    const missing = await call(`${app.url}/api/parts/lookup`, "POST", lookup);
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe("gateway_token_required");
    const wrong = await call(`${app.url}/api/parts/lookup`, "POST", lookup, {
      [GATEWAY_TOKEN_HEADER]: "gw-token-one-55ab-0123456789",
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("gateway_token_invalid");
    const jobs = await call(`${app.url}/api/jobs/j1`, "GET");
    expect(jobs.status).toBe(401);
    expect(graph.requests).toHaveLength(0);
    const ok = await call(`${app.url}/api/parts/lookup`, "POST", lookup, {
      [GATEWAY_TOKEN_HEADER]: "gw-token-two-66bb-0123456789",
    });
    expect(ok.status).toBe(200);
    expect(ok.body.results[0].part.cpid).toBe("TI1");
    expect(graph.requests[0]?.headers["x-client-id"]).toBe(SERVER_KEYS.COFACTR_CLIENT_ID);
    expect(graph.requests[0]?.headers["x-api-key"]).toBe(SERVER_KEYS.COFACTR_GRAPH_API_KEY);
  });

  it("ignores keys a user sends when the server holds its own", async () => {
    const before = platform.requests.length;
    const upsert = await call(
      `${app.url}/api/boms`,
      "PUT",
      { name: "Board" },
      {
        [GATEWAY_TOKEN_HEADER]: "gw-token-one-55aa-0123456789",
        ...USER_KEYS,
      },
    );
    expect(upsert).toEqual({ status: 202, body: { job_id: "job-1" } });
    expect(platform.requests[before]?.headers.authorization).toBe(
      `Api-Key ${SERVER_KEYS.COFACTR_PLATFORM_API_KEY}`,
    );
  });
});

describe("/api with each user's own keys", () => {
  let graph: FakeUpstream;
  let platform: FakeUpstream;
  let app: TestApp;
  beforeAll(async () => {
    graph = await startFakeUpstream(fakeGraph(catalogue));
    platform = await startFakeUpstream((request) =>
      request.headers.authorization === `Api-Key ${USER_KEYS[USER_KEY_HEADERS.platformApiKey]}`
        ? { status: 404, body: { detail: "Not found" } }
        : { status: 401, body: { detail: "Unauthorized" } },
    );
    app = await startTestApp({
      COFACTR_MODE: "cofactr",
      COFACTR_GRAPH_URL: graph.url,
      COFACTR_PLATFORM_URL: platform.url,
    });
  });
  afterAll(async () => {
    await app.close();
    await graph.close();
    await platform.close();
  });

  it("asks for keys when none are sent", async () => {
    const health = await call(`${app.url}/api/health`, "GET");
    expect(health.body).toEqual({
      status: "ok",
      mode: "cofactr",
      gateway_token_required: false,
      version: expect.any(String),
    });
    const lookup = await call(`${app.url}/api/parts/lookup`, "POST", { queries: [] });
    expect(lookup.status).toBe(401);
    expect(lookup.body.error.code).toBe("credentials_required");
    expect(lookup.body.error.message).toContain(USER_KEY_HEADERS.graphApiKey);
  });

  it("forwards the user's keys to Cofactr", async () => {
    const lookup = await call(
      `${app.url}/api/parts/lookup`,
      "POST",
      { queries: [{ mpn: "LM358N", manufacturer: "Texas Instruments" }] },
      USER_KEYS,
    );
    expect(lookup.body.results[0].status).toBe("found");
    expect(graph.requests[0]?.headers["x-client-id"]).toBe(
      USER_KEYS[USER_KEY_HEADERS.graphClientId],
    );
    expect(graph.requests[0]?.headers["x-api-key"]).toBe(USER_KEYS[USER_KEY_HEADERS.graphApiKey]);
    const job = await call(`${app.url}/api/jobs/abc`, "GET", undefined, USER_KEYS);
    expect(job.status).toBe(404);
    expect(job.body.error).toEqual({ code: "not_found", message: "No job with id abc." });
    expect(platform.requests.at(-1)?.url).toBe("/v1/async_jobs/abc/");
  });

  it("passes Cofactr's refusal of a user's key on as 401", async () => {
    const job = await call(`${app.url}/api/jobs/abc`, "GET", undefined, {
      [USER_KEY_HEADERS.platformApiKey]: "wrong-key",
    });
    expect(job.status).toBe(401);
    expect(job.body.error.code).toBe("upstream_unauthorized");
  });
});

describe("/api request limits and error shapes", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ COFACTR_MODE: "cofactr" });
  });
  afterAll(() => app.close());

  it("answers JSON errors for bad JSON, oversized bodies and unknown routes", async () => {
    const badJson = await call(`${app.url}/api/boms`, "PUT", "{not json");
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.code).toBe("invalid_json");
    const huge = await call(`${app.url}/api/parts/lookup`, "POST", {
      queries: [{ mpn: "x".repeat(3 * 1024 * 1024) }],
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("payload_too_large");
    const unknown = await call(`${app.url}/api/nothing`, "GET");
    expect(unknown).toEqual({
      status: 404,
      body: { error: { code: "not_found", message: "No API route GET /api/nothing" } },
    });
  });

  it("validates before asking for credentials or calling Cofactr", async () => {
    const bad = await call(`${app.url}/api/boms`, "PUT", { name: "B", lines: [{ mpn: "" }] });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: "validation_error", field: "lines[0].mpn" });
    const badId = await call(`${app.url}/api/jobs/a%20b`, "GET");
    expect(badId.status).toBe(422);
    expect(badId.body.error.field).toBe("id");
  });
});

describe("keys never reach a log line", () => {
  it("logs requests, errors and upstream failures without any key or token", async () => {
    const logs = captureLogs();
    const graph = await startFakeUpstream((request, index) =>
      index % 2 === 0
        ? { status: 502, body: { detail: "gateway" } }
        : fakeGraph(catalogue)(request),
    );
    const platform = await startFakeUpstream(() => ({ status: 500, body: { detail: "boom" } }));
    const serverApp = await startTestApp(
      {
        ...SERVER_KEYS,
        COFACTR_GRAPH_URL: graph.url,
        COFACTR_PLATFORM_URL: platform.url,
        UPSTREAM_MAX_ATTEMPTS: "1",
      },
      logs,
    );
    const userApp = await startTestApp(
      {
        COFACTR_MODE: "cofactr",
        COFACTR_GRAPH_URL: await closedPortUrl(),
        COFACTR_PLATFORM_URL: platform.url,
      },
      logs,
    );
    try {
      const token = { [GATEWAY_TOKEN_HEADER]: "gw-token-one-55aa-0123456789" };
      await call(
        `${serverApp.url}/api/parts/lookup`,
        "POST",
        { queries: [{ mpn: "LM358N" }] },
        token,
      );
      await call(
        `${serverApp.url}/api/parts/lookup`,
        "POST",
        { queries: [{ mpn: "LM358N" }] },
        token,
      );
      await call(`${serverApp.url}/api/boms`, "PUT", { name: "Board" }, token);
      await call(`${serverApp.url}/api/jobs/x`, "GET", undefined, {
        [GATEWAY_TOKEN_HEADER]: "gw-token-two-66bX-0123456789",
      });
      await call(`${serverApp.url}/api/boms`, "PUT", "{broken", token);
      await call(
        `${userApp.url}/api/parts/lookup`,
        "POST",
        { queries: [{ mpn: "LM358N" }] },
        USER_KEYS,
      );
      await call(`${userApp.url}/api/boms/b1`, "GET", undefined, USER_KEYS);
      await call(`${userApp.url}/api/boms`, "PUT", { name: "" }, USER_KEYS);
    } finally {
      await serverApp.close();
      await userApp.close();
      await graph.close();
      await platform.close();
    }
    const text = logs.lines.join("\n");
    if (process.env.SHOW_LOGS) console.log(text);
    // The capture really saw the traffic, failures included.
    expect(logs.lines.length).toBeGreaterThan(10);
    expect(text).toMatch(/upstream failure/);
    expect(text).toMatch(/part lookups failed/);
    const secrets = [
      ...Object.values(SERVER_KEYS).flatMap((value) => value.split(",").map((s) => s.trim())),
      "gw-token-two-66bX-0123456789",
      ...Object.values(USER_KEYS),
    ];
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
      // Not even a recognisable fragment.
      expect(text).not.toContain(secret.slice(-8));
    }
  });
});
