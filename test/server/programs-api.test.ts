/**
 * The /api program routes end to end over HTTP against the embedded emulator, through the
 * shared client (src/core/programs-client.ts) where it is the thing under test: CRUD, lines,
 * part overrides, availability (sync, and async followed to its end), reference pricing,
 * errors, a BOM upload's program made and updated idempotently, and answers that do not fit
 * the contract refused by the client.
 */
import type { JobStatusResponse, UpsertBomResponse } from "../../src/core/api";
import type { ProgramResponse } from "../../src/core/api-programs";
import { createProgramsApi } from "../../src/core/programs-client";
import { createApiCall, ApiRequestError } from "../../src/addin/runtime/api-client";
import { getCatalogue } from "../../src/server/emulator";
import { startAddinServer, type RunningAddinServer } from "../../src/server/start";
import { GATEWAY_TOKEN_HEADER } from "../../src/core/api";
import { call, startTestApp } from "./support/app-harness";
import { startFakeUpstream } from "./support/fake-upstream";

let server: RunningAddinServer;
let api: ReturnType<typeof createProgramsApi>;
beforeAll(async () => {
  server = await startAddinServer({
    env: { UPSTREAM_BACKOFF_MS: "20", UPSTREAM_DEADLINE_MS: "10000" },
  });
  api = createProgramsApi(createApiCall({ baseUrl: server.url }));
});
afterAll(() => server.close());

const url = (path: string) => `${server.url}/api${path}`;
const catalogue = getCatalogue();

const LINES = [
  { mpn: "LMK107BJ475KAHT", manufacturer_name: "Taiyo Yuden", quantity: 14 },
  { mpn: "RC0402FR-1310KL", manufacturer_name: "Yageo", quantity: 8 },
  { mpn: "TPD3S014DBVR", manufacturer_name: "TI", quantity: 1 },
  { mpn: "NOT-A-REAL-PART-42", quantity: 2 },
];

/** Uploads through PUT /api/boms and follows the job; the BOM's id. */
async function upload(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const put = await call(url("/boms"), "PUT", { name, lines: LINES, ...extra });
  expect(put.status).toBe(202);
  const { job_id: jobId } = put.body as UpsertBomResponse;
  for (let poll = 0; poll < 10; poll += 1) {
    const job = (await call(url(`/jobs/${jobId}`), "GET")).body as JobStatusResponse;
    if (job.state === "success" && job.bom_id) return job.bom_id;
    if (job.state === "failure") throw new Error(`upload failed: ${job.error}`);
  }
  throw new Error("upload did not finish");
}

