/** The Platform mount over HTTP: auth, trailing slashes, validation, async upsert jobs, BOMs. */
import type { UpsertBomBody } from "../../../src/core/cofactr";
import { startEmulator, type RunningEmulator } from "../../../src/server/emulator";
import { platformCall, pollJob, type Body } from "./support";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

async function upsert(body: unknown, headers?: Record<string, string>): Promise<string> {
  const response = await platformCall(
    emulator,
    "PUT",
    "/v1/integrations/async_boms/",
    body,
    headers && { Authorization: "Api-Key demo-platform-key", ...headers },
  );
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(typeof response.body).toBe("string");
  return response.body as string;
}

const glasgowLines: UpsertBomBody["lines"] = [
  {
    mpn: "LMK107BJ475KAHT",
    manufacturer_name: "Taiyo Yuden",
    quantity: 14,
    reference_designators_string: "C1 C14 C19",
    line_number: "1",
  },
  {
    mpn: "RC0402FR-1310KL",
    manufacturer_name: "Yageo",
    quantity: 8,
    reference_designators_string: "R12 R18",
    line_number: "2",
  },
  {
    mpn: "TPD3S014DBVR",
    manufacturer_name: "TI",
    quantity: 1,
    reference_designators_string: "U15",
    line_number: "3",
  },
  {
    mpn: "NOT-A-REAL-PART-42",
    manufacturer_name: null,
    quantity: 2,
    reference_designators_string: "X1 X2",
    line_number: "4",
  },
  {
    mpn: "GRM188R71C104KA01D",
    manufacturer_name: "Samsung",
    quantity: 1,
    reference_designators_string: "C99",
    line_number: "5",
  },
  {
    mpn: null,
    quantity: 1,
    reference_designators_string: "H1",
    is_custom_part: true,
    description: "Mounting hole",
    line_number: "6",
  },
];

describe("cross-cutting rules", () => {
  it("needs `Authorization: Api-Key <key>` exactly", async () => {
    const variants: Record<string, string>[] = [
      {},
      { Authorization: "api-key demo-platform-key" },
      { Authorization: "Bearer demo-platform-key" },
      { Authorization: "Api-Key wrong" },
      { Authorization: "Api-Key  demo-platform-key" },
    ];
    for (const headers of variants) {
      const response = await platformCall(emulator, "GET", "/v1/boms/", undefined, headers);
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ detail: "Unauthorized" });
    }
    expect((await platformCall(emulator, "GET", "/v1/boms/")).status).toBe(200);
  });

  it("answers 404 without redirect when the trailing slash is missing", async () => {
    for (const [method, path] of [
      ["GET", "/v1/boms"],
      ["PUT", "/v1/integrations/async_boms"],
      ["POST", "/v1/parse_raw_bom"],
      ["GET", "/v1/async_jobs/00000000-0000-0000-0000-000000000000"],
    ] as const) {
      const response = await platformCall(
        emulator,
        method,
        path,
        method === "GET" ? undefined : { name: "x" },
      );
      expect(response.status).toBe(404);
      expect(response.headers.get("location")).toBeNull();
      expect(response.body).toEqual({ detail: "Not Found" });
    }
  });
});

describe("PUT /v1/integrations/async_boms/ validation", () => {
  it("422 names each bad field django-ninja style, and creates no job", async () => {
    emulator.resetStats();
    const lines = [
      { mpn: "A", quantity: 1 },
      { mpn: "B", quantity: 1 },
      { mpn: "C", quantity: 1 },
      { quantity: 1 },
      { mpn: "", quantity: 1 },
      { mpn: "E", quantity: 2.5, manufacturer_name: "x".repeat(256) },
    ];
    const response = await platformCall(emulator, "PUT", "/v1/integrations/async_boms/", {
      lines,
      version: 3,
    });
    expect(response.status).toBe(422);
    expect(response.body.detail).toEqual([
      { loc: ["body", "name"], msg: "Field required", type: "missing" },
      { loc: ["body", "version"], msg: "Input should be a valid string", type: "string_type" },
      { loc: ["body", "lines", 3, "mpn"], msg: "Field required", type: "missing" },
      {
        loc: ["body", "lines", 4, "mpn"],
        msg: "String should have at least 1 character",
        type: "string_too_short",
      },
      expect.objectContaining({
        loc: ["body", "lines", 5, "manufacturer_name"],
        type: "string_too_long",
      }),
      expect.objectContaining({ loc: ["body", "lines", 5, "quantity"], type: "int_from_float" }),
    ]);
    const list = await platformCall(emulator, "GET", "/v1/boms/");
    expect(list.body.count).toBe(0);
  });

  it("refuses an empty string where null is meant, and a bad datetime", async () => {
    const response = await platformCall(emulator, "PUT", "/v1/integrations/async_boms/", {
      name: "ok",
      part_number: "",
      synced_from_integration_at: "yesterday",
    });
    expect(response.status).toBe(422);
    expect(response.body.detail.map((item: { loc: unknown[] }) => item.loc)).toEqual([
      ["body", "part_number"],
      ["body", "synced_from_integration_at"],
    ]);
  });
});

