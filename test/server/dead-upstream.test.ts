/** A dead Cofactr gives error results and error responses within the deadline, never a hang. */
import { GATEWAY_TOKEN_HEADER } from "../../src/core/api";
import { startAddinServer, type RunningAddinServer } from "../../src/server/start";
import { call } from "./support/app-harness";
import { closedPortUrl, startFakeUpstream, type FakeUpstream } from "./support/fake-upstream";

/** A dead or silent Cofactr must end in an error, never a hang: a test still running after this
 * fails. A silent Cofactr's deadlines are 0.3–1 s, a refused one's at most 8 s (REFUSED_KEYS),
 * and it answers at once; the rest is margin for a loaded machine. */
const HANG_GUARD_MS = 10_000;

const KEYS = {
  COFACTR_MODE: "cofactr",
  COFACTR_CLIENT_ID: "dead-client",
  COFACTR_GRAPH_API_KEY: "dead-graph-key",
  COFACTR_PLATFORM_API_KEY: "dead-platform-key",
  GATEWAY_TOKENS: "dead-token-0123456789abcdefgh",
  UPSTREAM_BACKOFF_MS: "20",
  UPSTREAM_ATTEMPT_TIMEOUT_MS: "300",
  UPSTREAM_DEADLINE_MS: "1000",
};
const TOKEN = { [GATEWAY_TOKEN_HEADER]: "dead-token-0123456789abcdefgh" };

/**
 * A refused connection is answered in well under a millisecond, but a busy machine may not run
 * the server for longer than a 0.3 s attempt: the attempt would time out first and the caller
 * hear "did not answer" (504) instead of "could not be reached" (502). Where the port is closed
 * the attempts get seconds, so the refusal is what the caller hears, still within the guard.
 */
const REFUSED_KEYS = { ...KEYS, UPSTREAM_ATTEMPT_TIMEOUT_MS: "2500", UPSTREAM_DEADLINE_MS: "8000" };

describe("a Cofactr that cannot be reached", () => {
  let server: RunningAddinServer;
  beforeAll(async () => {
    const nowhere = await closedPortUrl();
    server = await startAddinServer({
      env: { ...REFUSED_KEYS, COFACTR_GRAPH_URL: nowhere, COFACTR_PLATFORM_URL: nowhere },
    });
  });
  afterAll(() => server.close());

  it(
    "answers every lookup with an error result naming the cause",
    async () => {
      expect(server.emulator).toBeNull();
      const response = await call(
        `${server.url}/api/parts/lookup`,
        "POST",
        { queries: [{ mpn: "LM317T" }, { mpn: "" }, { mpn: "LM317T" }] },
        TOKEN,
      );
      expect(response.status).toBe(200);
      expect(response.body.results).toEqual([
        {
          status: "error",
          message: expect.stringMatching(/could not be reached \(ECONNREFUSED\)/),
        },
        { status: "error", message: "The MPN is empty." },
        { status: "error", message: expect.stringMatching(/could not be reached/) },
      ]);
    },
    HANG_GUARD_MS,
  );

  it(
    "answers BOM calls with 502 upstream_unavailable naming the cause",
    async () => {
      const upsert = await call(`${server.url}/api/boms`, "PUT", { name: "B" }, TOKEN);
      expect(upsert.body.error).toMatchObject({
        code: "upstream_unavailable",
        message: expect.stringMatching(/ECONNREFUSED/),
      });
      expect(upsert.status).toBe(502);
    },
    HANG_GUARD_MS,
  );
});

describe("a Cofactr that never answers", () => {
  let server: RunningAddinServer;
  let silent: FakeUpstream;
  beforeAll(async () => {
    silent = await startFakeUpstream(() => ({ hang: true }));
    server = await startAddinServer({
      env: { ...KEYS, COFACTR_GRAPH_URL: silent.url, COFACTR_PLATFORM_URL: silent.url },
    });
  });
  afterAll(async () => {
    await server.close();
    await silent.close();
  });

  it(
    "gives error results once the deadline passes",
    async () => {
      const response = await call(
        `${server.url}/api/parts/lookup`,
        "POST",
        { queries: [{ mpn: "LM317T", manufacturer: "TI" }] },
        TOKEN,
      );
      // Three 0.3 s attempts end just before the 1 s deadline; on a loaded machine the
      // deadline may come first. Either way the message says how long Cofactr had.
      expect(response.body.results).toEqual([
        {
          status: "error",
          message: expect.stringMatching(
            /^Knowledge Graph batch: Cofactr did not answer within (0\.3 s \(after 3 attempts\)|1 s)$/,
          ),
        },
      ]);
      expect(silent.requests.length).toBeGreaterThanOrEqual(2);
    },
    HANG_GUARD_MS,
  );

  it("answers a job poll with 504 upstream_timeout", async () => {
    const job = await call(`${server.url}/api/jobs/j-1`, "GET", undefined, TOKEN);
    expect(job.status).toBe(504);
    expect(job.body.error.code).toBe("upstream_timeout");
  });
});