async function rejection(promise: Promise<unknown>): Promise<ApiRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiRequestError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("programs over /api", () => {
  it("creates, lists, reads, renames and deletes a program and its lines", async () => {
    const first = await upload("Api program board A");
    const second = await upload("Api program board B");
    const created = await api.createProgram({
      name: "Api program",
      lines: [{ bom_id: first, quantity: 10 }],
    });
    expect(created).toMatchObject({
      name: "Api program",
      description: null,
      line_count: 1,
      lines: [{ bom_id: first, bom_name: "Api program board A", quantity: 10 }],
    });

    const added = await api.addProgramLine(created.id, { bom_id: second, quantity: 3 });
    expect(added).toMatchObject({ bom_id: second, quantity: 3, program_id: created.id });
    const changed = await api.updateProgramLine(created.id, added.id, { quantity: 30 });
    expect(changed.quantity).toBe(30);
    expect((await api.programLines(created.id)).lines.map((line) => line.quantity)).toEqual([
      10, 30,
    ]);

    const listed = await api.listPrograms({ search: "api program" });
    expect(listed.programs.map((program) => program.id)).toContain(created.id);
    const renamed = await api.updateProgram(created.id, { description: "Pilot" });
    expect(renamed).toMatchObject({ description: "Pilot", line_count: 2 });

    await api.removeProgramLine(created.id, added.id);
    expect((await api.program(created.id)).lines).toHaveLength(1);
    await api.deleteProgram(created.id);
    const gone = await rejection(api.program(created.id));
    expect([gone.status, gone.code]).toEqual([404, "not_found"]);
    expect(gone.message).toBe(`No program with id ${created.id}.`);
  });

  it("answers availability computed from the catalogue, sync and as a job followed to its end", async () => {
    const bomId = await upload("Api availability board");
    const program = await api.createProgram({
      name: "Api availability",
      lines: [{ bom_id: bomId, quantity: 50 }],
    });
    const report = await api.availability(program.id);
    expect(report.program_id).toBe(program.id);
    expect(report.parts).toHaveLength(3);
    expect(report.unmatched_lines).toEqual([
      expect.objectContaining({ mpn: "NOT-A-REAL-PART-42", quantity: 100 }),
    ]);
    for (const part of report.parts) {
      const product = catalogue.get(part.part.cpid);
      if (!product) throw new Error(`unknown part ${part.part.cpid}`);
      const line = LINES.find((candidate) => candidate.mpn === product.mpn);
      expect(part.required_quantity).toBe((line?.quantity ?? 0) * 50);
      expect(part.total_stock).toBe(
        product.offers.reduce((sum, offer) => sum + offer.inventory_level, 0),
      );
      expect(part.authorized_stock).toBe(
        product.offers
          .filter((offer) => offer.is_authorized)
          .reduce((sum, offer) => sum + offer.inventory_level, 0),
      );
      expect(part.purchasable).toBeLessThanOrEqual(part.required_quantity);
      expect(part.shortfall).toBe(part.required_quantity - part.purchasable);
      expect(part.offers).toHaveLength(product.offers.length);
    }
    expect(report.totals.parts).toBe(3);
    expect(report.totals.available + report.totals.partial + report.totals.unavailable).toBe(3);

    const states: string[] = [];
    const followed = await api.followAvailability(program.id, {
      pollStartMs: 5,
      onProgress: (job) => states.push(job.state),
    });
    expect(states).toEqual(["pending", "running", "success"]);
    const { computed_at: _a, ...asyncReport } = followed;
    const { computed_at: _b, ...syncReport } = report;
    expect(asyncReport).toEqual(syncReport);
  });

  it("reports a failed availability job with its error", async () => {
    const bomId = await upload("Api failing job board");
    const program = await api.createProgram({
      name: "Api failing job",
      lines: [{ bom_id: bomId, quantity: 1 }],
    });
    server.emulator?.setFaults({ failNextJobs: 1 });
    try {
      await expect(api.followAvailability(program.id, { pollStartMs: 5 })).rejects.toThrow(
        /availability job \S+ failed: .*failure injected/,
      );
    } finally {
      server.emulator?.resetFaults();
    }
  });

  it("prices the program from the price breaks", async () => {
    const bomId = await upload("Api pricing board");
    const program = await api.createProgram({
      name: "Api pricing",
      lines: [{ bom_id: bomId, quantity: 100 }],
    });
    const pricing = await api.referencePricing(program.id);
    expect(pricing.parts).toHaveLength(3);
    expect(pricing.priced_parts + pricing.unpriced_parts).toBe(3);
    const sum = pricing.parts.reduce((total, part) => total + (part.extended_price ?? 0), 0);
    expect(pricing.total).toBeCloseTo(sum, 5);
    for (const part of pricing.parts) {
      if (part.unit_price === null) continue;
      expect(part.extended_price).toBeCloseTo(part.unit_price * part.required_quantity, 5);
      expect(part.reference_prices.length).toBeGreaterThan(0);
    }
  });

  it("overrides a part for the whole program", async () => {
    const bomId = await upload("Api override board");
    const program = await api.createProgram({
      name: "Api override",
      lines: [{ bom_id: bomId, quantity: 2 }],
    });
    const before = await api.availability(program.id);
    const resistor = before.parts.find((part) => part.part.mpn === "RC0402FR-1310KL");
    const substitute = catalogue.products.find(
      (product) =>
        product.classification.includes("resistor") && product.id !== resistor?.part.cpid,
    );
    if (!resistor || !substitute) throw new Error("fixture parts missing");
    const override = await api.addPartOverride(program.id, {
      part: resistor.part.cpid,
      override_part: substitute.id,
    });
    expect(override).toMatchObject({
      part: { cpid: resistor.part.cpid },
      override_part: { cpid: substitute.id, mpn: substitute.mpn },
      bom_line_id: null,
    });
    expect((await api.partOverrides(program.id)).overrides).toHaveLength(1);
    const after = await api.availability(program.id);
    expect(after.parts.find((part) => part.part.cpid === substitute.id)).toMatchObject({
      required_quantity: 16,
      overridden_parts: [resistor.part.cpid],
    });
    const unknown = await rejection(
      api.addPartOverride(program.id, { part: resistor.part.cpid, override_part: "NOSUCHPART00" }),
    );
    expect([unknown.status, unknown.code, unknown.field]).toEqual([
      422,
      "validation_error",
      "override_part",
    ]);
    await api.removePartOverride(program.id, override.id);
    expect((await api.partOverrides(program.id)).overrides).toHaveLength(0);
  });
});

