/** Issue 11, items 7, 8 and 10: token strength, throttled guessing, admin-only cache clearing,
 * and configurations that must not start. Over HTTP on loopback. */
import http from "node:http";
import { ADMIN_TOKEN_HEADER, GATEWAY_TOKEN_HEADER } from "../../src/core/api";
import { startAddinServer } from "../../src/server/start";
import { TokenSet } from "../../src/server/tokens";
import { startFakeUpstream, type FakeUpstream } from "./support/fake-upstream";
import { startTestApp, type TestApp } from "./support/app-harness";

const GATEWAY = "gateway-token-for-auth-tests-7a1b";
const ADMIN = "admin-token-for-auth-tests-3c4d5e";
const SERVER_KEYS = {
  COFACTR_CLIENT_ID: "auth-client-0a0b",
  COFACTR_GRAPH_API_KEY: "auth-graph-key-1c1d",
  COFACTR_PLATFORM_API_KEY: "auth-platform-key-2e2f",
  GATEWAY_TOKENS: GATEWAY,
};

/** A request from a chosen loopback address (127.0.0.x are all this machine on Linux). */
function send(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  localAddress = "127.0.0.1",
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: hostname, port, method, path, headers, localAddress, agent: false },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    request.on("error", reject);
    request.end();
  });
}

const codeOf = (reply: { body: string }) =>
  (JSON.parse(reply.body) as { error?: { code: string } }).error?.code;

describe("gateway tokens", () => {
  let upstream: FakeUpstream;
  let server: TestApp;
  beforeAll(async () => {
    upstream = await startFakeUpstream(() => ({ body: { id: "j", status: "PENDING" } }));
    server = await startTestApp({
      ...SERVER_KEYS,
      ADMIN_TOKENS: ADMIN,
      AUTH_FAILURES_PER_MINUTE: "5",
      COFACTR_GRAPH_URL: upstream.url,
      COFACTR_PLATFORM_URL: upstream.url,
    });
  });
  afterAll(async () => {
    await server.close();
    await upstream.close();
  });

  it("turns an address away after too many wrong tokens, even when it then guesses right", async () => {
    const from = "127.0.0.3";
    for (let guess = 0; guess < 5; guess += 1) {
      const wrong = { [GATEWAY_TOKEN_HEADER]: `wrong-guess-${guess}-0123456789abcdef` };
      const reply = await send(server.url, "GET", "/api/jobs/j", wrong, from);
      expect(reply.status).toBe(401);
      expect(codeOf(reply)).toBe("gateway_token_invalid");
    }
    const sixth = await send(
      server.url,
      "GET",
      "/api/jobs/j",
      { [GATEWAY_TOKEN_HEADER]: "wrong-guess-6-0123456789abcdef" },
      from,
    );
    expect(sixth.status).toBe(429);
    expect(codeOf(sixth)).toBe("too_many_failed_attempts");
    expect(Number(sixth.headers["retry-after"])).toBeGreaterThan(0);
    const right = await send(
      server.url,
      "GET",
      "/api/jobs/j",
      { [GATEWAY_TOKEN_HEADER]: GATEWAY },
      from,
    );
    expect(right.status).toBe(429);
    // Another address is not affected; a missing token is not counted as a guess.
    const other = await send(
      server.url,
      "GET",
      "/api/jobs/j",
      { [GATEWAY_TOKEN_HEADER]: GATEWAY },
      "127.0.0.4",
    );
    expect(other.status).toBe(200);
  });

  it("needs an admin token, not a gateway token, to clear the shared cache", async () => {
    const from = "127.0.0.5";
    const gatewayOnly = { [GATEWAY_TOKEN_HEADER]: GATEWAY };
    const noAdmin = await send(server.url, "POST", "/api/cache/clear", gatewayOnly, from);
    expect(noAdmin.status).toBe(401);
    expect(codeOf(noAdmin)).toBe("admin_token_required");
    const gatewayAsAdmin = await send(
      server.url,
      "POST",
      "/api/cache/clear",
      { ...gatewayOnly, [ADMIN_TOKEN_HEADER]: GATEWAY },
      from,
    );
    expect(gatewayAsAdmin.status).toBe(401);
    expect(codeOf(gatewayAsAdmin)).toBe("admin_token_invalid");
    const admin = await send(
      server.url,
      "POST",
      "/api/cache/clear",
      { ...gatewayOnly, [ADMIN_TOKEN_HEADER]: ADMIN },
      from,
    );
    expect(admin.status).toBe(200);
    expect(JSON.parse(admin.body)).toEqual({ cleared: 0 });
  });

  it("has cache clearing switched off when no admin token is configured", async () => {
    const plain = await startTestApp({ COFACTR_MODE: "cofactr" });
    try {
      const reply = await send(plain.url, "POST", "/api/cache/clear", {
        [ADMIN_TOKEN_HEADER]: ADMIN,
      });
      expect(reply.status).toBe(403);
      expect(codeOf(reply)).toBe("admin_disabled");
    } finally {
      await plain.close();
    }
  });
});

describe("TokenSet", () => {
  it("matches only whole tokens, any of several, ignoring surrounding spaces", () => {
    const tokens = new TokenSet([GATEWAY, ADMIN]);
    expect(tokens.matches(GATEWAY)).toBe(true);
    expect(tokens.matches(` ${ADMIN} `)).toBe(true);
    expect(tokens.matches(GATEWAY.slice(0, -1))).toBe(false);
    expect(tokens.matches(`${GATEWAY}x`)).toBe(false);
    expect(tokens.matches("")).toBe(false);
  });
});

describe("configurations that must not start", () => {
  const start = (env: Record<string, string>) =>
    startAddinServer({ env: { ADDIN_DIST: "/nonexistent-dist", ...env } });

  it.each([
    [
      { GATEWAY_TOKENS: "a" },
      /GATEWAY_TOKENS: token 1 has 1 characters; each token needs at least 24/,
    ],
    [{ ADMIN_TOKENS: `${ADMIN},short-one` }, /ADMIN_TOKENS: token 2 has 9 characters/],
    [
      { COFACTR_GRAPH_API_KEY: "only-the-graph-key-1234" },
      /COFACTR_GRAPH_API_KEY is set but COFACTR_CLIENT_ID and COFACTR_PLATFORM_API_KEY are not/,
    ],
    [
      { COFACTR_CLIENT_ID: "client", COFACTR_GRAPH_API_KEY: "graph-key-1234" },
      /COFACTR_CLIENT_ID and COFACTR_GRAPH_API_KEY are set but COFACTR_PLATFORM_API_KEY is not/,
    ],
    [
      { COFACTR_PLATFORM_API_KEY: "platform-key-1234", GATEWAY_TOKENS: GATEWAY },
      /but COFACTR_CLIENT_ID and COFACTR_GRAPH_API_KEY are not/,
    ],
    [{ API_DEADLINE_MS: "24000" }, /API_DEADLINE_MS/],
  ])("refuses %j", async (env, message) => {
    await expect(start(env)).rejects.toThrow(message);
  });

  it("starts with all three keys and a long enough token", async () => {
    const server = await start({ ...SERVER_KEYS, ADMIN_TOKENS: ADMIN });
    try {
      const health = await fetch(`${server.url}/api/health`);
      expect(await health.json()).toMatchObject({ mode: "cofactr", gateway_token_required: true });
      expect(server.emulator).toBeNull();
    } finally {
      await server.close();
    }
  });
});
