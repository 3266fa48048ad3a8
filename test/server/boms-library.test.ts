/** The BOM library and line routes of /api, end to end over HTTP against the embedded emulator. */
import type {
  BomLineChangeResponse,
  BomListResponse,
  BomResponse,
  PartSearchResponse,
} from "../../src/core/api";
import { startAddinServer, type RunningAddinServer } from "../../src/server/start";
import { call } from "./support/app-harness";

let server: RunningAddinServer;
beforeAll(async () => {
  server = await startAddinServer({
    env: { UPSTREAM_BACKOFF_MS: "20", UPSTREAM_DEADLINE_MS: "10000" },
  });
});
afterAll(() => server.close());

const api = (path: string) => `${server.url}/api${path}`;

async function createBom(name: string, lines: unknown[]): Promise<BomResponse> {
  const created = await call(api("/boms"), "POST", { name, lines });
  expect(created.status).toBe(201);
  return created.body as BomResponse;
}

async function getBom(id: string): Promise<BomResponse> {
  const answer = await call(api(`/boms/${id}`), "GET");
  expect(answer.status).toBe(200);
  return answer.body as BomResponse;
}

const AMP = { mpn: "LM358DR", manufacturer_name: "Texas Instruments" };

describe("creating a BOM from raw lines", () => {
  it("matches the lines and sums duplicates of part and refdes string into one line", async () => {
    const bom = await createBom("Create raw", [
      { ...AMP, quantity: 2, reference_designators_string: "U1 U2" },
      { mpn: "lm358dr", quantity: 3, reference_designators_string: "U1 U2" },
      { ...AMP, quantity: 1, reference_designators_string: "U9" },
      { mpn: "NOT-A-REAL-PART-77", quantity: 4, reference_designators_string: "X1" },
    ]);
    expect(bom).toMatchObject({ name: "Create raw", approved: false, archived: false });
    expect(bom.lines).toHaveLength(3);
    const [summed, separate, unmatched] = bom.lines;
    expect(summed).toMatchObject({ quantity: 5, match_status: "matched" });
    expect(summed?.reference_designators).toEqual(["U1", "U2"]);
    expect(separate).toMatchObject({ quantity: 1, match_status: "matched" });
    expect(separate?.part?.cpid).toBe(summed?.part?.cpid);
    expect(unmatched).toMatchObject({ quantity: 4, match_status: "unmatched", part: null });
    expect(await getBom(bom.id)).toEqual(bom);
  });

  it("refuses a bad body with the usual error shape, naming the line and field", async () => {
    const bad = await call(api("/boms"), "POST", {
      name: "Bad",
      lines: [
        { mpn: "A", quantity: 1 },
        { mpn: "B", quantity: -2 },
      ],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: "validation_error", field: "lines[1].quantity" });
    const noName = await call(api("/boms"), "POST", { lines: [] });
    expect(noName.body.error).toMatchObject({ code: "validation_error", field: "name" });
  });
});

describe("listing BOMs", () => {
  it("pages newest first and searches by name, case-insensitively", async () => {
    const tag = `List${Date.now()}`;
    for (const suffix of ["alpha", "beta", "gamma"]) await createBom(`${tag} ${suffix}`, []);
    const all = await call(api(`/boms?search=${tag.toLowerCase()}&limit=2`), "GET");
    expect(all.status).toBe(200);
    const first = all.body as BomListResponse;
    expect(first.total).toBe(3);
    expect(first.boms.map((bom) => bom.name)).toEqual([`${tag} gamma`, `${tag} beta`]);
    expect(first.boms[0]).toMatchObject({ approved: false, line_count: 0 });
    const second = (await call(api(`/boms?search=${tag}&limit=2&offset=2`), "GET"))
      .body as BomListResponse;
    expect(second.boms.map((bom) => bom.name)).toEqual([`${tag} alpha`]);
    const one = (await call(api(`/boms?search=${encodeURIComponent(`${tag} BETA`)}`), "GET"))
      .body as BomListResponse;
    expect(one.boms.map((bom) => bom.name)).toEqual([`${tag} beta`]);
  });

  it("refuses a limit out of range and an unknown parameter", async () => {
    const tooMany = await call(api("/boms?limit=100000"), "GET");
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.field).toBe("query.limit");
    const notNumber = await call(api("/boms?offset=abc"), "GET");
    expect(notNumber.body.error).toMatchObject({ code: "validation_error", field: "query.offset" });
    const unknown = await call(api("/boms?name=x"), "GET");
    expect(unknown.body.error.field).toBe("query.name");
  });
});

