/**
 * Issue 11, item 4: whatever Cofactr sends back (a job's error text, a BOM's name, a part's
 * description, a job id) never carries the request's credentials out of the server, on any
 * /api route. Every route the server registers is called over HTTP against an upstream that
 * quotes the keys in every text it returns; routes added later are probed the same way.
 */
import type { AddressInfo } from "node:net";
import { GATEWAY_TOKEN_HEADER, USER_KEY_HEADERS } from "../../src/core/api";
import { assembleApp } from "../../src/server/app";
import { readConfig } from "../../src/server/config";
import {
  startFakeUpstream,
  type FakeUpstream,
  type RecordedRequest,
} from "./support/fake-upstream";
import { call } from "./support/app-harness";

const SERVER_KEYS = {
  COFACTR_CLIENT_ID: "redact-client-5d2a",
  COFACTR_GRAPH_API_KEY: "redact-graph-key-8c1f",
  COFACTR_PLATFORM_API_KEY: "pk-redact-platform-key-3e7b",
  GATEWAY_TOKENS: "redact-gateway-token-0123456789",
  ADMIN_TOKENS: "redact-admin-token-0123456789ab",
};
const USER_KEYS = {
  [USER_KEY_HEADERS.graphClientId]: "user-client-6b3c",
  [USER_KEY_HEADERS.graphApiKey]: "user-graph-key-9d2e",
  [USER_KEY_HEADERS.platformApiKey]: "pk-user-platform-key-4f8a",
};
const SECRETS = [...Object.values(SERVER_KEYS), ...Object.values(USER_KEYS)];

/** Everything the request carried that looks like a credential, quoted back. */
function echo(request: RecordedRequest): string {
  const sent = ["authorization", "x-client-id", "x-api-key"].map((name) =>
    String(request.headers[name] ?? ""),
  );
  return `Job failed: credentials ${sent.join(" / ")} rejected`;
}

function quotingUpstream(request: RecordedRequest) {
  const text = echo(request);
  if (request.url.startsWith("/batch/products/")) {
    const batch = (request.body as { batch: unknown[] }).batch;
    const product = {
      id: "CPID1",
      mpn: "LM317T",
      mfr: text,
      description: text,
      package: text,
      lifecycle_status: text,
      documents: [{ label: "Datasheet", url: `https://x.test/${text}`, filename: text }],
      specs: [{ id: "s", label: text, display_value: text }],
      offers: [],
    };
    return { body: batch.map(() => ({ code: 200, body: { data: [product] } })) };
  }
  if (request.method === "PUT") return { status: 200, body: text };
  return {
    status: 200,
    body: {
      id: "rec-1",
      name: text,
      status: "FAILURE",
      error: text,
      version: text,
      part_number: text,
      created_at: "2026-01-01T00:00:00Z",
      items: [{ id: "line-1", mpn: text, manufacturer_name: text, quantity: 1 }],
      count: 1,
    },
  };
}

interface Case {
  path: string;
  body?: unknown;
  /** The answer carries upstream text, so "[redacted]" must show where a key was. */
  quotesUpstream: boolean;
}

const CASES: Record<string, Case> = {
  "GET /api/health": { path: "/api/health", quotesUpstream: false },
  "POST /api/parts/lookup": {
    path: "/api/parts/lookup",
    body: { queries: [{ mpn: "LM317T" }] },
    quotesUpstream: true,
  },
  "POST /api/cache/clear": { path: "/api/cache/clear", quotesUpstream: false },
  "PUT /api/boms": { path: "/api/boms", body: { name: "Board" }, quotesUpstream: true },
  "GET /api/jobs/:id": { path: "/api/jobs/job-1", quotesUpstream: true },
  "GET /api/boms/:id": { path: "/api/boms/bom-1", quotesUpstream: true },
  "GET /api/programs/:id/availability/jobs/:jobId": {
    path: "/api/programs/program-1/availability/jobs/job-1",
    quotesUpstream: true,
  },
};

/** A route without a case of its own: parameters filled in, an empty object as body. */
function probe(method: string, url: string): Case {
  return {
    path: url.replace(/:[a-z]+/gi, "probe-1"),
    ...(method === "GET" || method === "DELETE" ? {} : { body: {} }),
    quotesUpstream: false,
  };
}

async function start(env: Record<string, string>) {
  const config = readConfig({ ADDIN_DIST: "/nonexistent-dist", ...env });
  const { app, routes } = assembleApp({ config, logger: false });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, routes, close: () => app.close() };
}

describe.each([
  ["server-held keys", true],
  ["users' own keys", false],
])("no credential leaves the server, with %s", (_label, serverHeld) => {
  let upstream: FakeUpstream;
  let server: Awaited<ReturnType<typeof start>>;
  const headers: Record<string, string> = serverHeld
    ? {
        [GATEWAY_TOKEN_HEADER]: SERVER_KEYS.GATEWAY_TOKENS,
        "x-admin-token": SERVER_KEYS.ADMIN_TOKENS,
      }
    : { ...USER_KEYS, "x-admin-token": SERVER_KEYS.ADMIN_TOKENS };
  beforeAll(async () => {
    upstream = await startFakeUpstream(quotingUpstream);
    const urls = { COFACTR_GRAPH_URL: upstream.url, COFACTR_PLATFORM_URL: upstream.url };
    server = await start(
      serverHeld
        ? { ...SERVER_KEYS, ...urls }
        : { COFACTR_MODE: "cofactr", ADMIN_TOKENS: SERVER_KEYS.ADMIN_TOKENS, ...urls },
    );
  });
  afterAll(async () => {
    await server.close();
    await upstream.close();
  });

  it("covers every registered /api route", () => {
    const names = server.routes.all
      .filter((route) => route.method !== "HEAD")
      .map((route) => `${route.method} ${route.url}`);
    expect(names).toEqual(expect.arrayContaining(Object.keys(CASES)));
  });

  it("redacts them on every route", async () => {
    const routes = server.routes.all.filter((route) => route.method !== "HEAD");
    for (const route of routes) {
      const name = `${route.method} ${route.url}`;
      const test = CASES[name] ?? probe(route.method, route.url);
      const reply = await call(`${server.url}${test.path}`, route.method, test.body, headers);
      const text = JSON.stringify(reply.body);
      for (const secret of SECRETS) {
        if (text.includes(secret)) throw new Error(`${name} answered with ${secret}: ${text}`);
      }
      if (test.quotesUpstream)
        expect([name, text]).toEqual([name, expect.stringContaining("[redacted]")]);
    }
  });

  it("passes the job's error text on, without the key it quoted", async () => {
    const reply = await call(`${server.url}/api/jobs/job-1`, "GET", undefined, headers);
    expect(reply.status).toBe(200);
    expect(reply.body.state).toBe("failure");
    expect(reply.body.error).toMatch(/^Job failed: credentials .*\[redacted\].* rejected$/);
  });
});
