/** The CLI's /api client: localhost HTTPS with a self-signed certificate, errors, the token,
 * answers checked against their schema. */
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { generateCertificates } from "office-addin-dev-certs";
import { ApiClient, tlsAgentFor } from "../../src/cli/http";
import { ApiRequestError } from "../../src/core/api-call";
import { healthResponseSchema, upsertBomResponseSchema } from "../../src/core/api-schemas";

describe("tlsAgentFor", () => {
  it("is lenient only for https on loopback hosts", () => {
    for (const host of ["localhost", "127.0.0.1", "[::1]"]) {
      expect(tlsAgentFor(new URL(`https://${host}:3000`))?.options.rejectUnauthorized).toBe(false);
    }
    expect(tlsAgentFor(new URL("https://example.com"))).toBeUndefined();
    expect(tlsAgentFor(new URL("https://localhost.example.com"))).toBeUndefined();
    expect(tlsAgentFor(new URL("http://localhost:3000"))).toBeUndefined();
  });
});

describe("ApiClient over HTTPS with a self-signed certificate", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cofactr-cli-tls-"));
  let server: https.Server;
  let port: number;
  const seen: { token?: string; body?: string }[] = [];

  beforeAll(async () => {
    const certPath = path.join(dir, "localhost.crt");
    const keyPath = path.join(dir, "localhost.key");
    await generateCertificates(path.join(dir, "ca.crt"), certPath, keyPath, 1);
    server = https.createServer(
      { key: fs.readFileSync(keyPath), cert: fs.readFileSync(certPath) },
      (request, response) => {
        let body = "";
        request.on("data", (chunk) => (body += chunk));
        request.on("end", () => {
          seen.push({ token: request.headers["x-gateway-token"] as string | undefined, body });
          response.setHeader("content-type", "application/json");
          if (request.url === "/api/health") {
            response.end(JSON.stringify({ status: "ok", mode: "emulator" }));
          } else if (request.url === "/api/v2/health") {
            // A server of another version: same route, other words.
            response.end(JSON.stringify({ status: "ok", mode: "production" }));
          } else if (request.url === "/api/silent") {
            return; // never answers; the caller gives up
          } else if (request.url === "/api/busy") {
            response.statusCode = 503;
            response.setHeader("retry-after", "2");
            response.end("Service Unavailable");
          } else {
            response.statusCode = 422;
            response.end(
              JSON.stringify({
                error: { code: "validation_error", message: "lines[0].mpn: is required" },
              }),
            );
          }
        });
      },
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("talks to https://localhost and sends the gateway token", async () => {
    const client = new ApiClient({ server: `https://localhost:${port}`, token: "secret-token" });
    await expect(client.call("GET", "/api/health", healthResponseSchema)).resolves.toEqual({
      status: "ok",
      mode: "emulator",
    });
    expect(seen[seen.length - 1]?.token).toBe("secret-token");
  });

  it("turns an /api error body into an ApiRequestError with status and code", async () => {
    const client = new ApiClient({ server: `https://127.0.0.1:${port}` });
    const failure = client.call("PUT", "/api/boms", upsertBomResponseSchema, { name: "x" });
    await expect(failure).rejects.toBeInstanceOf(ApiRequestError);
    await expect(failure).rejects.toMatchObject({
      status: 422,
      code: "validation_error",
      message: "PUT /api/boms: 422 lines[0].mpn: is required",
    });
    expect(seen[seen.length - 1]?.body).toBe('{"name":"x"}');
  });

  it("refuses an answer that does not fit the route's schema, naming the field", async () => {
    const client = new ApiClient({ server: `https://localhost:${port}` });
    const failure = client.call("GET", "/api/v2/health", healthResponseSchema);
    await expect(failure).rejects.toBeInstanceOf(ApiRequestError);
    await expect(failure).rejects.toMatchObject({
      status: 200,
      code: "bad_response",
      message: expect.stringMatching(
        /^GET \/api\/v2\/health: Unexpected response from the add-in server \(mode: .*"emulator"\|"cofactr"/,
      ),
    });
  });

  it("reports an error without a body as the pane does, with its Retry-After", async () => {
    const client = new ApiClient({ server: `https://localhost:${port}` });
    const failure = client.call("GET", "/api/busy", healthResponseSchema);
    await expect(failure).rejects.toMatchObject({
      status: 503,
      code: "http_error",
      retryAfterMs: 2000,
      transient: true,
      message: "GET /api/busy: 503 The add-in server answered 503 without an explanation.",
    });
  });

  it("gives up when its signal aborts, with the signal's reason", async () => {
    const client = new ApiClient({ server: `https://localhost:${port}` });
    const controller = new AbortController();
    const failure = client.call(
      "GET",
      "/api/silent",
      healthResponseSchema,
      undefined,
      controller.signal,
    );
    setTimeout(() => controller.abort(new Error("the user pressed Ctrl+C")), 20);
    await expect(failure).rejects.toThrow("the user pressed Ctrl+C");
  });

  it("says a request timed out, as a failure to reach the server", async () => {
    const client = new ApiClient({ server: `https://localhost:${port}`, timeoutMs: 50 });
    await expect(client.call("GET", "/api/silent", healthResponseSchema)).rejects.toMatchObject({
      status: 0,
      code: "network",
      transient: true,
      message: expect.stringMatching(
        /^GET https:\/\/localhost:\d+\/api\/silent: no answer within 50 ms$/,
      ),
    });
  });

  it("rejects a server URL that is not http(s)", () => {
    expect(() => new ApiClient({ server: "ftp://localhost" })).toThrow(
      /must be http:\/\/ or https:\/\//,
    );
    expect(() => new ApiClient({ server: "not a url" })).toThrow(/is not a URL/);
  });
});
