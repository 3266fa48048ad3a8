/**
 * The pane's availability check end to end: the real add-in server on its embedded emulator,
 * through the pane's own API call and the shared programs client.
 */
import type { JobStatusResponse, UpsertBomResponse } from "../../../../src/core/api";
import { createProgramsApi } from "../../../../src/core/programs-client";
import { createApiCall } from "../../../../src/addin/runtime/api-client";
import { checkBomAvailability } from "../../../../src/addin/runtime/programs/check-availability";
import { startAddinServer, type RunningAddinServer } from "../../../../src/server/start";

let server: RunningAddinServer;
let programs: ReturnType<typeof createProgramsApi>;
beforeAll(async () => {
  server = await startAddinServer({});
  programs = createProgramsApi(createApiCall({ baseUrl: server.url }));
});
afterAll(() => server.close());

const LINES = [
  { mpn: "LMK107BJ475KAHT", manufacturer_name: "Taiyo Yuden", quantity: 14 },
  { mpn: "RC0402FR-1310KL", manufacturer_name: "Yageo", quantity: 8 },
  { mpn: "TPD3S014DBVR", manufacturer_name: "TI", quantity: 1 },
  { mpn: "NOT-A-REAL-PART-42", quantity: 2 },
];

async function upload(name: string, buildQuantity: number): Promise<string> {
  const put = await fetch(`${server.url}/api/boms`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      name,
      integration_record_id: name,
      build_quantity: buildQuantity,
      lines: LINES,
    }),
  });
  expect(put.status).toBe(202);
  const { job_id: jobId } = (await put.json()) as UpsertBomResponse;
  for (let poll = 0; poll < 20; poll += 1) {
    const job = (await (
      await fetch(`${server.url}/api/jobs/${jobId}`)
    ).json()) as JobStatusResponse;
    if (job.state === "success" && job.bom_id) return job.bom_id;
    if (job.state === "failure") throw new Error(`upload failed: ${job.error}`);
  }
  throw new Error("upload did not finish");
}

describe("checkBomAvailability", () => {
  it("makes the BOM's program for its build quantity, then updates that same program", async () => {
    const bomId = await upload("Pane availability board", 25);
    const first = await checkBomAvailability(programs, bomId, { timeoutMs: 20_000 });
    expect(first).toMatchObject({
      programName: "Pane availability board",
      created: true,
      buildQuantity: 25,
      unmatchedLines: 1,
    });
    const { totals } = first;
    expect(totals.parts).toBe(3);
    expect(totals.available + totals.partial + totals.unavailable).toBe(totals.parts);

    // The quantity changed on the form since the upload: the same program follows it.
    const again = await checkBomAvailability(programs, bomId, {
      buildQuantity: 40,
      timeoutMs: 20_000,
    });
    expect(again.created).toBe(false);
    expect(again.programId).toBe(first.programId);
    expect(again.buildQuantity).toBe(40);
    expect((await programs.program(first.programId)).lines).toHaveLength(1);
  });

  it("needs more of each part for more boards", async () => {
    const few = await checkBomAvailability(programs, await upload("Pane few boards", 1));
    const many = await checkBomAvailability(programs, await upload("Pane many boards", 5_000_000));
    expect(few.totals.available).toBeGreaterThan(many.totals.available);
    expect(many.totals.partial + many.totals.unavailable).toBeGreaterThan(0);
  });

  it("stops when the pane lets go of it", async () => {
    const bomId = await upload("Pane abandoned board", 3);
    const controller = new AbortController();
    const checking = checkBomAvailability(programs, bomId, { signal: controller.signal });
    controller.abort(new Error("pane closed"));
    await expect(checking).rejects.toThrow("pane closed");
  });

  it("says so when the BOM is unknown to Cofactr", async () => {
    await expect(checkBomAvailability(programs, "no-such-bom")).rejects.toThrow(/BOM|not found/i);
  });
});
