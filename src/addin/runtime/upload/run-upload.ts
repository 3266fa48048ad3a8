/**
 * Runs one upload: check the BOM, PUT it, then follow the job with backoff until Cofactr has
 * finished, and count matched lines. Each step is reported to the state machine; every failure
 * ends as a `failed` event saying what to do next. The job id goes into the workbook first, so a
 * closed and reopened pane can follow the same job.
 */
import { ExponentialBackoff, handleWhenResult, noJitterGenerator, retry } from "cockatiel";
import type { BomResponse, JobStatusResponse, UpsertBomRequest } from "../../../core/api";
import { saveMapping } from "../../../core/bom";
import { TRANSIENT_HTTP_STATUSES } from "../../../core/http-retry";
import type { BomReadResult, Grid } from "../../../core/bom/types";
import type { BomDetails, BomSheetSettings, WorkbookAccess } from "../../excel/workbook-access";
import type { ApiClient } from "../api-client";
import { describeFailure } from "./failures";
import type { UploadEvent, UploadSummary } from "./upload-machine";

export const INTEGRATION_SOURCE = "Cofactr for Excel";

/** What an upload needs, prepared from the pane's state or read afresh by the ribbon. */
export interface UploadInput {
  sheetName: string;
  grid: Grid;
  read: BomReadResult;
  details: BomDetails;
  settings: BomSheetSettings;
}

export interface PollOptions {
  initialDelayMs: number;
  maxDelayMs: number;
  /** Polls before giving up following (the job itself goes on at Cofactr). */
  maxPolls: number;
}

export const DEFAULT_POLL: PollOptions = { initialDelayMs: 400, maxDelayMs: 5000, maxPolls: 150 };

export interface UploadDeps {
  api: ApiClient;
  workbook: WorkbookAccess;
  newRecordId: () => string;
  now: () => Date;
  poll?: Partial<PollOptions>;
}

type Dispatch = (event: UploadEvent) => void;

/** Thrown inside the runner for failures already worded for the user. */
class UploadStop extends Error {
  constructor(readonly event: Extract<UploadEvent, { type: "failed" }>) {
    super(event.failure.message);
  }
}

function errorCount(read: BomReadResult): number {
  return read.issues.filter((issue) => issue.severity === "error").length;
}

/** The problems that stop an upload before anything is sent. */
export function checkBeforeUpload(
  input: UploadInput,
): Extract<UploadEvent, { type: "failed" }> | null {
  const errors = errorCount(input.read);
  if (errors > 0) {
    return {
      type: "failed",
      failure: {
        kind: "mapping",
        message: `${errors} ${errors === 1 ? "problem stops" : "problems stop"} the upload.`,
        nextStep:
          "Click a problem to go to its cell, fix it or change the column mapping, then upload again.",
        issues: input.read.issues.filter((issue) => issue.severity === "error"),
      },
    };
  }
  if (input.read.lines.length === 0) {
    return {
      type: "failed",
      failure: {
        kind: "mapping",
        message: "No BOM lines were found on the sheet.",
        nextStep:
          "Check that the MPN column is mapped and that the lines are below the header row.",
        issues: [],
      },
    };
  }
  if (input.details.name.trim() === "") {
    return {
      type: "failed",
      failure: {
        kind: "details",
        message: "The BOM has no name.",
        nextStep: "Type a BOM name under BOM details, then upload again.",
      },
    };
  }
  return null;
}

export function buildUpsertBody(
  input: UploadInput,
  integrationRecordId: string,
  now: Date,
): UpsertBomRequest {
  const text = (value: string) => (value.trim() === "" ? null : value.trim());
  return {
    name: input.details.name.trim(),
    version: text(input.details.version),
    part_number: text(input.details.partNumber),
    lines: input.read.lines,
    integration_record_id: integrationRecordId,
    synced_from_integration: true,
    integration_source_name: INTEGRATION_SOURCE,
    synced_from_integration_at: now.toISOString(),
    metadata: {
      source: "excel",
      sheet: input.sheetName,
      build_quantity: input.details.buildQuantity,
    },
  };
}

function summarize(jobId: string, job: JobStatusResponse, bom: BomResponse | null): UploadSummary {
  const bomId = job.bom_id ?? bom?.id ?? "";
  if (bom) {
    const count = (status: string) =>
      bom.lines.filter((line) => line.match_status === status).length;
    return {
      bomId,
      jobId,
      created: job.created,
      lines: bom.lines.length,
      matched: count("matched"),
      unmatched: count("unmatched"),
    };
  }
  const lines = job.lines ?? 0;
  const unmatched = job.unmatched_lines ?? 0;
  return { bomId, jobId, created: job.created, lines, matched: lines - unmatched, unmatched };
}