describe("upsert → job → BOM", () => {
  it("runs PENDING → STARTED → SUCCESS, one state per poll, then the BOM holds matched lines", async () => {
    const jobId = await upsert({
      name: "Glasgow revC3",
      version: "C3",
      integration_record_id: "glasgow-c3",
      integration_source_name: "excel",
      lines: glasgowLines,
    });
    expect(jobId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const seen = await pollJob(emulator, jobId);
    expect(seen.map((job) => job.status)).toEqual(["PENDING", "STARTED", "SUCCESS"]);
    expect(seen[0]).toEqual({
      id: jobId,
      status: "PENDING",
      created_at: expect.any(String),
      updated_at: expect.any(String),
      finished_at: null,
      result: null,
      error: null,
    });
    const done = seen[2];
    expect(done.finished_at).not.toBeNull();
    expect(done.result).toEqual({
      bom_id: expect.any(String),
      created: true,
      lines: 6,
      unmatched_lines: 2,
    });

    const bom = await platformCall(emulator, "GET", `/v1/boms/${done.result.bom_id}/`);
    expect(bom.status).toBe(200);
    expect(bom.body).toMatchObject({
      name: "Glasgow revC3",
      version: "C3",
      integration_record_id: "glasgow-c3",
      line_count: 6,
    });
    const byLine = Object.fromEntries(bom.body.lines.map((line: Body) => [line.line_number, line]));
    expect(byLine["1"].part).toEqual({
      id: expect.stringMatching(/^[A-Z0-9]{12}$/),
      mpn: "LMK107BJ475KAHT",
      mfr: "Taiyo Yuden",
      description: expect.stringContaining("4.7 µF"),
    });
    expect(byLine["1"]).toMatchObject({
      match_status: "matched",
      quantity: 14,
      reference_designators: ["C1", "C14", "C19"],
    });
    expect(byLine["2"].part.mpn).toBe("RC0402FR-1310KL");
    expect(byLine["3"].part.mfr).toBe("Texas Instruments");
    expect(byLine["4"]).toMatchObject({ part: null, match_status: "unmatched" });
    // A Murata MPN with the wrong manufacturer does not match.
    expect(byLine["5"]).toMatchObject({ part: null, match_status: "unmatched" });
    expect(byLine["6"]).toMatchObject({
      part: null,
      match_status: "custom",
      description: "Mounting hole",
    });

    const lines = await platformCall(
      emulator,
      "GET",
      `/v1/boms/${done.result.bom_id}/lines/?limit=2&offset=1`,
    );
    expect(lines.body.count).toBe(6);
    expect(lines.body.items.map((line: Body) => line.line_number)).toEqual(["2", "3"]);
  });

  it("uploading the same integration_record_id again replaces the lines of the same BOM", async () => {
    const first = await pollJob(
      emulator,
      await upsert({ name: "Board A", integration_record_id: "rec-77", lines: glasgowLines }),
    );
    const second = await pollJob(
      emulator,
      await upsert({
        name: "Board A (renamed)",
        integration_record_id: "rec-77",
        lines: [{ mpn: "LM358DR", quantity: 3, reference_designators_string: "U1 U2 U3" }],
      }),
    );
    const bomId = first.at(-1).result.bom_id;
    expect(second.at(-1).result).toEqual({
      bom_id: bomId,
      created: false,
      lines: 1,
      unmatched_lines: 0,
    });
    const bom = await platformCall(emulator, "GET", `/v1/boms/${bomId}/`);
    expect(bom.body.name).toBe("Board A (renamed)");
    expect(bom.body.lines.map((line: Body) => [line.mpn, line.quantity])).toEqual([["LM358DR", 3]]);
    const all = await platformCall(emulator, "GET", "/v1/boms/?limit=100");
    expect(all.body.items.filter((b: Body) => b.integration_record_id === "rec-77")).toHaveLength(
      1,
    );
  });

  it("without an integration_record_id, (name, version) is the upsert key", async () => {
    const a = await pollJob(
      emulator,
      await upsert({ name: "Keyed by name", version: "1", lines: [] }),
    );
    const b = await pollJob(
      emulator,
      await upsert({
        name: "Keyed by name",
        version: "1",
        lines: [{ mpn: "BAT54-7-F", quantity: 1 }],
      }),
    );
    const c = await pollJob(
      emulator,
      await upsert({ name: "Keyed by name", version: "2", lines: [] }),
    );
    expect(b.at(-1).result.bom_id).toBe(a.at(-1).result.bom_id);
    expect(b.at(-1).result.created).toBe(false);
    expect(c.at(-1).result.created).toBe(true);
    expect(c.at(-1).result.bom_id).not.toBe(a.at(-1).result.bom_id);
  });

  it("the same record id from another integration source is another BOM", async () => {
    const a = await pollJob(
      emulator,
      await upsert({
        name: "S1",
        integration_record_id: "shared",
        integration_source_name: "excel",
      }),
    );
    const b = await pollJob(
      emulator,
      await upsert({
        name: "S2",
        integration_record_id: "shared",
        integration_source_name: "altium",
      }),
    );
    expect(b.at(-1).result.created).toBe(true);
    expect(b.at(-1).result.bom_id).not.toBe(a.at(-1).result.bom_id);
  });

  it("sums quantities of lines with the same part and refdes string, keeps others apart", async () => {
    const done = await pollJob(
      emulator,
      await upsert({
        name: "Merge rule",
        lines: [
          { mpn: "GRM188R71C104KA01D", quantity: 2, reference_designators_string: "C1 C2" },
          {
            mpn: "grm188r71c104ka01d",
            manufacturer_name: "Murata Electronics",
            quantity: 3,
            reference_designators_string: "C1 C2",
          },
          { mpn: "GRM188R71C104KA01D", quantity: 1, reference_designators_string: "C3" },
          { mpn: "UNKNOWN-1", quantity: 1, reference_designators_string: "X1" },
          { mpn: "UNKNOWN-1", quantity: 1, reference_designators_string: "X1" },
        ],
      }),
    );
    const bom = await platformCall(emulator, "GET", `/v1/boms/${done.at(-1).result.bom_id}/`);
    expect(
      bom.body.lines.map((line: Body) => [
        line.reference_designators_string,
        line.quantity,
        line.match_status,
      ]),
    ).toEqual([
      ["C1 C2", 5, "matched"],
      ["C3", 1, "matched"],
      ["X1", 1, "unmatched"],
      ["X1", 1, "unmatched"],
    ]);
  });

  it("matches manufacturer names tolerantly (TI, Diodes Inc., Littlefuse, Cypress)", async () => {
    const done = await pollJob(
      emulator,
      await upsert({
        name: "Tolerant makers",
        lines: [
          { mpn: "INA233AIDGSR", manufacturer_name: "TI", quantity: 1 },
          { mpn: "BAT54CW-7-F", manufacturer_name: "Diodes Inc.", quantity: 1 },
          { mpn: "SP3012-06UTG", manufacturer_name: "Littlefuse", quantity: 1 },
          { mpn: "CY7C68013A-56LTXC", manufacturer_name: "Cypress", quantity: 1 },
        ],
      }),
    );
    expect(done.at(-1).result.unmatched_lines).toBe(0);
  });

  it("unknown job ids are 404", async () => {
    const response = await platformCall(
      emulator,
      "GET",
      "/v1/async_jobs/6f1c1b7e-0000-4000-8000-000000000000/",
    );
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ detail: "Not Found" });
  });
});