describe("updating, approving and deleting a BOM", () => {
  it("updates the header, approves, then refuses every edit with a clear 409", async () => {
    const bom = await createBom("Approve me", [{ ...AMP, quantity: 1 }]);
    const patched = await call(api(`/boms/${bom.id}`), "PATCH", { part_number: "PN-7" });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: "Approve me", part_number: "PN-7" });
    expect(patched.body.lines).toHaveLength(1);

    const approved = await call(api(`/boms/${bom.id}/approve`), "POST");
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ approved: true, part_number: "PN-7" });

    const lineId = bom.lines[0]?.id ?? "";
    const refusals = [
      await call(api(`/boms/${bom.id}`), "PATCH", { name: "Late" }),
      await call(api(`/boms/${bom.id}/lines`), "POST", { mpn: "LM358DR", quantity: 1 }),
      await call(api(`/boms/${bom.id}/lines/${lineId}`), "PATCH", { quantity: 9 }),
      await call(api(`/boms/${bom.id}/lines/${lineId}`), "DELETE"),
      await call(api(`/boms/${bom.id}/approve`), "POST"),
    ];
    for (const refused of refusals) {
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe("bom_refused");
    }
    expect(refusals[0]?.body.error.message).toBe(
      "Cofactr refused the change: An approved BOM cannot be changed.",
    );
    expect(refusals[4]?.body.error.message).toMatch(/already approved/);
    // An upload onto the approved BOM (same name, no version) fails its job, changing nothing.
    const upload = await call(api("/boms"), "PUT", { name: "Approve me", lines: [] });
    expect(upload.status).toBe(202);
    let job = (await call(api(`/jobs/${upload.body.job_id}`), "GET")).body;
    for (let poll = 0; poll < 5 && job.state !== "failure" && job.state !== "success"; poll += 1) {
      job = (await call(api(`/jobs/${upload.body.job_id}`), "GET")).body;
    }
    expect(job).toMatchObject({ state: "failure", error: "An approved BOM cannot be changed." });
    const after = await getBom(bom.id);
    expect(after).toMatchObject({ name: "Approve me", approved: true });
    expect(after.lines).toEqual(bom.lines);
  });

  it("refuses an empty or unknown change", async () => {
    const bom = await createBom("Patch checks", []);
    const empty = await call(api(`/boms/${bom.id}`), "PATCH", {});
    expect(empty.status).toBe(422);
    expect(empty.body.error.message).toMatch(/names no field to change/);
    const unknown = await call(api(`/boms/${bom.id}`), "PATCH", { approved: true });
    expect(unknown.body.error).toMatchObject({ field: "approved", code: "validation_error" });
  });

  it("deletes an unapproved BOM and archives an approved one", async () => {
    const draft = await createBom("Delete me", []);
    const deleted = await call(api(`/boms/${draft.id}`), "DELETE");
    expect(deleted.body).toEqual({ id: draft.id, outcome: "deleted" });
    expect((await call(api(`/boms/${draft.id}`), "GET")).status).toBe(404);

    const kept = await createBom("Archive me", []);
    await call(api(`/boms/${kept.id}/approve`), "POST");
    const archived = await call(api(`/boms/${kept.id}`), "DELETE");
    expect(archived.body).toEqual({ id: kept.id, outcome: "archived" });
    expect(await getBom(kept.id)).toMatchObject({ approved: true, archived: true });
  });

  it("answers 404 in the usual shape for an unknown BOM, 422 for a malformed id", async () => {
    const missing = await call(api("/boms/00000000-0000-4000-8000-000000000000/approve"), "POST");
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({
      code: "not_found",
      message: "No BOM with id 00000000-0000-4000-8000-000000000000.",
    });
    const odd = await call(api("/boms/a%20b"), "DELETE");
    expect(odd.status).toBe(422);
    expect(odd.body.error.field).toBe("id");
  });
});

