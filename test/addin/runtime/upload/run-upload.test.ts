import { readBom } from "../../../../src/core/bom";
import type { Grid } from "../../../../src/core/bom/types";
import { ApiRequestError } from "../../../../src/addin/runtime/api-client";
import { UploadController } from "../../../../src/addin/runtime/upload/controller";
import type { UploadDeps, UploadInput } from "../../../../src/addin/runtime/upload/run-upload";
import type { UploadState } from "../../../../src/addin/runtime/upload/upload-machine";
import { FakeApiClient } from "../../../support/fakeApiClient";
import { FakeWorkbookAccess } from "../../../support/fakeWorkbook";

const GRID: Grid = [
  ["Ref", "Qty", "MPN", "Manufacturer"],
  ["R1 R2", 2, "RC0402FR-0710KL", "Yageo"],
  ["C1", 1, "GRM155R71C104KA88D", "Murata"],
  ["U1", 1, "LM358DR", "Texas Instruments"],
];

function input(grid: Grid = GRID, name = "Main board"): UploadInput {
  return {
    sheetName: "BOM",
    grid,
    read: readBom(grid, { firstRow: 1, firstColumn: 1 }),
    details: { name, version: "C3", partNumber: "", buildQuantity: 10 },
    settings: {},
  };
}

function setup() {
  const api = new FakeApiClient();
  const workbook = new FakeWorkbookAccess(null);
  let ids = 0;
  const deps: UploadDeps = {
    api,
    workbook,
    newRecordId: () => `rec-${++ids}`,
    now: () => new Date("2026-11-23T12:00:00Z"),
    poll: { initialDelayMs: 1, maxDelayMs: 2, maxPolls: 20 },
  };
  const controller = new UploadController(deps);
  const seen: UploadState[] = [];
  controller.subscribe((state) => seen.push(state));
  return { api, workbook, controller, seen };
}

