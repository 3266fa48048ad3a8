/**
 * `cofactr-bom upload FILE`: upsert the BOM through the server's /api and follow the async job
 * to its end. The integration record id is derived from the file's real path (and sheet), so
 * uploading the same file again updates the same BOM instead of making a new one.
 */
import { createHash } from "node:crypto";
import { realpathSync } from "node:fs";
import { ExponentialBackoff, handleWhen, retry } from "cockatiel";
import type { JobStatusResponse, UpsertBomRequest } from "../core/api";
import { ApiRequestError } from "../core/api-call";
import {
  bomResponseSchema,
  healthResponseSchema,
  jobStatusResponseSchema,
  upsertBomResponseSchema,
} from "../core/api-schemas";
import { createProgramsApi } from "../core/programs-client";
import { ApiClient } from "./http";
import { CliError, type CliIo } from "./io";
import { bomName, loadBom } from "./load-bom";

export interface UploadOptions {
  name?: string;
  server: string;
  sheet?: string;
  token?: string;
  recordId?: string;
  /** Give up following the job after this many seconds. */
  timeout?: number;
  json?: boolean;
  /** Boards to build: the BOM's program is made or updated for this many. */
  buildQty?: number;
  /** Poll delays start here (ms) and double up to 5 s; tests make it short. */
  pollStartMs?: number;
}

/** A stable id for "this file": same path (and sheet), same BOM in Cofactr. */
export function integrationRecordId(file: string, sheet?: string): string {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    real = file;
  }
  const digest = createHash("sha256")
    .update(`${real}\n${sheet ?? ""}`)
    .digest("hex");
  return `cofactr-bom-${digest.slice(0, 32)}`;
}

/** Network trouble, rate limits and busy gateways are worth another try (core/http-retry.ts). */
const transientRetry = retry(
  handleWhen((error) => error instanceof ApiRequestError && error.transient),
  {
    maxAttempts: 4,
    backoff: new ExponentialBackoff({ initialDelay: 300, maxDelay: 5_000 }),
  },
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function uploadCommand(
  file: string,
  options: UploadOptions,
  io: CliIo,
): Promise<number> {
  const loaded = await loadBom(file, options.sheet === undefined ? {} : { sheet: options.sheet });
  const { result } = loaded;
  if (result.lines.length === 0)
    throw new CliError(`${file}: no BOM lines found, nothing to upload`, 2);
  const errors = loaded.issues.filter((issue) => issue.severity === "error").length;
  const warnings = loaded.issues.filter((issue) => issue.severity === "warning").length;
  io.err(
    `${file}: ${result.lines.length} lines (${errors} errors, ${warnings} warnings; see \`cofactr-bom map\`)`,
  );

  const client = new ApiClient(options);
  const health = await transientRetry.execute(() =>
    client.call("GET", "/api/health", healthResponseSchema),
  );
  io.err(`server ${options.server} (${health.mode} mode)`);

  const name = (options.name ?? bomName(file)).trim();
  if (name === "" || name.length > 255) throw new CliError("--name must be 1–255 characters", 2);
  const body: UpsertBomRequest = {
    name,
    lines: result.lines,
    integration_record_id: options.recordId ?? integrationRecordId(file, options.sheet),
    synced_from_integration: true,
    integration_source_name: "cofactr-bom",
    synced_from_integration_at: new Date().toISOString(),
    metadata: { source_file: bomName(file), header_row: result.headerRow },
    ...(options.buildQty === undefined ? {} : { build_quantity: options.buildQty }),
  };
  // The PUT is not retried: a timed-out upsert may still have started a job.
  const { job_id: jobId } = await client.call("PUT", "/api/boms", upsertBomResponseSchema, body);
  io.err(`job ${jobId} started`);

  const started = Date.now();
  const deadline = started + (options.timeout ?? 600) * 1000;
  let delay = options.pollStartMs ?? 250;
  let job: JobStatusResponse;
  let lastState = "";
  for (;;) {
    job = await transientRetry.execute(() =>
      client.call("GET", `/api/jobs/${encodeURIComponent(jobId)}`, jobStatusResponseSchema),
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (job.state !== lastState)
      io.err(`job ${jobId}: ${job.state} (${job.raw_status}) after ${seconds} s`);
    lastState = job.state;
    if (job.state === "success" || job.state === "failure") break;
    if (Date.now() + delay > deadline) {
      throw new CliError(
        `job ${jobId} still ${job.state} after ${options.timeout ?? 600} s; check it later`,
        3,
      );
    }
    await sleep(delay);
    delay = Math.min(delay * 2, 5_000);
  }
  if (job.state === "failure")
    throw new CliError(`job ${jobId} failed: ${job.error ?? job.raw_status}`, 1);
  if (!job.bom_id) throw new CliError(`job ${jobId} succeeded without a BOM id`, 1);

  const bom = await transientRetry.execute(() =>
    client.call("GET", `/api/boms/${encodeURIComponent(job.bom_id as string)}`, bomResponseSchema),
  );
  const matched = bom.lines.filter((line) => line.match_status === "matched").length;
  const custom = bom.lines.filter((line) => line.match_status === "custom").length;
  const unmatched = bom.lines.filter((line) => line.match_status === "unmatched").length;
  // Made or updated after the BOM exists (its id is only known now); idempotent, so retried.
  const program =
    options.buildQty === undefined
      ? null
      : await transientRetry.execute(() =>
          createProgramsApi(client.call).bomProgram(bom.id, {
            build_quantity: options.buildQty,
          }),
        );
  const summary = {
    bom_id: bom.id,
    name: bom.name,
    created: job.created,
    lines: bom.lines.length,
    matched,
    unmatched,
    custom,
    integration_record_id: bom.integration_record_id ?? body.integration_record_id ?? null,
    ...(program
      ? {
          program_id: program.program.id,
          program_created: program.created,
          build_quantity: options.buildQty,
        }
      : {}),
  };
  if (options.json) io.out(JSON.stringify(summary));
  else {
    const verb = job.created === false ? "updated" : job.created === true ? "created" : "saved";
    io.out(
      `BOM ${bom.id} ${verb}: ${bom.lines.length} lines, ${matched} matched, ${unmatched} unmatched${custom ? `, ${custom} custom` : ""}`,
    );
    if (program) {
      io.out(
        `program ${program.program.id} ${program.created ? "created" : "updated"}: ${options.buildQty} boards of this BOM`,
      );
    }
  }
  return 0;
}
