/** Cofactr mode against the emulator standing in for Cofactr: server-held keys behind a gateway
 * token, or each user's own keys forwarded; no key or token ever in a log line. */
import { GATEWAY_TOKEN_HEADER, USER_KEY_HEADERS } from "../../src/core/api";
import { startEmulator, type RunningEmulator } from "../../src/server/emulator";
import { startAddinServer, type RunningAddinServer } from "../../src/server/start";
import { call, captureLogs } from "./support/app-harness";

const CREDENTIALS = {
  graphClientId: "emu-client-4d2a9c",
  graphApiKey: "emu-graph-key-8b1f3e",
  platformApiKey: "emu-platform-key-6c0d7a",
};
const GATEWAY_TOKEN = "gateway-token-2f9e41-aaaaaaaaaa";
const FAST = { UPSTREAM_BACKOFF_MS: "20", UPSTREAM_DEADLINE_MS: "8000" };

const sheet = {
  name: "Gateway board",
  integration_record_id: "credentials-test",
  lines: [{ mpn: "LM317T", manufacturer_name: "TI", quantity: 1, reference_designators: ["U1"] }],
};

async function uploadAndRead(
  server: RunningAddinServer,
  headers: Record<string, string>,
): Promise<{ state: string; lines: number }> {
  const upsert = await call(`${server.url}/api/boms`, "PUT", sheet, headers);
  expect(upsert.status).toBe(202);
  for (let poll = 0; poll < 10; poll += 1) {
    const job = await call(
      `${server.url}/api/jobs/${upsert.body.job_id}`,
      "GET",
      undefined,
      headers,
    );
    expect(job.status).toBe(200);
    if (job.body.state === "success") {
      const bom = await call(
        `${server.url}/api/boms/${job.body.bom_id}`,
        "GET",
        undefined,
        headers,
      );
      return { state: job.body.state, lines: bom.body.lines.length };
    }
    if (job.body.state === "failure") return { state: "failure", lines: 0 };
  }
  throw new Error("job did not finish");
}

describe("Cofactr mode against the emulator", () => {
  let emulator: RunningEmulator;
  const logs = captureLogs();
  let serverKeys: RunningAddinServer;
  let userKeys: RunningAddinServer;

  beforeAll(async () => {
    emulator = await startEmulator({ credentials: CREDENTIALS });
    const upstream = {
      COFACTR_GRAPH_URL: emulator.graphUrl,
      COFACTR_PLATFORM_URL: emulator.platformUrl,
    };
    serverKeys = await startAddinServer({
      env: {
        ...FAST,
        ...upstream,
        COFACTR_CLIENT_ID: CREDENTIALS.graphClientId,
        COFACTR_GRAPH_API_KEY: CREDENTIALS.graphApiKey,
        COFACTR_PLATFORM_API_KEY: CREDENTIALS.platformApiKey,
        GATEWAY_TOKENS: GATEWAY_TOKEN,
      },
      logger: { level: "trace", stream: logs },
    });
    userKeys = await startAddinServer({
      env: { ...FAST, ...upstream, COFACTR_MODE: "cofactr" },
      logger: { level: "trace", stream: logs },
    });
  });
  afterAll(async () => {
    await serverKeys.close();
    await userKeys.close();
    await emulator.close();
  });

  it("with server keys: health is open, everything else needs the gateway token", async () => {
    expect(serverKeys.emulator).toBeNull();
    const health = await call(`${serverKeys.url}/api/health`, "GET");
    expect(health.body).toEqual({
      status: "ok",
      mode: "cofactr",
      gateway_token_required: true,
      version: expect.any(String),
    });
    emulator.resetStats();
    const refused = await call(`${serverKeys.url}/api/parts/lookup`, "POST", {
      queries: [{ mpn: "LM317T" }],
    });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("gateway_token_required");
    const badBom = await call(`${serverKeys.url}/api/boms`, "PUT", sheet, {
      [GATEWAY_TOKEN_HEADER]: "not-the-token",
    });
    expect(badBom.status).toBe(401);
    expect(emulator.stats().requests).toBe(0);

    const token = { [GATEWAY_TOKEN_HEADER]: GATEWAY_TOKEN };
    const found = await call(
      `${serverKeys.url}/api/parts/lookup`,
      "POST",
      { queries: [{ mpn: "LM317T", manufacturer: "TI" }] },
      token,
    );
    expect(found.body.results[0].status).toBe("found");
    await expect(uploadAndRead(serverKeys, token)).resolves.toEqual({ state: "success", lines: 1 });
  });

  it("with the user's keys: forwarded per request, refused when wrong or missing", async () => {
    const mine = {
      [USER_KEY_HEADERS.graphClientId]: CREDENTIALS.graphClientId,
      [USER_KEY_HEADERS.graphApiKey]: CREDENTIALS.graphApiKey,
      [USER_KEY_HEADERS.platformApiKey]: CREDENTIALS.platformApiKey,
    };
    const found = await call(
      `${userKeys.url}/api/parts/lookup`,
      "POST",
      { queries: [{ mpn: "2N7002", manufacturer: "onsemi" }] },
      mine,
    );
    expect(found.body.results[0].status).toBe("found");
    await expect(uploadAndRead(userKeys, mine)).resolves.toEqual({ state: "success", lines: 1 });

    const wrongGraph = await call(
      `${userKeys.url}/api/parts/lookup`,
      "POST",
      { queries: [{ mpn: "2N7002", manufacturer: "onsemi" }] },
      { ...mine, [USER_KEY_HEADERS.graphApiKey]: "wrong-graph-key-000" },
    );
    // Another user's keys never see the first user's cached answers: Cofactr refuses them.
    expect(wrongGraph.body.results[0]).toEqual({
      status: "error",
      message: expect.stringMatching(/HTTP 401/),
    });
    const wrongPlatform = await call(`${userKeys.url}/api/boms`, "PUT", sheet, {
      [USER_KEY_HEADERS.platformApiKey]: "wrong-platform-key-000",
    });
    expect(wrongPlatform.status).toBe(401);
    expect(wrongPlatform.body.error.code).toBe("upstream_unauthorized");
    const none = await call(`${userKeys.url}/api/jobs/some-job`, "GET");
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe("credentials_required");
  });

  it("never writes a key or token into a log line, failures included", async () => {
    emulator.setFaults({ rate502: 1 });
    try {
      const token = { [GATEWAY_TOKEN_HEADER]: GATEWAY_TOKEN };
      const failed = await call(
        `${serverKeys.url}/api/parts/lookup`,
        "POST",
        { queries: [{ mpn: "BC547B" }], refresh: true },
        token,
      );
      expect(failed.body.results[0].status).toBe("error");
      const job = await call(`${serverKeys.url}/api/jobs/x-1`, "GET", undefined, token);
      expect(job.status).toBe(502);
    } finally {
      emulator.resetFaults();
    }
    const text = logs.lines.join("\n");
    expect(text).toMatch(/incoming request/);
    expect(text).toMatch(/upstream failure/);
    for (const secret of [...Object.values(CREDENTIALS), GATEWAY_TOKEN, "not-the-token"]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain("wrong-graph-key-000");
    expect(text).not.toContain("wrong-platform-key-000");
  });
});
