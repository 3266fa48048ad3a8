/**
 * Async jobs (Upsert BOM Async, Get Program Availabilities Async): PENDING → STARTED → SUCCESS
 * or FAILURE, advancing one state per poll (deterministic, for tests) or with the clock. The
 * job's work (the upsert, the availability computation) runs when the job reaches its last
 * state, so a failing job changes nothing and an availability reflects the stock of that moment.
 */
import { randomUUID } from "node:crypto";
import type { UpsertBomInput } from "./schemas";
import type { BomStore } from "./store";

export type JobTiming = { mode: "polls" } | { mode: "clock"; stepMs: number };

/** How much the job list may hold: the emulator runs inside `npm start` for days. */
export interface JobLimits {
  /** A finished job is forgotten this long after it finished (its id then answers 404). */
  finishedLifetimeMs: number;
  /** Jobs kept at once; above it the oldest finished go first, then the oldest are run now. */
  maxJobs: number;
  /** Unfinished jobs holding their upload; above it the oldest is run now (as Cofactr would,
   * eventually), so that uploads nobody polls cannot pile up. */
  maxPendingJobs: number;
}

export const DEFAULT_JOB_LIMITS: JobLimits = {
  finishedLifetimeMs: 60 * 60_000,
  maxJobs: 200,
  maxPendingJobs: 10,
};
export type JobStatusWords = "celery" | "plain";

type Phase = "pending" | "started" | "success" | "failure";

const WORDS: Record<JobStatusWords, Record<Phase, string>> = {
  celery: { pending: "PENDING", started: "STARTED", success: "SUCCESS", failure: "FAILURE" },
  plain: { pending: "queued", started: "running", success: "succeeded", failure: "failed" },
};

/** What an Upsert BOM Async job ends with. */
export interface JobResult {
  bom_id: string;
  created: boolean;
  lines: number;
  unmatched_lines: number;
}

/** What a job's work produced: a result, or the reason it failed. */
export type JobOutcome = { result: object } | { error: string };

/** A job's work, run once when the job finishes. */
export type JobTask = () => JobOutcome;

interface Job {
  id: string;
  phase: Phase;
  createdMs: number;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  result: object | null;
  error: string | null;
  polls: number;
  /** The work, until the job has run (then dropped: it holds the upload, maybe megabytes). */
  task: JobTask | null;
  fails: boolean;
  finishedMs: number | null;
}

export interface JobView {
  id: string;
  status: string;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  result: object | null;
  error: string | null;
}

export const APPROVED_BOM_MESSAGE = "An approved BOM cannot be changed.";

export const INJECTED_FAILURE_MESSAGE =
  "The job failed (failure injected by the Cofactr emulator).";

export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  /** Clock mode finishes jobs on time even when nobody polls. */
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly store: BomStore,
    private readonly timing: JobTiming,
    private readonly words: JobStatusWords,
    private readonly limits: JobLimits = DEFAULT_JOB_LIMITS,
  ) {}

  get size(): number {
    return this.jobs.size;
  }

  /** An Upsert BOM Async job. */
  create(input: UpsertBomInput, fails: boolean): string {
    return this.createTask(() => this.upsertBom(input), fails);
  }

  /** A job running `task` when it finishes (unless it is made to fail). */
  createTask(task: JobTask, fails: boolean): string {
    this.evict();
    const now = new Date();
    const job: Job = {
      id: randomUUID(),
      phase: "pending",
      createdMs: now.getTime(),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      finished_at: null,
      result: null,
      error: null,
      polls: 0,
      task,
      fails,
      finishedMs: null,
    };
    this.jobs.set(job.id, job);
    if (this.timing.mode === "clock") {
      const timer = setTimeout(
        () => {
          this.timers.delete(timer);
          this.advance(job);
        },
        2 * this.timing.stepMs + 1,
      );
      timer.unref();
      this.timers.add(timer);
    }
    return job.id;
  }

  /** The job as a poll sees it, after advancing it; undefined for unknown ids. */
  poll(id: string): JobView | undefined {
    const job = this.jobs.get(id.toLowerCase());
    if (!job) return undefined;
    job.polls += 1;
    this.advance(job);
    return this.view(job);
  }

  /**
   * Finished jobs past their lifetime go; above the cap, the oldest finished go, and if that is
   * not enough the oldest unfinished are run to their end now (as Cofactr would, eventually).
   */
  private evict(): void {
    const now = Date.now();
    for (const job of this.jobs.values()) {
      if (job.finishedMs !== null && now - job.finishedMs >= this.limits.finishedLifetimeMs) {
        this.jobs.delete(job.id);
      }
    }
    for (const job of this.jobs.values()) {
      if (this.jobs.size < this.limits.maxJobs) break;
      if (job.finishedMs !== null) this.jobs.delete(job.id);
    }
    for (const job of this.jobs.values()) {
      if (this.jobs.size < this.limits.maxJobs) break;
      this.runNow(job);
      this.jobs.delete(job.id);
    }
    let pending = 0;
    for (const job of this.jobs.values()) if (job.task) pending += 1;
    for (const job of this.jobs.values()) {
      if (pending < this.limits.maxPendingJobs) return;
      if (!job.task) continue;
      this.runNow(job);
      pending -= 1;
    }
  }

  private runNow(job: Job): void {
    if (job.finishedMs !== null) return;
    if (job.phase === "pending") this.enter(job, "started");
    this.finish(job);
  }

  /** Forgets every job and stops pending timers. */
  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.jobs.clear();
  }

  private advance(job: Job): void {
    const step =
      this.timing.mode === "polls"
        ? job.polls - 1
        : Math.floor((Date.now() - job.createdMs) / Math.max(1, this.timing.stepMs));
    if (step >= 1 && job.phase === "pending") this.enter(job, "started");
    if (step >= 2 && job.phase === "started") this.finish(job);
  }

  private enter(job: Job, phase: Phase): void {
    job.phase = phase;
    job.updated_at = new Date().toISOString();
  }

  private finish(job: Job): void {
    const outcome: JobOutcome =
      job.fails || !job.task ? { error: INJECTED_FAILURE_MESSAGE } : job.task();
    if ("error" in outcome) {
      job.error = outcome.error;
      this.enter(job, "failure");
    } else {
      job.result = outcome.result;
      this.enter(job, "success");
    }
    job.finished_at = job.updated_at;
    job.finishedMs = Date.now();
    job.task = null;
  }

  /** The upsert: refused onto an approved BOM, as its own routes refuse edits. */
  private upsertBom(input: UpsertBomInput): JobOutcome {
    if (this.store.findUpsertTarget(input)?.approved) return { error: APPROVED_BOM_MESSAGE };
    const { bom, created } = this.store.upsert(input);
    const result: JobResult = {
      bom_id: bom.id,
      created,
      lines: bom.lines.length,
      unmatched_lines: bom.lines.filter((line) => line.match_status === "unmatched").length,
    };
    return { result };
  }

  private view(job: Job): JobView {
    return {
      id: job.id,
      status: WORDS[this.words][job.phase],
      created_at: job.created_at,
      updated_at: job.updated_at,
      finished_at: job.finished_at,
      result: job.result,
      error: job.error,
    };
  }
}
