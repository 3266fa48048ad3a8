/**
 * The upload as a state machine: validating → uploading → queued → processing → done, or
 * failed at any step with what went wrong and what to do next. Pure: the runner feeds it events.
 */
import type { JobStatusResponse } from "../../../core/api";
import type { BomIssue } from "../../../core/bom/types";

export const UPLOAD_STEPS = ["validating", "uploading", "queued", "processing", "done"] as const;
export type UploadStep = (typeof UPLOAD_STEPS)[number];
export type ActiveStep = Exclude<UploadStep, "done">;

export const STEP_LABELS: Record<UploadStep, string> = {
  validating: "Checking the BOM",
  uploading: "Sending to Cofactr",
  queued: "Waiting in Cofactr's queue",
  processing: "Cofactr is matching parts",
  done: "Done",
};

export type FailureKind =
  | "mapping"
  | "details"
  | "rejected"
  | "auth"
  | "network"
  | "job"
  | "timeout"
  | "workbook"
  | "unexpected";

export interface UploadFailure {
  kind: FailureKind;
  /** What went wrong, in plain words. */
  message: string;
  /** What the user can do about it. */
  nextStep: string;
  /** Mapping errors, with sheet rows. */
  issues?: BomIssue[];
}

export interface UploadSummary {
  bomId: string;
  jobId: string;
  created: boolean | null;
  lines: number;
  matched: number;
  unmatched: number;
}

export type UploadState =
  | { phase: "idle" }
  | {
      phase: "running";
      /** Known once the sheet was read (a ribbon upload starts before that). */
      sheetName: string | null;
      step: ActiveStep;
      jobId: string | null;
      polls: number;
    }
  | { phase: "done"; sheetName: string; step: "done"; summary: UploadSummary }
  | { phase: "failed"; sheetName: string | null; step: UploadStep; failure: UploadFailure };

export type UploadEvent =
  | { type: "start"; sheetName: string | null }
  | { type: "validated"; sheetName: string }
  | { type: "accepted"; jobId: string }
  | { type: "resume"; sheetName: string; jobId: string }
  | { type: "jobStatus"; status: JobStatusResponse }
  | { type: "finished"; summary: UploadSummary }
  | { type: "failed"; failure: UploadFailure }
  | { type: "reset" };

export const IDLE: UploadState = { phase: "idle" };

export function isBusy(state: UploadState): boolean {
  return state.phase === "running";
}

export function uploadReducer(state: UploadState, event: UploadEvent): UploadState {
  switch (event.type) {
    case "start":
      if (state.phase === "running") return state;
      return {
        phase: "running",
        sheetName: event.sheetName,
        step: "validating",
        jobId: null,
        polls: 0,
      };
    case "resume":
      if (state.phase === "running") return state;
      return {
        phase: "running",
        sheetName: event.sheetName,
        step: "queued",
        jobId: event.jobId,
        polls: 0,
      };
    case "validated":
      if (state.phase !== "running" || state.step !== "validating") return state;
      return { ...state, sheetName: event.sheetName, step: "uploading" };
    case "accepted":
      if (state.phase !== "running" || state.step !== "uploading") return state;
      return { ...state, step: "queued", jobId: event.jobId };
    case "jobStatus": {
      if (state.phase !== "running" || state.jobId !== event.status.id) return state;
      // "success" keeps the step at processing: the BOM's lines are still being fetched.
      const step: ActiveStep = event.status.state === "pending" ? "queued" : "processing";
      // A job never goes back to the queue once it was seen processing.
      const next = state.step === "processing" ? "processing" : step;
      return { ...state, step: next, polls: state.polls + 1 };
    }
    case "finished":
      if (state.phase !== "running") return state;
      return {
        phase: "done",
        sheetName: state.sheetName ?? "",
        step: "done",
        summary: event.summary,
      };
    case "failed":
      if (state.phase !== "running") return state;
      return {
        phase: "failed",
        sheetName: state.sheetName,
        step: state.step,
        failure: event.failure,
      };
    case "reset":
      return state.phase === "running" ? state : IDLE;
  }
}

/** 0..1 for the progress bar. */
export function progressOf(state: UploadState): number {
  if (state.phase === "idle") return 0;
  if (state.phase === "done") return 1;
  const index = UPLOAD_STEPS.indexOf(state.step);
  return (index + (state.phase === "failed" ? 1 : 0.5)) / UPLOAD_STEPS.length;
}
