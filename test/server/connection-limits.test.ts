/** Issue 11, item 1: slow and idle clients over real sockets. Each test opens a handful of
 * loopback connections and waits at most a few seconds (the guards below). */
import { GATEWAY_TOKEN_HEADER } from "../../src/core/api";
import { startTestApp, type TestApp } from "./support/app-harness";
import { openSocket } from "./support/raw-http";

/** A connection still open after this has not been cut off. */
const GUARD_MS = 6_000;

const SERVER_KEYS = {
  COFACTR_CLIENT_ID: "limits-client-1f2e",
  COFACTR_GRAPH_API_KEY: "limits-graph-key-3d4c",
  COFACTR_PLATFORM_API_KEY: "limits-platform-key-5b6a",
  GATEWAY_TOKENS: "limits-gateway-token-0123456789",
  COFACTR_GRAPH_URL: "http://127.0.0.1:9",
  COFACTR_PLATFORM_URL: "http://127.0.0.1:9",
};

describe("timeouts and connection caps", () => {
  let server: TestApp;
  beforeAll(async () => {
    server = await startTestApp({
      ...SERVER_KEYS,
      HEADERS_TIMEOUT_MS: "600",
      BODY_TIMEOUT_MS: "1500",
      KEEP_ALIVE_TIMEOUT_MS: "500",
      MAX_CONNECTIONS_PER_ADDRESS: "4",
    });
  });
  afterAll(() => server.close());

  it("cuts off a client without a token that sends its body a byte at a time", async () => {
    const client = await openSocket(server.url);
    client.socket.write(
      "POST /api/parts/lookup HTTP/1.1\r\nHost: test\r\ncontent-type: application/json\r\n" +
        "content-length: 1000\r\n\r\n{",
    );
    const drip = setInterval(() => client.socket.write(" "), 200);
    try {
      const outcome = await client.closed(GUARD_MS);
      expect(outcome.closed).toBe(true);
      // Well before the guard: the body timeout (1.5 s) plus Node's check interval.
      expect(outcome.afterMs).toBeLessThan(GUARD_MS - 1000);
    } finally {
      clearInterval(drip);
      client.socket.destroy();
    }
  });

  it("cuts off a client with a token whose body never finishes, answering 408 in the /api shape", async () => {
    const client = await openSocket(server.url);
    client.socket.write(
      "PUT /api/boms HTTP/1.1\r\nHost: test\r\ncontent-type: application/json\r\n" +
        `${GATEWAY_TOKEN_HEADER}: ${SERVER_KEYS.GATEWAY_TOKENS}\r\ncontent-length: 1000\r\n\r\n{`,
    );
    const drip = setInterval(() => client.socket.write(" "), 200);
    try {
      const outcome = await client.closed(GUARD_MS);
      expect(outcome.closed).toBe(true);
      const reply = client.received();
      expect(reply).toMatch(/^HTTP\/1\.1 408 /);
      expect(reply).toMatch(/x-content-type-options: nosniff/i);
      const body = JSON.parse(reply.slice(reply.indexOf("\r\n\r\n") + 4)) as {
        error: { code: string };
      };
      expect(body.error.code).toBe("request_timeout");
    } finally {
      clearInterval(drip);
      client.socket.destroy();
    }
  });

  it("cuts off a client whose headers never end", async () => {
    const client = await openSocket(server.url);
    client.socket.write("GET /api/health HTTP/1.1\r\nHost: test\r\n");
    const drip = setInterval(() => client.socket.write("x-slow: 1\r\n"), 100);
    try {
      const outcome = await client.closed(GUARD_MS);
      expect(outcome.closed).toBe(true);
      expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      clearInterval(drip);
      client.socket.destroy();
    }
  });

  it("closes an idle kept-alive connection after the keep-alive timeout", async () => {
    const client = await openSocket(server.url);
    client.socket.write("GET /api/health HTTP/1.1\r\nHost: test\r\n\r\n");
    const outcome = await client.closed(GUARD_MS);
    expect(client.received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(outcome.closed).toBe(true);
  });

  it("closes connections over the per-address cap at once, and takes new ones when some end", async () => {
    const held = await Promise.all([1, 2, 3, 4].map(() => openSocket(server.url)));
    try {
      // Keep the four busy with a slow body so that none is closed as idle meanwhile.
      held.forEach((client) =>
        client.socket.write("PUT /api/boms HTTP/1.1\r\nHost: test\r\ncontent-length: 10\r\n\r\n"),
      );
      const extra = await openSocket(server.url);
      const refused = await extra.closed(GUARD_MS);
      expect(refused.closed).toBe(true);
      expect(extra.received()).toBe("");
      held[0]?.socket.destroy();
      await held[0]?.closed(GUARD_MS);
      const next = await openSocket(server.url);
      next.socket.write("GET /api/health HTTP/1.1\r\nHost: test\r\nconnection: close\r\n\r\n");
      await next.closed(GUARD_MS);
      expect(next.received()).toMatch(/^HTTP\/1\.1 200 /);
    } finally {
      held.forEach((client) => client.socket.destroy());
    }
  });
});