function isTransient(error: Error): boolean {
  const status = (error as { status?: unknown }).status;
  // Status 0: the request never got an answer (network down, server restarting).
  return status === 0 || (typeof status === "number" && TRANSIENT_HTTP_STATUSES.has(status));
}

/** Follows a job until it succeeds or fails, then records the outcome in the workbook. */
export async function followJob(
  sheetName: string,
  jobId: string,
  deps: UploadDeps,
  dispatch: Dispatch,
  signal: AbortSignal,
): Promise<void> {
  const poll = { ...DEFAULT_POLL, ...deps.poll };
  try {
    const policy = retry(
      handleWhenResult((result) => {
        const state = (result as JobStatusResponse).state;
        return state === "pending" || state === "running";
      }).orWhen(isTransient),
      {
        // cockatiel counts retries after the first call.
        maxAttempts: Math.max(0, poll.maxPolls - 1),
        backoff: new ExponentialBackoff({
          initialDelay: poll.initialDelayMs,
          maxDelay: poll.maxDelayMs,
          exponent: 1.5,
          generator: noJitterGenerator,
        }),
      },
    );
    const job = await policy.execute(async ({ signal: attemptSignal }) => {
      const status = await deps.api.job(jobId, attemptSignal);
      dispatch({ type: "jobStatus", status });
      return status;
    }, signal);
    if (job.state === "pending" || job.state === "running") {
      throw new UploadStop({
        type: "failed",
        failure: {
          kind: "timeout",
          message: "Cofactr has not finished processing the BOM yet.",
          nextStep:
            "It goes on without the pane: close and reopen the pane later to see the result.",
        },
      });
    }
    if (job.state === "failure") {
      await deps.workbook.saveSettings(sheetName, {
        lastJob: { id: jobId, startedAt: deps.now().toISOString(), finished: true },
      });
      throw new UploadStop({
        type: "failed",
        failure: {
          kind: "job",
          message: `Cofactr could not process the BOM${job.error ? `: ${job.error}` : "."}`,
          nextStep: `Check the BOM's lines and upload again. If it keeps failing, give Cofactr support the job id ${jobId}.`,
        },
      });
    }
    const bom = job.bom_id ? await deps.api.bom(job.bom_id, signal).catch(() => null) : null;
    const summary = summarize(jobId, job, bom);
    const settings = await deps.workbook.loadSettings(sheetName);
    await deps.workbook.saveSettings(sheetName, {
      bomId: summary.bomId || undefined,
      lastJob: {
        id: jobId,
        startedAt: settings.lastJob?.startedAt ?? deps.now().toISOString(),
        finished: true,
      },
    });
    dispatch({ type: "finished", summary });
  } catch (error) {
    if (signal.aborted) return;
    if ((error as { status?: unknown }).status === 404) {
      // Cofactr has forgotten the job (expired): stop following it every time the pane opens.
      await deps.workbook
        .saveSettings(sheetName, {
          lastJob: { id: jobId, startedAt: deps.now().toISOString(), finished: true },
        })
        .catch(() => undefined);
    }
    dispatch(error instanceof UploadStop ? error.event : describeFailure(error));
  }
}

/** The whole upload; `prepare` reads (or hands over) the sheet inside the validating step. */
export async function runUpload(
  prepare: () => Promise<UploadInput>,
  deps: UploadDeps,
  dispatch: Dispatch,
  signal: AbortSignal,
): Promise<void> {
  let input: UploadInput | null = null;
  let jobId: string;
  try {
    input = await prepare();
    const problem = checkBeforeUpload(input);
    if (problem) throw new UploadStop(problem);
    dispatch({ type: "validated", sheetName: input.sheetName });

    const recordId = input.settings.integrationRecordId ?? deps.newRecordId();
    await deps.workbook.saveSettings(input.sheetName, {
      integrationRecordId: recordId,
      mapping: saveMapping(input.read, input.grid),
      details: input.details,
    });
    ({ job_id: jobId } = await deps.api.upsertBom(
      buildUpsertBody(input, recordId, deps.now()),
      signal,
    ));
    await deps.workbook.saveSettings(input.sheetName, {
      lastJob: { id: jobId, startedAt: deps.now().toISOString(), finished: false },
    });
    dispatch({ type: "accepted", jobId });
  } catch (error) {
    if (signal.aborted) return;
    dispatch(
      error instanceof UploadStop
        ? error.event
        : describeFailure(error, input?.read.lineRows ?? []),
    );
    return;
  }
  await followJob(input.sheetName, jobId, deps, dispatch, signal);
}