describe("the gateway", () => {
  it("keeps every program route closed without the token when the server holds keys", async () => {
    const upstream = await startFakeUpstream(() => ({ body: { items: [], count: 0 } }));
    const gateway = "programs-gateway-token-0123456789";
    const app = await startTestApp({
      COFACTR_CLIENT_ID: "client",
      COFACTR_GRAPH_API_KEY: "graph-key",
      COFACTR_PLATFORM_API_KEY: "platform-key",
      COFACTR_PLATFORM_URL: upstream.url,
      COFACTR_GRAPH_URL: upstream.url,
      GATEWAY_TOKENS: gateway,
    });
    try {
      const paths: [string, string][] = [
        ["GET", "/api/programs"],
        ["POST", "/api/programs"],
        ["GET", "/api/programs/p1/availability"],
        ["POST", "/api/programs/p1/availability/jobs"],
        ["GET", "/api/programs/p1/reference-pricing"],
        ["PUT", "/api/boms/b1/program"],
      ];
      for (const [method, path] of paths) {
        const reply = await call(`${app.url}${path}`, method, method === "GET" ? undefined : {});
        expect([path, reply.status, reply.body.error.code]).toEqual([
          path,
          401,
          "gateway_token_required",
        ]);
      }
      expect(upstream.requests).toHaveLength(0);
      const allowed = await call(`${app.url}/api/programs`, "GET", undefined, {
        [GATEWAY_TOKEN_HEADER]: gateway,
      });
      expect(allowed.status).toBe(200);
      expect(upstream.requests[0]?.headers.authorization).toBe("Api-Key platform-key");
      expect(upstream.requests[0]?.url).toBe("/v1/programs/?limit=50&offset=0");
    } finally {
      await app.close();
      await upstream.close();
    }
  });
});

describe("against other Cofactr answers", () => {
  async function withUpstream(
    handler: Parameters<typeof startFakeUpstream>[0],
    run: (base: string, requests: { method: string; url: string }[]) => Promise<void>,
  ) {
    const upstream = await startFakeUpstream(handler);
    const app = await startTestApp({
      COFACTR_MODE: "cofactr",
      COFACTR_PLATFORM_URL: upstream.url,
      COFACTR_GRAPH_URL: upstream.url,
    });
    try {
      await run(app.url, upstream.requests);
    } finally {
      await app.close();
      await upstream.close();
    }
  }
  const userKey = { "x-cofactr-platform-key": "user-platform-key" };

  it("reads lines from a DRF-style list and asks for them when the program comes without", async () => {
    await withUpstream(
      (request) =>
        request.url.startsWith("/v1/programs/p1/lines/")
          ? {
              body: {
                count: 1,
                next: null,
                previous: null,
                results: [{ id: "l1", bom_id: "b1", quantity: 4 }],
              },
            }
          : { body: { id: "p1", name: "Board program", created_at: "2026-11-30T10:00:00Z" } },
      async (base) => {
        const reply = await call(`${base}/api/programs/p1`, "GET", undefined, userKey);
        expect(reply.status).toBe(200);
        expect(reply.body).toMatchObject({
          id: "p1",
          line_count: 1,
          updated_at: "2026-11-30T10:00:00Z",
          lines: [{ id: "l1", bom_id: "b1", quantity: 4, bom_name: null }],
        });
      },
    );
  });

  it("answers 502 naming the call when Cofactr's answer lacks what the contract needs", async () => {
    await withUpstream(
      () => ({ body: { name: "no id" } }),
      async (base) => {
        const reply = await call(`${base}/api/programs/p1`, "GET", undefined, userKey);
        expect(reply.status).toBe(502);
        expect(reply.body.error.code).toBe("upstream_unavailable");
        expect(reply.body.error.message).toMatch(/Platform program: .* at id/);
      },
    );
  });

  it("never sends the async availability call twice: it starts work", async () => {
    await withUpstream(
      () => ({ status: 502, body: { detail: "Bad Gateway." } }),
      async (base, requests) => {
        const reply = await call(`${base}/api/programs/p1/availability/jobs`, "POST", {}, userKey);
        expect(reply.status).toBe(502);
        expect(requests.map((request) => request.url)).toEqual([
          "/v1/programs/p1/availabilities_async/",
        ]);
      },
    );
  });
});

