/** The add-in server over real HTTPS on an ephemeral port: health, static files, JSON 404s. */
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { generateCertificates } from "office-addin-dev-certs";
import { buildApp } from "../../src/server/app";
import { readConfig } from "../../src/server/config";

interface Reply {
  status: number;
  type: string;
  body: string;
}

function get(url: string, ca: Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            type: String(response.headers["content-type"] ?? ""),
            body,
          }),
        );
      })
      .on("error", reject);
  });
}

describe("add-in server over HTTPS", () => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "cofactr-static-"));
  const distDir = path.join(workDir, "dist");
  let app: FastifyInstance;
  let base: string;
  let ca: Buffer;

  beforeAll(async () => {
    fs.mkdirSync(distDir);
    fs.writeFileSync(path.join(distDir, "taskpane.html"), "<!doctype html><title>pane</title>");
    fs.writeFileSync(path.join(distDir, "functions.json"), '{"functions":[]}');
    fs.writeFileSync(path.join(distDir, "manifest.xml"), "<OfficeApp/>");
    const caPath = path.join(workDir, "ca.crt");
    const certPath = path.join(workDir, "localhost.crt");
    const keyPath = path.join(workDir, "localhost.key");
    await generateCertificates(caPath, certPath, keyPath, 1);
    ca = fs.readFileSync(caPath);
    const config = readConfig({ ADDIN_DIST: distDir, PORT: "0", LOG_LEVEL: "silent" });
    app = buildApp({
      config,
      https: { key: fs.readFileSync(keyPath), cert: fs.readFileSync(certPath) },
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    base = `https://localhost:${address.port}`;
  });

  afterAll(async () => {
    await app.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("reports the emulator mode when no Cofactr credentials are configured", async () => {
    const reply = await get(`${base}/api/health`, ca);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ status: "ok", mode: "emulator" });
  });

  it.each([
    ["/taskpane.html", "text/html", "<title>pane</title>"],
    ["/functions.json", "application/json", '"functions"'],
    ["/manifest.xml", "xml", "<OfficeApp/>"],
  ])("serves %s from the built add-in", async (file, type, content) => {
    const reply = await get(`${base}${file}`, ca);
    expect(reply.status).toBe(200);
    expect(reply.type).toContain(type);
    expect(reply.body).toContain(content);
  });

  it("answers an unknown /api route with a JSON 404", async () => {
    const reply = await get(`${base}/api/no-such-route`, ca);
    expect(reply.status).toBe(404);
    expect(reply.type).toContain("application/json");
    expect(JSON.parse(reply.body)).toEqual({
      error: { code: "not_found", message: "No API route GET /api/no-such-route" },
    });
  });

  it("answers an unknown file with a plain 404", async () => {
    const reply = await get(`${base}/nothing-here.js`, ca);
    expect(reply.status).toBe(404);
    expect(reply.type).not.toContain("json");
  });
});