describe("running an upload", () => {
  it("uploads, follows the job to the end and records it in the workbook", async () => {
    const { api, workbook, controller, seen } = setup();
    api.unmatchedIndexes.add(2);
    await controller.upload(async () => input());
    expect(seen.map((s) => (s.phase === "idle" ? "idle" : s.step))).toEqual([
      "validating",
      "uploading",
      "queued",
      "queued",
      "processing",
      "processing",
      "done",
    ]);
    expect(controller.getState()).toEqual({
      phase: "done",
      sheetName: "BOM",
      step: "done",
      summary: {
        bomId: "bom-1",
        jobId: "job-1",
        created: true,
        lines: 3,
        matched: 2,
        unmatched: 1,
      },
    });
    const body = api.uploads[0];
    expect(body).toMatchObject({
      name: "Main board",
      version: "C3",
      part_number: null,
      integration_record_id: "rec-1",
      synced_from_integration: true,
      integration_source_name: "Cofactr for Excel",
    });
    expect(body?.lines?.map((line) => line.mpn)).toEqual([
      "RC0402FR-0710KL",
      "GRM155R71C104KA88D",
      "LM358DR",
    ]);
    const stored = workbook.settings.get("BOM");
    expect(stored).toMatchObject({
      integrationRecordId: "rec-1",
      bomId: "bom-1",
      lastJob: { id: "job-1", finished: true },
      details: { name: "Main board", buildQuantity: 10 },
    });
    expect(stored?.mapping?.fields.mpn).toBe("MPN");
  });

  it("re-uploads with the same integration record id, updating the same BOM", async () => {
    const { api, workbook, controller } = setup();
    await controller.upload(async () => input());
    const settings = await workbook.loadSettings("BOM");
    await controller.upload(async () => ({ ...input(), settings }));
    expect(api.uploads.map((u) => u.integration_record_id)).toEqual(["rec-1", "rec-1"]);
    expect(controller.getState()).toMatchObject({ summary: { bomId: "bom-1" } });
  });

  it("stops before sending when rows have errors, listing them", async () => {
    const { api, controller } = setup();
    const bad: Grid = [...GRID, ["R9", "lots", "X1", "Y"]];
    const prepared = input(bad);
    expect(prepared.read.issues.some((issue) => issue.severity === "error")).toBe(true);
    await controller.upload(async () => prepared);
    expect(api.uploads).toHaveLength(0);
    const state = controller.getState();
    expect(state).toMatchObject({
      phase: "failed",
      step: "validating",
      failure: { kind: "mapping" },
    });
    if (state.phase !== "failed") throw new Error("expected failure");
    expect(state.failure.issues?.some((issue) => issue.row === 5)).toBe(true);
  });

  it("asks for a BOM name", async () => {
    const { api, controller } = setup();
    await controller.upload(async () => input(GRID, "  "));
    expect(api.uploads).toHaveLength(0);
    expect(controller.getState()).toMatchObject({
      failure: { kind: "details", nextStep: expect.stringMatching(/BOM name/) },
    });
  });

  it("explains a server rejection with the sheet row of the line", async () => {
    const { api, controller } = setup();
    api.uploadError = new ApiRequestError(400, "validation", "mpn is too long", {
      field: "lines[1].mpn",
      issues: [{ field: "lines[1].mpn", message: "mpn is too long" }],
    });
    await controller.upload(async () => input());
    expect(controller.getState()).toMatchObject({
      phase: "failed",
      step: "uploading",
      failure: {
        kind: "rejected",
        message: "Cofactr rejected the BOM: mpn is too long (line 2 (sheet row 3), mpn).",
      },
    });
  });

  it("reports a failed job with its id and keeps it finished in the workbook", async () => {
    const { api, workbook, controller } = setup();
    api.jobStates = ["pending", "failure"];
    api.jobError = "lines could not be parsed";
    await controller.upload(async () => input());
    expect(controller.getState()).toMatchObject({
      phase: "failed",
      failure: {
        kind: "job",
        message: "Cofactr could not process the BOM: lines could not be parsed",
        nextStep: expect.stringContaining("job-1"),
      },
    });
    expect(workbook.settings.get("BOM")?.lastJob?.finished).toBe(true);
  });

  it("retries a poll that failed on the network", async () => {
    const { api, controller } = setup();
    const job = api.job.bind(api);
    let failures = 1;
    api.job = async (id: string) => {
      if (failures-- > 0) throw new ApiRequestError(0, "network", "down");
      return job(id);
    };
    await controller.upload(async () => input());
    expect(controller.getState().phase).toBe("done");
  });

  it("resumes following an unfinished job recorded in the workbook", async () => {
    const first = setup();
    first.api.jobStates = ["pending", "pending", "pending", "pending", "success"];
    first.controller.upload(async () => input());
    // The pane is closed while the job waits: a new controller reads the settings.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
    first.controller.stop();
    const settings = await first.workbook.loadSettings("BOM");
    expect(settings.lastJob).toMatchObject({ id: "job-1", finished: false });

    const reopened = new UploadController({
      api: first.api,
      workbook: first.workbook,
      newRecordId: () => "unused",
      now: () => new Date(),
      poll: { initialDelayMs: 1, maxDelayMs: 2, maxPolls: 20 },
    });
    await reopened.resume("BOM", settings);
    expect(reopened.getState()).toMatchObject({ phase: "done", summary: { jobId: "job-1" } });
    expect(reopened.resume("BOM", await first.workbook.loadSettings("BOM"))).toBeNull();
  });

  it("forgets a recorded job Cofactr no longer knows, so the next opening is quiet", async () => {
    const { api, workbook, controller } = setup();
    await workbook.saveSettings("BOM", {
      lastJob: { id: "job-expired", startedAt: "2026-01-01T00:00:00Z", finished: false },
    });
    api.job = async () => {
      throw new ApiRequestError(404, "not_found", "No job job-expired.");
    };
    await controller.resume("BOM", await workbook.loadSettings("BOM"));
    expect(controller.getState()).toMatchObject({
      phase: "failed",
      failure: { message: "Cofactr no longer knows this upload." },
    });
    const settings = await workbook.loadSettings("BOM");
    expect(settings.lastJob).toMatchObject({ id: "job-expired", finished: true });
    controller.reset();
    expect(controller.resume("BOM", settings)).toBeNull();
  });

  it("gives up following after the poll budget, saying the job goes on", async () => {
    const { api, controller } = setup();
    api.jobStates = ["running"];
    await controller.upload(async () => input());
    expect(controller.getState()).toMatchObject({ failure: { kind: "timeout" } });
    expect(api.jobPolls.length).toBe(20);
  });
});
