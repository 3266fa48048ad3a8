/** Hostile and odd requests against the /api server over real HTTP: URLs spelt to dodge the
 * gateway check, ids that would walk the Platform path, upstream answers that echo the keys,
 * redirects, nesting, and the headers the server sends. */
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { GATEWAY_TOKEN_HEADER, USER_KEY_HEADERS } from "../../src/core/api";
import { buildApp } from "../../src/server/app";
import { readConfig } from "../../src/server/config";
import { call, captureLogs, startTestApp, type TestApp } from "./support/app-harness";
import { redactSecrets, secretsIn } from "../../src/server/upstream/redact";
import { startFakeUpstream, type FakeUpstream } from "./support/fake-upstream";
import { rawRequest } from "./support/raw-http";

const SERVER_KEYS = {
  COFACTR_CLIENT_ID: "hardening-client-71c3",
  COFACTR_GRAPH_API_KEY: "hardening-graph-key-5e0b",
  COFACTR_PLATFORM_API_KEY: "hardening-platform-key-9a44",
  GATEWAY_TOKENS: "hardening-gateway-token-0123456789",
};
const USER_KEYS = {
  [USER_KEY_HEADERS.graphClientId]: "user-client-33d1",
  [USER_KEY_HEADERS.graphApiKey]: "user-graph-key-c0ff",
  [USER_KEY_HEADERS.platformApiKey]: "user-platform-key-be7a",
};
const SECRETS = [...Object.values(SERVER_KEYS), ...Object.values(USER_KEYS)];

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

describe("gateway token with server-held keys", () => {
  let upstream: FakeUpstream;
  let server: TestApp;
  beforeAll(async () => {
    upstream = await startFakeUpstream(() => ({ status: 200, body: [] }));
    server = await startTestApp({
      ...SERVER_KEYS,
      COFACTR_GRAPH_URL: upstream.url,
      COFACTR_PLATFORM_URL: upstream.url,
    });
  });
  afterAll(async () => {
    await server.close();
    await upstream.close();
  });

  it.each([
    ["POST", "/%61pi/parts/lookup"],
    ["POST", "/api/parts/%6cookup"],
    ["POST", "/%61pi/cache/clear"],
    ["GET", "/%61pi/jobs/abc"],
    ["POST", "http://example.test/api/parts/lookup"],
  ])("%s %s without a token is refused like the plain spelling", async (method, target) => {
    const reply = await rawRequest(
      server.url,
      method,
      target,
      { "content-type": "application/json" },
      method === "POST" ? JSON.stringify({ queries: [{ mpn: "LM317T" }] }) : undefined,
    );
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body).error.code).toBe("gateway_token_required");
    expect(upstream.requests).toHaveLength(0);
  });

  it("still answers the health check without a token however it is spelt", async () => {
    const reply = await rawRequest(server.url, "GET", "/%61pi/health");
    expect(reply.status).toBe(200);
  });
});

describe("ids in Platform paths", () => {
  let upstream: FakeUpstream;
  let server: TestApp;
  beforeAll(async () => {
    upstream = await startFakeUpstream(() => ({
      status: 200,
      body: { id: "job", status: "PENDING" },
    }));
    server = await startTestApp({
      COFACTR_MODE: "cofactr",
      COFACTR_GRAPH_URL: upstream.url,
      COFACTR_PLATFORM_URL: upstream.url,
    });
  });
  afterAll(async () => {
    await server.close();
    await upstream.close();
  });

  it.each(["..", "%2e%2e", ".", "%2E"])(
    "refuses the dot segment %s before calling Cofactr",
    async (id) => {
      for (const route of ["jobs", "boms"]) {
        const reply = await rawRequest(server.url, "GET", `/api/${route}/${id}`, USER_KEYS);
        expect(reply.status).toBe(422);
        expect(JSON.parse(reply.body).error.field).toBe("id");
      }
      expect(upstream.requests).toHaveLength(0);
    },
  );
});

describe("upstream answers that quote the keys", () => {
  let upstream: FakeUpstream;
  let elsewhere: FakeUpstream;
  let serverKeys: TestApp;
  let userKeys: TestApp;
  const logs = captureLogs();
  beforeAll(async () => {
    elsewhere = await startFakeUpstream(() => ({ status: 200, body: [] }));
    upstream = await startFakeUpstream((request) => {
      const echo = `bad credentials ${String(request.headers.authorization)} ${String(
        request.headers["x-client-id"],
      )}/${String(request.headers["x-api-key"])}`;
      if (request.url.startsWith("/moved")) {
        return { status: 307, headers: { location: `${elsewhere.url}/batch/products/` } };
      }
      if (request.url.includes("batch")) return { status: 401, body: { detail: echo } };
      if (request.url.includes("async_jobs")) return { status: 400, body: { detail: echo } };
      return { status: 422, body: { detail: [{ loc: ["body", "name"], msg: echo }] } };
    });
    const env = { COFACTR_GRAPH_URL: upstream.url, COFACTR_PLATFORM_URL: upstream.url };
    serverKeys = await startTestApp({ ...SERVER_KEYS, ...env }, logs);
    userKeys = await startTestApp({ COFACTR_MODE: "cofactr", ...env }, logs);
  });
  afterAll(async () => {
    await serverKeys.close();
    await userKeys.close();
    await upstream.close();
    await elsewhere.close();
  });

  const gateway = { [GATEWAY_TOKEN_HEADER]: SERVER_KEYS.GATEWAY_TOKENS };

  it.each([
    ["server keys", () => serverKeys, gateway],
    ["user keys", () => userKeys, USER_KEYS],
  ])("never passes them on, with %s", async (_label, server, headers) => {
    const base = server().url;
    const lookup = await call(
      `${base}/api/parts/lookup`,
      "POST",
      { queries: [{ mpn: "LM317T" }] },
      headers,
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body.results[0].status).toBe("error");
    expect(lookup.body.results[0].message).toContain("[redacted]");
    const job = await call(`${base}/api/jobs/abc`, "GET", undefined, headers);
    expect(job.status).toBe(502);
    expect(job.body.error.message).toContain("[redacted]");
    const upsert = await call(`${base}/api/boms`, "PUT", { name: "Board" }, headers);
    expect(upsert.status).toBe(422);
    expect(upsert.body.error.field).toBe("name");
    for (const text of [lookup, job, upsert].map((reply) => JSON.stringify(reply.body))) {
      expectNoSecret(text);
    }
    expect(logs.lines.length).toBeGreaterThan(0);
    expectNoSecret(logs.lines.join("\n"));
  });

  it("does not follow a redirect to another origin with the keys", async () => {
    const moved = await startTestApp({
      ...SERVER_KEYS,
      COFACTR_GRAPH_URL: `${upstream.url}/moved`,
    });
    try {
      const lookup = await call(
        `${moved.url}/api/parts/lookup`,
        "POST",
        { queries: [{ mpn: "LM317T" }] },
        gateway,
      );
      expect(lookup.body.results[0].status).toBe("error");
      expect(lookup.body.results[0].message).toMatch(/redirect/i);
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await moved.close();
    }
  });
});

