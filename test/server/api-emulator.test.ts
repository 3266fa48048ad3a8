/** The add-in server's /api end to end over HTTP, against the embedded Cofactr emulator. */
import type {
  BomResponse,
  JobStatusResponse,
  LookupResponse,
  LookupResult,
} from "../../src/core/api";
import type { UpsertBomBody } from "../../src/core/cofactr";
import { startAddinServer, type RunningAddinServer } from "../../src/server/start";
import { call } from "./support/app-harness";

const ADMIN_TOKEN = "admin-token-for-tests-5b1c9e7d";
/** Generous attempt timeouts: on a loaded machine a 1,000-part search can take seconds, and a
 * retry would change the request counts asserted below. */
const FAST = {
  ADMIN_TOKENS: ADMIN_TOKEN,
  UPSTREAM_BACKOFF_MS: "20",
  UPSTREAM_ATTEMPT_TIMEOUT_MS: "15000",
  UPSTREAM_DEADLINE_MS: "20000",
};
/** Generating the emulator's catalogue takes seconds, more on a loaded machine. */
const START_TIMEOUT_MS = 120_000;

async function lookup(
  server: RunningAddinServer,
  queries: { mpn: string; manufacturer?: string | null }[],
  extra: Record<string, unknown> = {},
): Promise<LookupResult[]> {
  const response = await call(`${server.url}/api/parts/lookup`, "POST", { queries, ...extra });
  expect(response.status).toBe(200);
  return (response.body as LookupResponse).results;
}

function cpidOf(result: LookupResult | undefined): string | null {
  return result?.status === "found" ? result.part.cpid : null;
}

async function pollJob(server: RunningAddinServer, jobId: string): Promise<JobStatusResponse[]> {
  const seen: JobStatusResponse[] = [];
  for (let poll = 0; poll < 20; poll += 1) {
    const response = await call(`${server.url}/api/jobs/${jobId}`, "GET");
    expect(response.status).toBe(200);
    const job = response.body as JobStatusResponse;
    seen.push(job);
    if (job.state === "success" || job.state === "failure") return seen;
  }
  throw new Error(`job ${jobId} did not finish in 20 polls`);
}