describe("failing jobs change nothing", () => {
  it("failNextJobs fails the next job with an error, and the BOM stays as it was", async () => {
    const first = await pollJob(
      emulator,
      await upsert({
        name: "Stable",
        integration_record_id: "stable-1",
        lines: [{ mpn: "LM358DR", quantity: 1 }],
      }),
    );
    emulator.setFaults({ failNextJobs: 1 });
    const failed = await pollJob(
      emulator,
      await upsert({ name: "Stable", integration_record_id: "stable-1", lines: [] }),
    );
    expect(failed.map((job) => job.status)).toEqual(["PENDING", "STARTED", "FAILURE"]);
    expect(failed.at(-1)).toMatchObject({ result: null, error: expect.stringMatching(/failed/) });
    expect(failed.at(-1).finished_at).not.toBeNull();
    const bom = await platformCall(emulator, "GET", `/v1/boms/${first.at(-1).result.bom_id}/`);
    expect(bom.body.lines).toHaveLength(1);
    const next = await pollJob(
      emulator,
      await upsert({ name: "Stable", integration_record_id: "stable-1", lines: [] }),
    );
    expect(next.at(-1).status).toBe("SUCCESS");
  });

  it("X-Emulator-Fault: job-fail fails just that job", async () => {
    const failed = await pollJob(
      emulator,
      await upsert({ name: "Header fail" }, { "X-Emulator-Fault": "job-fail" }),
    );
    expect(failed.at(-1).status).toBe("FAILURE");
    const list = await platformCall(emulator, "GET", "/v1/boms/?limit=1000");
    expect(list.body.items.some((bom: Body) => bom.name === "Header fail")).toBe(false);
  });
});