describe("errors", () => {
  it("answers 404 not_found for an unknown program on every program route", async () => {
    const missing = "22222222-2222-4222-8222-222222222222";
    for (const path of ["", "/lines", "/availability", "/reference-pricing", "/part-overrides"]) {
      const reply = await call(url(`/programs/${missing}${path}`), "GET");
      expect([path, reply.status, reply.body.error.code]).toEqual([path, 404, "not_found"]);
    }
    const job = await call(url(`/programs/${missing}/availability/jobs`), "POST", {});
    expect(job.status).toBe(404);
  });

  it("answers 422 naming the field for a bad body, counting characters as code points", async () => {
    const zero = await call(url("/programs"), "POST", {
      name: "x",
      lines: [{ bom_id: "b", quantity: 0 }],
    });
    expect(zero.status).toBe(422);
    expect(zero.body.error).toMatchObject({ code: "validation_error", field: "lines[0].quantity" });
    const unknownField = await call(url("/programs"), "POST", { name: "x", colour: "red" });
    expect(unknownField.body.error.field).toBe("colour");
    const emoji = "😀".repeat(255);
    const fits = await call(url("/programs"), "POST", { name: emoji });
    expect(fits.status).toBe(201);
    const tooLong = await call(url("/programs"), "POST", { name: `${emoji}😀` });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error).toMatchObject({ field: "name" });
    expect(tooLong.body.error.message).toMatch(/at most 255 characters/);
    const empty = await call(url(`/programs/${fits.body.id}`), "PATCH", {});
    expect(empty.status).toBe(422);
  });

  it("answers 409 program_refused when Cofactr refuses a change", async () => {
    const bomId = await upload("Api refused board");
    const program = (
      await call(url("/programs"), "POST", {
        name: "Api refused",
        lines: [{ bom_id: bomId, quantity: 1 }],
      })
    ).body as ProgramResponse;
    const again = await call(url(`/programs/${program.id}/lines`), "POST", {
      bom_id: bomId,
      quantity: 2,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("program_refused");
    expect(again.body.error.message).toMatch(/already on this program/);
  });
});

describe("a BOM upload's program", () => {
  it("is made for the uploaded build quantity, then updated in place, never duplicated", async () => {
    const name = "Api idempotent board";
    const bomId = await upload(name, { build_quantity: 25, integration_record_id: "api-idem-1" });
    const first = await api.bomProgram(bomId, {});
    expect(first.created).toBe(true);
    expect(first.program).toMatchObject({
      name,
      lines: [{ id: first.line_id, bom_id: bomId, quantity: 25 }],
    });

    const again = await api.bomProgram(bomId, {});
    expect(again).toMatchObject({ created: false, line_id: first.line_id });
    expect(again.program.id).toBe(first.program.id);

    // Uploading the same BOM again updates it; its program follows the new build quantity.
    const sameBom = await upload(name, { build_quantity: 60, integration_record_id: "api-idem-1" });
    expect(sameBom).toBe(bomId);
    const updated = await api.bomProgram(bomId, {});
    expect(updated).toMatchObject({ created: false, line_id: first.line_id });
    expect(updated.program.lines).toEqual([
      expect.objectContaining({ bom_id: bomId, quantity: 60 }),
    ]);
    const byId = await api.bomProgram(bomId, { program_id: first.program.id, build_quantity: 7 });
    expect(byId.program.lines[0]?.quantity).toBe(7);
    const named = await api.listPrograms({ search: name });
    expect(named.programs.filter((program) => program.name === name)).toHaveLength(1);
  });

  it("needs a build quantity when the upload had none", async () => {
    const bomId = await upload("Api no quantity board");
    const reply = await call(url(`/boms/${bomId}/program`), "PUT", {});
    expect(reply.status).toBe(422);
    expect(reply.body.error.field).toBe("build_quantity");
    const unknown = await call(url("/boms/33333333-3333-4333-8333-333333333333/program"), "PUT", {
      build_quantity: 1,
    });
    expect(unknown.status).toBe(404);
    const bad = await call(url("/boms"), "PUT", { name: "x", build_quantity: 0 });
    expect([bad.status, bad.body.error.field]).toEqual([422, "build_quantity"]);
  });
});

describe("answers that do not fit the contract", () => {
  type Json = Record<string, unknown>;
  /** The programs client over the pane's fetch client, whose fetch passes the real server's
   * answers through `tamper` (a proxy or a server of another version would answer so). */
  function tamperedApi(tamper: (path: string, body: Json) => Json | string) {
    const tamperingFetch: typeof fetch = async (input, init) => {
      const real = await fetch(input, init);
      const path = new URL(String(input)).pathname;
      const changed = tamper(path, (await real.json()) as Json);
      return new Response(typeof changed === "string" ? changed : JSON.stringify(changed), {
        status: real.status,
        headers: { "content-type": "application/json" },
      });
    };
    return createProgramsApi(createApiCall({ baseUrl: server.url, fetch: tamperingFetch }));
  }
  let programId: string;
  beforeAll(async () => {
    const bomId = await upload("Api tampered board");
    programId = (
      await api.createProgram({ name: "Api tampered", lines: [{ bom_id: bomId, quantity: 3 }] })
    ).id;
  });

  it("refuses a program whose line quantity is not a number, naming the field", async () => {
    const tampered = tamperedApi((_path, body) => ({
      ...body,
      lines: (body.lines as Json[]).map((line) => ({ ...line, quantity: "3" })),
    }));
    const refused = await rejection(tampered.program(programId));
    expect([refused.status, refused.code]).toEqual([200, "bad_response"]);
    expect(refused.message).toMatch(
      /^Unexpected response from the add-in server \(lines\.0\.quantity: .*expected number, received string\)\.$/,
    );
    // The same answer untouched is taken.
    expect((await tamperedApi((_path, body) => body).program(programId)).lines[0]?.quantity).toBe(
      3,
    );
  });

  it("refuses an availability part without its status, deep in the report", async () => {
    const tampered = tamperedApi((_path, body) => {
      const [first, ...rest] = body.parts as Json[];
      return { ...body, parts: [first, { ...rest[0], status: undefined }, ...rest.slice(1)] };
    });
    const refused = await rejection(tampered.availability(programId));
    expect(refused.code).toBe("bad_response");
    expect(refused.message).toMatch(/\(parts\.1\.status: /);
  });

  it("stops following an availability job whose state it does not know", async () => {
    const seen: string[] = [];
    const tampered = tamperedApi((path, body) => {
      seen.push(path);
      return path.includes("/availability/jobs/") ? { ...body, state: "paused" } : body;
    });
    const refused = await rejection(tampered.followAvailability(programId, { pollStartMs: 5 }));
    expect(refused.code).toBe("bad_response");
    expect(refused.message).toMatch(/\(state: /);
    // Started once, polled once: a job answer it cannot read is not polled again.
    expect(seen).toEqual([
      `/api/programs/${programId}/availability/jobs`,
      expect.stringMatching(new RegExp(`^/api/programs/${programId}/availability/jobs/.`)),
    ]);
  });

  it("refuses a delete that does not say it deleted, and an answer that is not JSON", async () => {
    const program = await api.createProgram({ name: "Api tampered delete" });
    const notDeleted = tamperedApi((_path, body) => ({ ...body, deleted: false }));
    expect((await rejection(notDeleted.deleteProgram(program.id))).message).toMatch(/\(deleted: /);
    const html = tamperedApi(() => "<html>Gateway login</html>");
    const refused = await rejection(html.listPrograms());
    expect([refused.code, refused.message]).toEqual([
      "bad_response",
      "Unexpected response from the add-in server (not JSON).",
    ]);
  });
});