describe("BOM lines", () => {
  async function searchCpid(q: string): Promise<string> {
    const found = await call(api(`/parts/search?q=${encodeURIComponent(q)}&limit=3`), "GET");
    expect(found.status).toBe(200);
    const cpid = (found.body as PartSearchResponse).parts[0]?.cpid;
    if (!cpid) throw new Error(`no candidate for ${q}`);
    return cpid;
  }

  it("gets a line, creates one from raw data summing into the same part and refdes", async () => {
    const bom = await createBom("Lines", [
      { ...AMP, quantity: 2, reference_designators: ["U1", "U2"] },
    ]);
    const lineId = bom.lines[0]?.id ?? "";
    const line = await call(api(`/boms/${bom.id}/lines/${lineId}`), "GET");
    expect(line.status).toBe(200);
    expect(line.body).toEqual(bom.lines[0]);

    const summed = await call(api(`/boms/${bom.id}/lines`), "POST", {
      mpn: "LM358DR",
      quantity: 3,
      reference_designators: ["U1", "U2"],
    });
    expect(summed.status).toBe(201);
    expect((summed.body as BomLineChangeResponse).line).toMatchObject({ id: lineId, quantity: 5 });
    const added = await call(api(`/boms/${bom.id}/lines`), "POST", {
      mpn: "NOT-A-REAL-PART-5",
      quantity: 1,
    });
    expect(added.body.line).toMatchObject({ match_status: "unmatched", quantity: 1 });
    expect(added.body.line.id).not.toBe(lineId);
    expect((await getBom(bom.id)).lines).toHaveLength(2);
  });

  it("choosing a part for an unmatched line sums it into the line that already has it", async () => {
    const bom = await createBom("Resolve", [
      { ...AMP, quantity: 2, reference_designators: ["U1", "U2"] },
      { mpn: "LM358-TYPO", quantity: 1, reference_designators: ["U3"] },
    ]);
    const [matched, typo] = bom.lines;
    if (!matched?.part || !typo) throw new Error("unexpected lines");
    const answer = await call(api(`/boms/${bom.id}/lines/${typo.id}`), "PATCH", {
      part: matched.part.cpid,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      line: expect.objectContaining({
        id: matched.id,
        quantity: 3,
        reference_designators: ["U1", "U2", "U3"],
        match_status: "matched",
      }),
      merged_line_id: typo.id,
    });
    const after = await getBom(bom.id);
    expect(after.lines.map((line) => line.id)).toEqual([matched.id]);
    expect((await call(api(`/boms/${bom.id}/lines/${typo.id}`), "GET")).status).toBe(404);
  });

  it("chooses a different part, marks a line not purchased, edits and removes lines", async () => {
    const bom = await createBom("Edit lines", [
      { mpn: "UNKNOWN-1", quantity: 1, reference_designators: ["C5"] },
      { mpn: "UNKNOWN-2", quantity: 1, reference_designators: ["H1"] },
    ]);
    const [first, second] = bom.lines;
    if (!first || !second) throw new Error("unexpected lines");
    const cpid = await searchCpid("GCM21BR72A104KA37L");
    const chosen = await call(api(`/boms/${bom.id}/lines/${first.id}`), "PATCH", { part: cpid });
    expect(chosen.body).toEqual({
      line: expect.objectContaining({ id: first.id, match_status: "matched" }),
      merged_line_id: null,
    });
    expect(chosen.body.line.part).toMatchObject({ cpid, mpn: "GCM21BR72A104KA37L" });

    const custom = await call(api(`/boms/${bom.id}/lines/${second.id}`), "PATCH", {
      is_custom_part: true,
      description: "Mounting hole",
    });
    expect(custom.body.line).toMatchObject({ match_status: "custom", part: null });

    const quantity = await call(api(`/boms/${bom.id}/lines/${first.id}`), "PATCH", {
      quantity: 4,
      do_not_place: true,
    });
    expect(quantity.body.line).toMatchObject({ quantity: 4, do_not_place: true, part: { cpid } });

    const removed = await call(api(`/boms/${bom.id}/lines/${second.id}`), "DELETE");
    expect(removed.status).toBe(204);
    expect((await getBom(bom.id)).lines.map((line) => line.id)).toEqual([first.id]);
  });

  it("refuses an unknown part, a contradictory change and a bad field, changing nothing", async () => {
    const bom = await createBom("Line checks", [{ mpn: "UNKNOWN-3", quantity: 2 }]);
    const lineId = bom.lines[0]?.id ?? "";
    const url = api(`/boms/${bom.id}/lines/${lineId}`);
    const unknownPart = await call(url, "PATCH", { part: "NOSUCHCPID00" });
    expect(unknownPart.status).toBe(422);
    expect(unknownPart.body.error).toMatchObject({ code: "validation_error", field: "part" });
    expect(unknownPart.body.error.message).toMatch(/NOSUCHCPID00/);
    const both = await call(url, "PATCH", { part: "X", is_custom_part: true });
    expect(both.body.error.message).toMatch(/cannot both choose a part/);
    const badQty = await call(url, "PATCH", { quantity: 1.5 });
    expect(badQty.body.error).toMatchObject({ field: "quantity" });
    expect((await getBom(bom.id)).lines).toEqual(bom.lines);
    const missing = await call(api(`/boms/${bom.id}/lines/nope-line`), "GET");
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(`No line nope-line on BOM ${bom.id}.`);
  });
});

describe("part candidates", () => {
  it("returns Knowledge Graph candidates with lifecycle, stock and offers", async () => {
    const found = await call(api("/parts/search?q=LM358&limit=4"), "GET");
    expect(found.status).toBe(200);
    const parts = (found.body as PartSearchResponse).parts;
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.length).toBeLessThanOrEqual(4);
    for (const part of parts) expect(`${part.mpn} ${part.description}`).toMatch(/LM358/i);
    expect(parts.some((part) => part.lifecycle !== null)).toBe(true);
    expect(parts.some((part) => part.offers.length > 0)).toBe(true);
    const none = await call(api("/parts/search?q=zzqqxx-no-such-thing"), "GET");
    expect(none.body).toEqual({ parts: [] });
    const bad = await call(api("/parts/search?q="), "GET");
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe("query.q");
  });
});