describe("POST /v1/parse_raw_bom/", () => {
  it("creates a BOM at once from raw_lines, matched and merged", async () => {
    const response = await platformCall(emulator, "POST", "/v1/parse_raw_bom/", {
      name: "Raw",
      data_source: "excel",
      raw_lines: [
        {
          mpn: "TLV75533PDRVR",
          manufacturer_name: "Texas Instruments",
          quantity: 1,
          reference_designators_string: "U8",
        },
        { mpn: "TLV75533PDRVR", quantity: 1, reference_designators_string: "U8" },
        { quantity: 4, reference_designators_string: "TP1 TP2 TP3 TP4", description: "test point" },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: "Raw", data_source: "excel", line_count: 2 });
    expect(response.body.lines.map((l: Body) => [l.mpn, l.quantity, l.match_status])).toEqual([
      ["TLV75533PDRVR", 2, "matched"],
      [null, 4, "unmatched"],
    ]);
    const again = await platformCall(emulator, "GET", `/v1/boms/${response.body.id}/`);
    expect(again.body).toEqual(response.body);
  });

  it("validates like the upsert, naming raw_lines", async () => {
    const response = await platformCall(emulator, "POST", "/v1/parse_raw_bom/", {
      name: "x",
      raw_lines: [{ mpn: 5 }],
    });
    expect(response.status).toBe(422);
    expect(response.body.detail[0]).toMatchObject({
      loc: ["body", "raw_lines", 0, "mpn"],
      type: "string_type",
    });
  });
});

describe("GET /v1/boms/", () => {
  it("pages with limit/offset into {items, count}, without lines", async () => {
    const all = await platformCall(emulator, "GET", "/v1/boms/?limit=1000");
    const count = all.body.count;
    expect(count).toBeGreaterThan(5);
    expect(all.body.items).toHaveLength(count);
    expect(all.body.items[0].lines).toBeUndefined();
    expect(typeof all.body.items[0].line_count).toBe("number");
    const page = await platformCall(emulator, "GET", "/v1/boms/?limit=2&offset=2");
    expect(page.body).toEqual({ items: all.body.items.slice(2, 4), count });
  });

  it("rejects a bad limit and a foreign org_id", async () => {
    const limit = await platformCall(emulator, "GET", "/v1/boms/?limit=zero");
    const org = await platformCall(
      emulator,
      "GET",
      "/v1/boms/?org_id=11111111-2222-4333-8444-555555555555",
    );
    expect(limit.status).toBe(422);
    expect(limit.body.detail[0].loc).toEqual(["query", "limit"]);
    expect(org.status).toBe(403);
  });

  it("404 for an unknown BOM", async () => {
    const response = await platformCall(
      emulator,
      "GET",
      "/v1/boms/0b6f7c1e-0000-4000-8000-000000000000/",
    );
    expect(response.status).toBe(404);
  });
});

describe("job timing options", () => {
  it("clock mode advances with time and finishes even without polls", async () => {
    const clocked = await startEmulator({ jobTiming: { mode: "clock", stepMs: 40 } });
    try {
      const put = await fetch(`${clocked.platformUrl}/v1/integrations/async_boms/`, {
        method: "PUT",
        headers: { Authorization: "Api-Key demo-platform-key", "content-type": "application/json" },
        body: JSON.stringify({ name: "Clocked", lines: [{ mpn: "LM358DR", quantity: 1 }] }),
      });
      const jobId = (await put.json()) as string;
      // Listing BOMs does not touch the job: only the clock can finish it. Ten seconds is a
      // hang guard for a loaded machine; three 40 ms steps normally take about 120 ms.
      const bomCount = async () => {
        const boms = await fetch(`${clocked.platformUrl}/v1/boms/`, {
          headers: { Authorization: "Api-Key demo-platform-key" },
        });
        return ((await boms.json()) as { count: number }).count;
      };
      const giveUpAt = Date.now() + 10_000;
      while ((await bomCount()) === 0 && Date.now() < giveUpAt) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await bomCount()).toBe(1);
      const job = await fetch(`${clocked.platformUrl}/v1/async_jobs/${jobId}/`, {
        headers: { Authorization: "Api-Key demo-platform-key" },
      });
      expect(((await job.json()) as { status: string }).status).toBe("SUCCESS");
    } finally {
      await clocked.close();
    }
  });

  it("the plain status vocabulary is available", async () => {
    const plain = await startEmulator({ jobStatusWords: "plain" });
    try {
      const headers = {
        Authorization: "Api-Key demo-platform-key",
        "content-type": "application/json",
      };
      const put = await fetch(`${plain.platformUrl}/v1/integrations/async_boms/`, {
        method: "PUT",
        headers,
        body: JSON.stringify({ name: "Plain" }),
      });
      const jobId = (await put.json()) as string;
      const statuses: string[] = [];
      for (let i = 0; i < 3; i++) {
        const job = await fetch(`${plain.platformUrl}/v1/async_jobs/${jobId}/`, { headers });
        statuses.push(((await job.json()) as { status: string }).status);
      }
      expect(statuses).toEqual(["queued", "running", "succeeded"]);
    } finally {
      await plain.close();
    }
  });
});

