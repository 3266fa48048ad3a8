import { UpstreamError } from "../../../src/server/upstream/errors";
import { sendJson } from "../../../src/server/upstream/http";
import { UpstreamPolicy } from "../../../src/server/upstream/resilience";
import { closedPortUrl, startFakeUpstream, type FakeUpstream } from "../support/fake-upstream";
import { fastTuning } from "../support/tuning";

/** A dead or silent Cofactr must end in an error, never a hang: a test still running after this
 * fails. The deadlines under test are 0.3–1.5 s; the rest is margin for a loaded machine. */
const HANG_GUARD_MS = 10_000;

function getJson(policy: UpstreamPolicy, url: string): Promise<unknown> {
  return policy.run("test call", async ({ signal }) => {
    const response = await sendJson("test call", { method: "GET", url, headers: {} }, signal);
    return response.body;
  });
}

describe("UpstreamPolicy with sendJson", () => {
  let fake: FakeUpstream | null = null;
  afterEach(async () => {
    await fake?.close();
    fake = null;
  });

  it("retries 429 honouring a fractional Retry-After, then succeeds", async () => {
    fake = await startFakeUpstream((_, index) =>
      index < 2
        ? { status: 429, headers: { "retry-after": "0.2" }, body: { detail: "slow down" } }
        : { body: { ok: true } },
    );
    const started = Date.now();
    await expect(getJson(new UpstreamPolicy(fastTuning()), fake.url)).resolves.toEqual({
      ok: true,
    });
    expect(fake.requests).toHaveLength(3);
    // Two waits of at least 0.2 s each: the Retry-After was honoured, not the 10 ms backoff.
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it("retries 502, 503 and 504 up to maxAttempts", async () => {
    fake = await startFakeUpstream((_, index) => ({
      status: [502, 503, 504][index] ?? 200,
      body: {},
    }));
    const policy = new UpstreamPolicy(fastTuning({ maxAttempts: 4 }));
    await expect(getJson(policy, fake.url)).resolves.toEqual({});
    expect(fake.requests).toHaveLength(4);
  });

  it("gives up after maxAttempts transient failures with the last status", async () => {
    fake = await startFakeUpstream(() => ({ status: 502, body: { detail: "bad gateway" } }));
    const policy = new UpstreamPolicy(fastTuning({ maxAttempts: 3 }));
    const error = (await getJson(policy, fake.url).catch((e: unknown) => e)) as UpstreamError;
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.status).toBe(502);
    expect(error.message).toMatch(/HTTP 502.*after 3 attempts/);
    expect(fake.requests).toHaveLength(3);
  });

  it.each([400, 401, 403, 404, 422, 500])("never retries HTTP %i", async (status) => {
    fake = await startFakeUpstream(() => ({ status, body: { detail: "no" } }));
    const error = (await getJson(new UpstreamPolicy(fastTuning()), fake.url).catch(
      (e: unknown) => e,
    )) as UpstreamError;
    expect(error.status).toBe(status);
    expect(fake.requests).toHaveLength(1);
  });

  it(
    "does not wait for a Retry-After beyond the deadline",
    async () => {
      fake = await startFakeUpstream(() => ({ status: 429, headers: { "retry-after": "60" } }));
      const error = (await getJson(new UpstreamPolicy(fastTuning()), fake.url).catch(
        (e: unknown) => e,
      )) as UpstreamError;
      expect(error.status).toBe(429);
      expect(error.message).toMatch(/retry not possible in time/);
      expect(fake.requests).toHaveLength(1);
    },
    HANG_GUARD_MS,
  );

  it(
    "fails fast against a closed port (network errors, retried then reported)",
    async () => {
      const url = await closedPortUrl();
      const error = (await getJson(new UpstreamPolicy(fastTuning()), url).catch(
        (e: unknown) => e,
      )) as UpstreamError;
      expect(error.kind).toBe("network");
      expect(error.message).toMatch(/could not be reached \(ECONNREFUSED\).*after 3 attempts/);
    },
    HANG_GUARD_MS,
  );

  it(
    "times out attempts against a server that never answers, within the deadline",
    async () => {
      fake = await startFakeUpstream(() => ({ hang: true }));
      const policy = new UpstreamPolicy(
        fastTuning({ attemptTimeoutMs: 200, deadlineMs: 1_500, maxAttempts: 10 }),
      );
      const error = (await getJson(policy, fake.url).catch((e: unknown) => e)) as UpstreamError;
      expect(error.kind).toBe("timeout");
      expect(error.message).toMatch(/did not answer within 1.5 s/);
      expect(fake.requests.length).toBeGreaterThanOrEqual(2);
    },
    HANG_GUARD_MS,
  );

  it("caps attempts in flight at the configured concurrency", async () => {
    fake = await startFakeUpstream(() => ({ delayMs: 50, body: { ok: true } }));
    const policy = new UpstreamPolicy(fastTuning({ concurrency: 3 }));
    const url = fake.url;
    await Promise.all(Array.from({ length: 12 }, () => getJson(policy, url)));
    expect(fake.requests).toHaveLength(12);
    expect(fake.peakInFlight).toBe(3);
  });

  it("reads an empty 2xx body as null and refuses invalid JSON without retrying", async () => {
    fake = await startFakeUpstream((request) =>
      request.url === "/empty" ? { status: 204 } : { headers: {}, body: undefined, status: 200 },
    );
    const policy = new UpstreamPolicy(fastTuning());
    await expect(getJson(policy, `${fake.url}/empty`)).resolves.toBeNull();
    const broken = await startFakeUpstream(() => ({ rawBody: "{not json" }));
    try {
      const error = (await getJson(policy, broken.url).catch((e: unknown) => e)) as UpstreamError;
      expect(error.kind).toBe("bad_response");
      expect(broken.requests).toHaveLength(1);
    } finally {
      await broken.close();
    }
  });
});
