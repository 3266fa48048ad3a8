/**
 * The add-in's and CLI's client for the /api program routes, over either checked call (the
 * pane's fetch-based one, the CLI's Node one): every answer is checked against its route's
 * schema. `followAvailability` runs Get Program Availabilities Async to its end, polling with
 * backoff under one deadline.
 */
import type { ApiCall } from "./api-call";
import type {
  BomProgramRequest,
  BomProgramResponse,
  CreatePartOverrideRequest,
  CreateProgramRequest,
  DeletedResponse,
  PartOverrideView,
  PartOverridesResponse,
  ProgramAvailabilityJobResponse,
  ProgramAvailabilityJobStarted,
  ProgramAvailabilityResponse,
  ProgramLineRequest,
  ProgramLineView,
  ProgramLinesResponse,
  ProgramListResponse,
  ProgramReferencePricingResponse,
  ProgramResponse,
  UpdatePartOverrideRequest,
  UpdateProgramLineRequest,
  UpdateProgramRequest,
} from "./api-programs";
import {
  bomProgramResponseSchema,
  deletedResponseSchema,
  partOverrideViewSchema,
  partOverridesResponseSchema,
  programAvailabilityJobResponseSchema,
  programAvailabilityJobStartedSchema,
  programAvailabilityResponseSchema,
  programLineViewSchema,
  programLinesResponseSchema,
  programListResponseSchema,
  programReferencePricingResponseSchema,
  programResponseSchema,
} from "./api-programs-schemas";

export interface FollowOptions {
  signal?: AbortSignal;
  /** First wait between polls (doubles up to 5 s). */
  pollStartMs?: number;
  /** Give up after this long. */
  timeoutMs?: number;
  /** Told every job state seen. */
  onProgress?: (job: ProgramAvailabilityJobResponse) => void;
}

export class AvailabilityJobError extends Error {
  constructor(
    readonly job: ProgramAvailabilityJobResponse,
    message: string,
  ) {
    super(message);
    this.name = "AvailabilityJobError";
  }
}