describe("part lookups against the emulator", () => {
  let server: RunningAddinServer;
  beforeAll(async () => {
    server = await startAddinServer({ env: FAST });
  }, START_TIMEOUT_MS);
  afterAll(() => server.close());

  it("answers the health check in emulator mode", async () => {
    const health = await call(`${server.url}/api/health`, "GET");
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: "ok", mode: "emulator" });
    expect(server.emulator).not.toBeNull();
  });

  it("finds parts, says which are not found, and tells apart an MPN two makers share", async () => {
    const results = await lookup(server, [
      { mpn: "GCM21BR72A104KA37L", manufacturer: "Murata" },
      { mpn: "NOT-A-REAL-PART-123" },
      { mpn: "LM317T", manufacturer: "TI" },
      { mpn: "LM317T", manufacturer: "STMicroelectronics" },
      { mpn: "1N4148", manufacturer: "Diotec" },
      { mpn: "1N4148", manufacturer: "onsemi" },
      { mpn: "LM317T", manufacturer: "Yageo" },
    ]);
    expect(results).toHaveLength(7);
    const [murata, missing, lmTi, lmSt, diodeDiotec, diodeOnsemi, wrongMaker] = results;
    expect(murata?.status).toBe("found");
    if (murata?.status === "found") {
      expect(murata.part).toMatchObject({ cpid: "CC2DKKO1LUCF", mpn: "GCM21BR72A104KA37L" });
      expect(murata.part.manufacturer).toMatch(/Murata/);
      expect(murata.part.datasheet).toMatch(/^https?:\/\//);
      expect(murata.part.lifecycle).not.toBeNull();
      expect(murata.part.offers.length).toBeGreaterThan(0);
    }
    expect(missing).toEqual({
      status: "not_found",
      message: 'No part with MPN "NOT-A-REAL-PART-123" was found.',
      fetched_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    // When the offers were fetched: just now, for a first lookup.
    const fetchedAt = murata?.status === "found" ? Date.parse(murata.fetched_at ?? "") : NaN;
    expect(Math.abs(Date.now() - fetchedAt)).toBeLessThan(60_000);
    expect(lmTi?.status === "found" && lmTi.part.manufacturer).toMatch(/Texas Instruments/);
    expect(lmSt?.status === "found" && lmSt.part.manufacturer).toMatch(/STMicro/);
    expect(cpidOf(lmTi)).not.toBe(cpidOf(lmSt));
    expect(diodeDiotec?.status === "found" && diodeDiotec.part.manufacturer).toMatch(/Diotec/);
    expect(diodeOnsemi?.status === "found" && diodeOnsemi.part.manufacturer).toMatch(/onsemi/i);
    expect(wrongMaker?.status).toBe("not_found");
    if (wrongMaker?.status === "not_found") expect(wrongMaker.message).toMatch(/not from "Yageo"/);
  });

  it("reports lifecycle and total stock from product-v1, even for a part with no offers", async () => {
    const [obsolete] = await lookup(server, [{ mpn: "FT232BM", manufacturer: "FTDI" }]);
    expect(obsolete?.status).toBe("found");
    if (obsolete?.status === "found") {
      expect(obsolete.part.lifecycle).toBe("Obsolete");
      expect(obsolete.part.offers).toEqual([]);
      expect(obsolete.part.total_stock).toBe(0);
    }
  });

  it("costs Cofactr nothing for a repeated lookup; refresh and cache clear ask again", async () => {
    const queries = [
      { mpn: "LM317T", manufacturer: "Texas Instruments" },
      { mpn: "2N7002", manufacturer: "Vishay" },
      { mpn: "NO-SUCH-PART-42" },
    ];
    const first = await lookup(server, queries);
    const emulator = server.emulator;
    if (!emulator) throw new Error("no emulator");
    emulator.resetStats();
    const second = await lookup(server, queries);
    expect(second).toEqual(first);
    expect(emulator.stats().requests).toBe(0);
    expect(emulator.stats().meteredParts).toBe(0);

    await lookup(server, queries, { refresh: true });
    // The two known parts: their offers read again by id (one metered part each); the one not
    // found: searched again.
    expect(emulator.stats().requests).toBe(2);
    expect(emulator.stats().meteredParts).toBe(2);

    const refused = await call(`${server.url}/api/cache/clear`, "POST");
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("admin_token_required");
    const cleared = await call(`${server.url}/api/cache/clear`, "POST", undefined, {
      "x-admin-token": ADMIN_TOKEN,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.cleared).toBeGreaterThanOrEqual(3);
    emulator.resetStats();
    await lookup(server, queries);
    expect(emulator.stats().requests).toBe(2);
  });

  it("sends 1,000 distinct parts as a handful of batch requests", async () => {
    const { getCatalogue } = await import("../../src/server/emulator/catalogue");
    const products = getCatalogue().products.slice(0, 1000);
    const emulator = server.emulator;
    if (!emulator) throw new Error("no emulator");
    emulator.resetStats();
    const results = await lookup(
      server,
      products.map((p) => ({ mpn: p.mpn, manufacturer: p.mfr })),
    );
    expect(results.filter((r) => r.status === "found").length).toBe(products.length);
    // 4 search batches + 1 product-v1 batch.
    expect(emulator.stats().graphRequests).toBe(5);
  });
});

describe("resilience against the emulator's faults", () => {
  it("rides out a 429 storm from a concurrency ceiling of 1", async () => {
    const server = await startAddinServer({
      env: { ...FAST, UPSTREAM_CONCURRENCY: "4" },
      emulator: { faults: { concurrencyLimit: 1, retryAfterSeconds: 0.02, latencyMs: 10 } },
    });
    try {
      const { getCatalogue } = await import("../../src/server/emulator/catalogue");
      const products = getCatalogue().products.slice(0, 24);
      const all = await Promise.all(
        products.map((p) => lookup(server, [{ mpn: p.mpn, manufacturer: p.mfr }])),
      );
      expect(all.map((results) => results[0]?.status)).toEqual(products.map(() => "found"));
      expect(server.emulator?.stats().rejected).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it("retries 502s and 504s to success", async () => {
    const server = await startAddinServer({
      env: { ...FAST, UPSTREAM_MAX_ATTEMPTS: "12" },
      emulator: { faults: { rate502: 0.25, rate504: 0.1, retryAfterSeconds: 0.01 } },
    });
    try {
      const { getCatalogue } = await import("../../src/server/emulator/catalogue");
      const products = getCatalogue().products.slice(100, 140);
      for (const p of products) {
        const [result] = await lookup(server, [{ mpn: p.mpn, manufacturer: p.mfr }]);
        expect(result?.status).toBe("found");
      }
      expect(server.emulator?.stats().rejected).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});

describe("BOM upsert, job and BOM against the emulator", () => {
  let server: RunningAddinServer;
  beforeAll(async () => {
    server = await startAddinServer({ env: FAST });
  }, START_TIMEOUT_MS);
  afterAll(() => server.close());

  const sheet: UpsertBomBody = {
    name: "Power board",
    version: "B",
    integration_record_id: "workbook-7f1c/Sheet1",
    integration_source_name: "cofactr-excel",
    lines: [
      {
        mpn: "LM317T",
        manufacturer_name: "Texas Instruments",
        quantity: 2,
        reference_designators: ["U1", "U2"],
        reference_designators_string: "U1, U2",
        line_number: "1",
      },
      {
        mpn: "GCM21BR72A104KA37L",
        manufacturer_name: "Murata",
        quantity: 4,
        reference_designators: ["C1", "C2", "C3", "C4"],
        line_number: "2",
      },
      { mpn: "NOT-A-REAL-PART-999", quantity: 1, reference_designators: ["X1"], line_number: "3" },
    ],
  };

  it("upserts, follows the job to success and reads the BOM with matched lines", async () => {
    const upsert = await call(`${server.url}/api/boms`, "PUT", sheet);
    expect(upsert.status).toBe(202);
    const jobId = upsert.body.job_id as string;
    expect(typeof jobId).toBe("string");
    const polls = await pollJob(server, jobId);
    const states = polls.map((job) => job.state);
    expect(states.at(-1)).toBe("success");
    expect(states[0]).toBe("pending");
    const done = polls.at(-1) as JobStatusResponse;
    expect(done.bom_id).toEqual(expect.any(String));
    expect(done.created).toBe(true);

    const bom = await call(`${server.url}/api/boms/${done.bom_id}`, "GET");
    expect(bom.status).toBe(200);
    const body = bom.body as BomResponse;
    expect(body).toMatchObject({ id: done.bom_id, name: "Power board", version: "B" });
    expect(body.lines).toHaveLength(3);
    const byMpn = new Map(body.lines.map((line) => [line.mpn, line]));
    expect(byMpn.get("LM317T")?.match_status).toBe("matched");
    expect(byMpn.get("LM317T")?.part?.manufacturer).toMatch(/Texas Instruments/);
    expect(byMpn.get("LM317T")?.reference_designators).toEqual(["U1", "U2"]);
    expect(byMpn.get("GCM21BR72A104KA37L")?.part?.cpid).toBe("CC2DKKO1LUCF");
    expect(byMpn.get("NOT-A-REAL-PART-999")?.match_status).toBe("unmatched");
  });

  it("updates the same BOM when the same sheet is uploaded again", async () => {
    const first = await call(`${server.url}/api/boms`, "PUT", sheet);
    const firstJob = (await pollJob(server, first.body.job_id)).at(-1);
    const changed = { ...sheet, lines: sheet.lines?.slice(0, 2) };
    const second = await call(`${server.url}/api/boms`, "PUT", changed);
    const secondJob = (await pollJob(server, second.body.job_id)).at(-1);
    expect(secondJob?.state).toBe("success");
    expect(secondJob?.bom_id).toBe(firstJob?.bom_id);
    expect(secondJob?.created).toBe(false);
    const bom = await call(`${server.url}/api/boms/${secondJob?.bom_id}`, "GET");
    expect((bom.body as BomResponse).lines).toHaveLength(2);
  });

  it("reports a failed job as failure with Cofactr's message", async () => {
    server.emulator?.setFaults({ failNextJobs: 1 });
    try {
      const upsert = await call(`${server.url}/api/boms`, "PUT", { ...sheet, name: "Doomed" });
      const last = (await pollJob(server, upsert.body.job_id)).at(-1);
      expect(last?.state).toBe("failure");
      expect(last?.error).toEqual(expect.any(String));
    } finally {
      server.emulator?.resetFaults();
    }
  });

  it("refuses a bad body with 422 naming the field, before calling Cofactr", async () => {
    server.emulator?.resetStats();
    const bad = await call(`${server.url}/api/boms`, "PUT", {
      ...sheet,
      lines: [...(sheet.lines ?? []), { mpn: "x".repeat(300), quantity: 1 }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: "validation_error", field: "lines[3].mpn" });
    expect(server.emulator?.stats().requests).toBe(0);
  });

  it("answers 404 for an unknown job or BOM", async () => {
    const job = await call(`${server.url}/api/jobs/00000000-0000-0000-0000-000000000000`, "GET");
    expect(job.status).toBe(404);
    expect(job.body.error.code).toBe("not_found");
    const bom = await call(`${server.url}/api/boms/00000000-0000-0000-0000-000000000000`, "GET");
    expect(bom.status).toBe(404);
  });
});