describe("BOM and line routes beyond the upsert", () => {
  async function newBom(name: string): Promise<Body> {
    const response = await platformCall(emulator, "POST", "/v1/parse_raw_bom/", {
      name,
      raw_lines: [{ mpn: "LM358DR", quantity: 2, reference_designators_string: "U1 U2" }],
    });
    return response.body;
  }

  it("POST raw_lines adds a matched line, or sums into the line with the same part and refdes", async () => {
    const bom = await newBom("Raw line target");
    const same = await platformCall(emulator, "POST", `/v1/boms/${bom.id}/raw_lines/`, {
      mpn: "lm358dr",
      manufacturer_name: "Texas Instruments",
      quantity: 3,
      reference_designators_string: "U1 U2",
    });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ id: bom.lines[0].id, quantity: 5 });
    const other = await platformCall(emulator, "POST", `/v1/boms/${bom.id}/raw_lines/`, {
      mpn: "LM358DR",
      quantity: 1,
      reference_designators_string: "U9",
    });
    expect(other.body.id).not.toBe(bom.lines[0].id);
    const line = await platformCall(emulator, "GET", `/v1/boms/${bom.id}/lines/${other.body.id}/`);
    expect(line.body).toEqual(other.body);
    const missingMpn = await platformCall(emulator, "POST", `/v1/boms/${bom.id}/raw_lines/`, {
      quantity: 1,
    });
    expect(missingMpn.status).toBe(422);
    expect(missingMpn.body.detail[0].loc).toEqual(["body", "mpn"]);
  });

  it("PATCH changes header fields until the BOM is approved; approving twice is refused", async () => {
    const bom = await newBom("Patch me");
    const patched = await platformCall(emulator, "PATCH", `/v1/boms/${bom.id}/`, {
      part_number: "PN-1",
    });
    expect(patched.body).toMatchObject({ name: "Patch me", part_number: "PN-1", line_count: 1 });
    const approved = await platformCall(emulator, "POST", `/v1/boms/${bom.id}/approve/`);
    expect(approved.body.approved).toBe(true);
    expect((await platformCall(emulator, "POST", `/v1/boms/${bom.id}/approve/`)).status).toBe(400);
    expect(
      (await platformCall(emulator, "PATCH", `/v1/boms/${bom.id}/`, { name: "late" })).status,
    ).toBe(400);
    const invalid = await platformCall(emulator, "PATCH", `/v1/boms/${bom.id}/`, { name: "" });
    expect(invalid.status).toBe(422);
  });

  it("DELETE removes an unapproved BOM (204) and archives an approved one", async () => {
    const draft = await newBom("Delete me");
    expect((await platformCall(emulator, "DELETE", `/v1/boms/${draft.id}/`)).status).toBe(204);
    expect((await platformCall(emulator, "GET", `/v1/boms/${draft.id}/`)).status).toBe(404);
    const kept = await newBom("Archive me");
    await platformCall(emulator, "POST", `/v1/boms/${kept.id}/approve/`);
    const archived = await platformCall(emulator, "DELETE", `/v1/boms/${kept.id}/`);
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ id: kept.id, approved: true, archived: true });
  });
});
