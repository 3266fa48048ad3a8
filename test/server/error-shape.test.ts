/** Issue 11, item 6: every error in the one /api shape with the right status, over HTTP. */
import type { UpsertBomBody } from "../../src/core/cofactr";
import { startFakeUpstream, type FakeUpstream } from "./support/fake-upstream";
import { call, startTestApp, type TestApp } from "./support/app-harness";
import { rawRequest, type RawReply } from "./support/raw-http";

function expectApiError(reply: RawReply, status: number, code: string): { message: string } {
  expect(reply.status).toBe(status);
  expect(reply.headers["content-type"]).toMatch(/^application\/json/);
  expect(reply.headers["x-content-type-options"]).toBe("nosniff");
  expect(reply.headers["cache-control"]).toBe("no-store");
  const body = JSON.parse(reply.body) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  return body.error;
}

const JSON_TYPE = { "content-type": "application/json" };

describe("one error shape, the right status", () => {
  let upstream: FakeUpstream;
  let server: TestApp;
  beforeAll(async () => {
    upstream = await startFakeUpstream((request) => ({
      status: 200,
      body: request.method === "PUT" ? "job-1" : { id: "job-1", status: "PENDING" },
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
  const userKey = { "x-cofactr-platform-key": "user-platform-key-0001" };

  it("answers a broken percent-encoding with 400 bad_url", async () => {
    const error = expectApiError(
      await rawRequest(server.url, "GET", "/api/jobs/%zz", userKey),
      400,
      "bad_url",
    );
    expect(error.message).toMatch(/percent-encoding/);
  });

  it("answers a 20,000-character URL with 431 in the same shape", async () => {
    const reply = await rawRequest(server.url, "GET", `/api/jobs/${"a".repeat(20_000)}`);
    expectApiError(reply, 431, "headers_too_large");
  });

  it.each([101, 255])("checks an id of %i characters (a route, not 404)", async (length) => {
    const reply = await rawRequest(server.url, "GET", `/api/jobs/${"j".repeat(length)}`, userKey);
    expect(reply.status).toBe(200);
    expect(upstream.requests.at(-1)?.url).toContain("j".repeat(length));
  });

  it.each([256, 1000, 12_000])(
    "refuses an id of %i characters with 422 naming it",
    async (length) => {
      const reply = await rawRequest(server.url, "GET", `/api/boms/${"b".repeat(length)}`, userKey);
      const error = expectApiError(reply, 422, "validation_error");
      expect(error.message).toBe("id: must be at most 255 characters");
    },
  );

  it.each([
    ["DELETE", "/api/jobs/abc", "GET, HEAD"],
    ["GET", "/api/parts/lookup", "POST"],
    ["POST", "/api/parts/search", "GET, HEAD"],
    ["PUT", "/api/health", "GET, HEAD"],
  ])("answers %s %s with 405 and Allow: %s", async (method, path, allow) => {
    const reply = await rawRequest(server.url, method, path, userKey);
    expectApiError(reply, 405, "method_not_allowed");
    expect(reply.headers.allow).toBe(allow);
  });

  it("still answers an unknown /api path with 404", async () => {
    expectApiError(await rawRequest(server.url, "GET", "/api/nothing/here"), 404, "not_found");
  });

  it("names a __proto__ key instead of calling the body invalid JSON", async () => {
    const body = '{"name": "x", "__proto__": {"polluted": true}}';
    const error = expectApiError(
      await rawRequest(server.url, "PUT", "/api/boms", { ...JSON_TYPE, ...userKey }, body),
      400,
      "forbidden_key",
    );
    expect(error.message).toMatch(/__proto__/);
    const nested = '{"name": "x", "metadata": {"constructor": {"prototype": {"a": 1}}}}';
    expectApiError(
      await rawRequest(server.url, "PUT", "/api/boms", { ...JSON_TYPE, ...userKey }, nested),
      400,
      "forbidden_key",
    );
  });

  it("answers an unsupported content type with 415 unsupported_media_type", async () => {
    const reply = await rawRequest(
      server.url,
      "PUT",
      "/api/boms",
      { "content-type": "text/csv", ...userKey },
      "a,b",
    );
    expectApiError(reply, 415, "unsupported_media_type");
  });

  it("refuses a body that is not valid UTF-8", async () => {
    const body = Buffer.concat([
      Buffer.from('{"name": "caf'),
      Buffer.from([0xe9]), // Latin-1 "é": not UTF-8
      Buffer.from('"}'),
    ]);
    const error = expectApiError(
      await rawRequest(server.url, "PUT", "/api/boms", { ...JSON_TYPE, ...userKey }, body),
      400,
      "invalid_encoding",
    );
    expect(error.message).toMatch(/UTF-8/);
    expect(upstream.requests.filter((r) => r.method === "PUT")).toHaveLength(0);
  });

  it("refuses a body declared as UTF-16, naming the charset", async () => {
    const body = Buffer.from('{"name": "x"}', "utf16le");
    const error = expectApiError(
      await rawRequest(
        server.url,
        "PUT",
        "/api/boms",
        { "content-type": "application/json; charset=utf-16", ...userKey },
        body,
      ),
      400,
      "unsupported_charset",
    );
    expect(error.message).toMatch(/charset=utf-16/);
  });

  it("accepts charset=UTF-8 spelt any way", async () => {
    const reply = await rawRequest(
      server.url,
      "PUT",
      "/api/boms",
      { "content-type": 'application/json; Charset="UTF-8"', ...userKey },
      JSON.stringify({ name: "Board" }),
    );
    expect(reply.status).toBe(202);
  });

  it("counts characters as code points in BOM fields", async () => {
    const emoji = "😀"; // one code point, two UTF-16 units
    const fits: UpsertBomBody = { name: emoji.repeat(255) };
    expect((await call(`${server.url}/api/boms`, "PUT", fits, userKey)).status).toBe(202);
    const over = await call(`${server.url}/api/boms`, "PUT", { name: "a".repeat(256) }, userKey);
    expect(over.status).toBe(422);
    expect(over.body.error.message).toBe("name: must be at most 255 characters");
  });
});

describe("code points in lookups", () => {
  it("takes a 255-emoji MPN (510 UTF-16 units) and refuses 256 characters", async () => {
    const graph = await startFakeUpstream((request) => {
      const batch = (request.body as { batch: unknown[] }).batch;
      return { body: batch.map(() => ({ code: 200, body: { data: [] } })) };
    });
    const server = await startTestApp({
      COFACTR_MODE: "cofactr",
      COFACTR_GRAPH_URL: graph.url,
      COFACTR_PLATFORM_URL: graph.url,
    });
    try {
      const keys = { "x-cofactr-client-id": "client-0001", "x-cofactr-api-key": "graph-key-0001" };
      const response = await call(
        `${server.url}/api/parts/lookup`,
        "POST",
        { queries: [{ mpn: "😀".repeat(255) }, { mpn: "a".repeat(256) }] },
        keys,
      );
      expect(response.status).toBe(200);
      expect(response.body.results[0].status).toBe("not_found");
      expect(response.body.results[1]).toEqual({
        status: "error",
        message: "The MPN is longer than 255 characters.",
      });
    } finally {
      await server.close();
      await graph.close();
    }
  });
});