export interface ProgramsApi {
  listPrograms(
    options?: { search?: string; limit?: number; offset?: number },
    signal?: AbortSignal,
  ): Promise<ProgramListResponse>;
  program(id: string, signal?: AbortSignal): Promise<ProgramResponse>;
  createProgram(body: CreateProgramRequest): Promise<ProgramResponse>;
  updateProgram(id: string, changes: UpdateProgramRequest): Promise<ProgramResponse>;
  deleteProgram(id: string): Promise<DeletedResponse>;
  programLines(id: string, signal?: AbortSignal): Promise<ProgramLinesResponse>;
  addProgramLine(id: string, line: ProgramLineRequest): Promise<ProgramLineView>;
  updateProgramLine(
    id: string,
    lineId: string,
    changes: UpdateProgramLineRequest,
  ): Promise<ProgramLineView>;
  removeProgramLine(id: string, lineId: string): Promise<DeletedResponse>;
  /** Get Program Availabilities: computed while the request waits. */
  availability(id: string, signal?: AbortSignal): Promise<ProgramAvailabilityResponse>;
  startAvailabilityJob(id: string): Promise<ProgramAvailabilityJobStarted>;
  availabilityJob(
    id: string,
    jobId: string,
    signal?: AbortSignal,
  ): Promise<ProgramAvailabilityJobResponse>;
  /** The async variant, started and followed to its end; rejects with AvailabilityJobError
   * when the job fails or outlives `timeoutMs`. */
  followAvailability(id: string, options?: FollowOptions): Promise<ProgramAvailabilityResponse>;
  referencePricing(id: string, signal?: AbortSignal): Promise<ProgramReferencePricingResponse>;
  partOverrides(id: string, signal?: AbortSignal): Promise<PartOverridesResponse>;
  addPartOverride(id: string, body: CreatePartOverrideRequest): Promise<PartOverrideView>;
  updatePartOverride(
    id: string,
    overrideId: string,
    changes: UpdatePartOverrideRequest,
  ): Promise<PartOverrideView>;
  removePartOverride(id: string, overrideId: string): Promise<DeletedResponse>;
  /** The BOM's program for a build quantity, made or updated (idempotent). */
  bomProgram(bomId: string, body: BomProgramRequest): Promise<BomProgramResponse>;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const MAX_POLL_MS = 5_000;

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export function createProgramsApi(call: ApiCall): ProgramsApi {
  const programPath = (id: string) => `/api/programs/${encodeURIComponent(id)}`;
  const linePath = (id: string, lineId: string) =>
    `${programPath(id)}/lines/${encodeURIComponent(lineId)}`;
  const overridePath = (id: string, overrideId: string) =>
    `${programPath(id)}/part-overrides/${encodeURIComponent(overrideId)}`;

  const api: ProgramsApi = {
    listPrograms: (options = {}, signal) => {
      const query = new URLSearchParams({ limit: String(options.limit ?? 50) });
      if (options.offset) query.set("offset", String(options.offset));
      if (options.search) query.set("search", options.search);
      const path = `/api/programs?${query.toString()}`;
      return call("GET", path, programListResponseSchema, undefined, signal);
    },
    program: (id, signal) => call("GET", programPath(id), programResponseSchema, undefined, signal),
    createProgram: (body) => call("POST", "/api/programs", programResponseSchema, body),
    updateProgram: (id, changes) => call("PATCH", programPath(id), programResponseSchema, changes),
    deleteProgram: (id) => call("DELETE", programPath(id), deletedResponseSchema),
    programLines: (id, signal) =>
      call("GET", `${programPath(id)}/lines`, programLinesResponseSchema, undefined, signal),
    addProgramLine: (id, line) =>
      call("POST", `${programPath(id)}/lines`, programLineViewSchema, line),
    updateProgramLine: (id, lineId, changes) =>
      call("PATCH", linePath(id, lineId), programLineViewSchema, changes),
    removeProgramLine: (id, lineId) => call("DELETE", linePath(id, lineId), deletedResponseSchema),
    availability: (id, signal) =>
      call(
        "GET",
        `${programPath(id)}/availability`,
        programAvailabilityResponseSchema,
        undefined,
        signal,
      ),
    startAvailabilityJob: (id) =>
      call("POST", `${programPath(id)}/availability/jobs`, programAvailabilityJobStartedSchema, {}),
    availabilityJob: (id, jobId, signal) =>
      call(
        "GET",
        `${programPath(id)}/availability/jobs/${encodeURIComponent(jobId)}`,
        programAvailabilityJobResponseSchema,
        undefined,
        signal,
      ),
    followAvailability: async (id, options = {}) => {
      const { job_id: jobId } = await api.startAvailabilityJob(id);
      const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      let delay = options.pollStartMs ?? 500;
      for (;;) {
        const job = await api.availabilityJob(id, jobId, options.signal);
        options.onProgress?.(job);
        if (job.state === "success" && job.availability) return job.availability;
        if (job.state === "failure" || job.state === "success") {
          throw new AvailabilityJobError(
            job,
            `The availability job ${job.id} failed: ${job.error ?? job.raw_status}`,
          );
        }
        if (Date.now() + delay > deadline) {
          throw new AvailabilityJobError(
            job,
            `The availability job ${job.id} is still ${job.state}; try again later.`,
          );
        }
        await wait(delay, options.signal);
        delay = Math.min(delay * 2, MAX_POLL_MS);
      }
    },
    referencePricing: (id, signal) =>
      call(
        "GET",
        `${programPath(id)}/reference-pricing`,
        programReferencePricingResponseSchema,
        undefined,
        signal,
      ),
    partOverrides: (id, signal) =>
      call(
        "GET",
        `${programPath(id)}/part-overrides`,
        partOverridesResponseSchema,
        undefined,
        signal,
      ),
    addPartOverride: (id, body) =>
      call("POST", `${programPath(id)}/part-overrides`, partOverrideViewSchema, body),
    updatePartOverride: (id, overrideId, changes) =>
      call("PATCH", overridePath(id, overrideId), partOverrideViewSchema, changes),
    removePartOverride: (id, overrideId) =>
      call("DELETE", overridePath(id, overrideId), deletedResponseSchema),
    bomProgram: (bomId, body) =>
      call("PUT", `/api/boms/${encodeURIComponent(bomId)}/program`, bomProgramResponseSchema, body),
  };
  return api;
}
