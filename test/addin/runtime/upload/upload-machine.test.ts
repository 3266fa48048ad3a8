import type { JobStatusResponse } from "../../../../src/core/api";
import {
  IDLE,
  progressOf,
  uploadReducer,
  type UploadEvent,
  type UploadState,
} from "../../../../src/addin/runtime/upload/upload-machine";

function status(id: string, state: JobStatusResponse["state"]): JobStatusResponse {
  return {
    id,
    state,
    raw_status: state,
    bom_id: null,
    created: null,
    lines: null,
    unmatched_lines: null,
    error: null,
  };
}

function run(events: UploadEvent[], from: UploadState = IDLE): UploadState {
  return events.reduce(uploadReducer, from);
}

describe("upload state machine", () => {
  it("walks validating → uploading → queued → processing → done", () => {
    const steps: string[] = [];
    let state: UploadState = IDLE;
    const events: UploadEvent[] = [
      { type: "start", sheetName: null },
      { type: "validated", sheetName: "BOM" },
      { type: "accepted", jobId: "j1" },
      { type: "jobStatus", status: status("j1", "pending") },
      { type: "jobStatus", status: status("j1", "running") },
      { type: "jobStatus", status: status("j1", "success") },
      {
        type: "finished",
        summary: { bomId: "b", jobId: "j1", created: true, lines: 3, matched: 2, unmatched: 1 },
      },
    ];
    for (const event of events) {
      state = uploadReducer(state, event);
      steps.push(state.phase === "idle" ? "idle" : state.step);
    }
    expect(steps).toEqual([
      "validating",
      "uploading",
      "queued",
      "queued",
      "processing",
      "processing",
      "done",
    ]);
    expect(state).toMatchObject({ phase: "done", sheetName: "BOM" });
    expect(progressOf(state)).toBe(1);
  });

  it("ignores statuses of another job and never goes back to the queue", () => {
    const running = run([
      { type: "resume", sheetName: "BOM", jobId: "j1" },
      { type: "jobStatus", status: status("j1", "running") },
    ]);
    expect(uploadReducer(running, { type: "jobStatus", status: status("j2", "pending") })).toBe(
      running,
    );
    expect(
      uploadReducer(running, { type: "jobStatus", status: status("j1", "pending") }),
    ).toMatchObject({ step: "processing" });
  });

  it("keeps the step where it failed, and a second start while running is ignored", () => {
    const started = run([{ type: "start", sheetName: null }]);
    expect(uploadReducer(started, { type: "start", sheetName: "Other" })).toBe(started);
    const failed = run(
      [
        { type: "validated", sheetName: "BOM" },
        { type: "failed", failure: { kind: "network", message: "m", nextStep: "n" } },
      ],
      started,
    );
    expect(failed).toMatchObject({ phase: "failed", step: "uploading", sheetName: "BOM" });
    expect(progressOf(failed)).toBeCloseTo(2 / 5);
    expect(uploadReducer(failed, { type: "reset" })).toBe(IDLE);
  });

  it("does not accept a job before the BOM was validated", () => {
    const started = run([{ type: "start", sheetName: null }]);
    expect(uploadReducer(started, { type: "accepted", jobId: "j" })).toBe(started);
  });
});