describe("request bodies", () => {
  let upstream: FakeUpstream;
  let server: TestApp;
  beforeAll(async () => {
    upstream = await startFakeUpstream(() => ({ status: 200, body: "job-1" }));
    server = await startTestApp({
      COFACTR_MODE: "cofactr",
      COFACTR_GRAPH_URL: upstream.url,
      COFACTR_PLATFORM_URL: upstream.url,
    });
  });
  afterAll(async () => {
    await server.close();
    await upstream.close();
  });

  it("refuses metadata nested beyond reason with a 422 naming the field", async () => {
    const depth = 100_000;
    const nested = `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
    const body = `{"name":"Deep","lines":[{"mpn":"X","metadata":${nested}}]}`;
    const reply = await call(`${server.url}/api/boms`, "PUT", body, USER_KEYS);
    expect(reply.status).toBe(422);
    expect(reply.body.error.field).toBe("lines[0].metadata");
    expect(upstream.requests).toHaveLength(0);
  });

  it("passes metadata through untouched, empty strings included", async () => {
    const metadata = { note: "", nested: { list: ["", "x"] } };
    const reply = await call(
      `${server.url}/api/boms`,
      "PUT",
      { name: "Board", metadata, lines: [{ mpn: "X", metadata }] },
      USER_KEYS,
    );
    expect(reply.status).toBe(202);
    const sent = upstream.requests.at(-1)?.body as {
      metadata: unknown;
      lines: { metadata: unknown }[];
    };
    expect(sent.metadata).toEqual(metadata);
    expect(sent.lines[0]?.metadata).toEqual(metadata);
  });
});

describe("response headers", () => {
  const distDir = fs.mkdtempSync(path.join(os.tmpdir(), "cofactr-hardening-"));
  let base: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    fs.writeFileSync(path.join(distDir, "taskpane.html"), "<!doctype html><title>pane</title>");
    const app = buildApp({ config: readConfig({ ADDIN_DIST: distDir }), logger: false });
    await app.listen({ host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    close = () => app.close();
  });
  afterAll(async () => {
    await close();
    fs.rmSync(distDir, { recursive: true, force: true });
  });

  it("marks static files and /api answers nosniff, and /api answers not cacheable", async () => {
    const page = await rawRequest(base, "GET", "/taskpane.html");
    expect(page.status).toBe(200);
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    const health = await rawRequest(base, "GET", "/api/health");
    expect(health.headers["x-content-type-options"]).toBe("nosniff");
    expect(health.headers["cache-control"]).toBe("no-store");
  });

  it("sends no CORS permission on /api, preflight included (the add-in is same-origin)", async () => {
    const origin = { origin: "https://elsewhere.example" };
    const health = await rawRequest(base, "GET", "/api/health", origin);
    const preflight = await rawRequest(base, "OPTIONS", "/api/parts/lookup", {
      ...origin,
      "access-control-request-method": "POST",
    });
    for (const reply of [health, preflight]) {
      expect(reply.headers["access-control-allow-origin"]).toBeUndefined();
      expect(reply.headers["access-control-allow-credentials"]).toBeUndefined();
    }
  });

  it("serves no file outside the add-in folder, however the path is spelt", async () => {
    for (const target of ["/../package.json", "/%2e%2e/package.json", "/%2e%2e%2fpackage.json"]) {
      const reply = await rawRequest(base, "GET", target);
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.body).not.toContain('"name"');
    }
  });
});

describe("secret scrubbing", () => {
  it("scrubs each header value and the key after a scheme word, at any depth", () => {
    const secrets = secretsIn({ Authorization: "Api-Key plat-key-123", "X-API-KEY": "graph-456" });
    expect(redactSecrets({ a: ["no plat-key-123 or graph-456 here"] }, secrets)).toEqual({
      a: ["no [redacted] or [redacted] here"],
    });
    // Values too short to be keys are left alone rather than garbling every message.
    expect(secretsIn({ "X-CLIENT-ID": "c" })).toEqual([]);
  });
});
