/**
 * Async jobs (Upsert BOM Async): PENDING → STARTED → SUCCESS or FAILURE, advancing one state
 * per poll (deterministic, for tests) or with the clock. The upsert itself runs when the job
 * reaches its last state, so a failing job changes nothing.
 */
import { randomUUID } from "node:crypto";
import type { UpsertBomInput } from "./schemas";
import type { BomStore } from "./store";

export type JobTiming = { mode: "polls" } | { mode: "clock"; stepMs: number };
export type JobStatusWords = "celery" | "plain";

type Phase = "pending" | "started" | "success" | "failure";

const WORDS: Record<JobStatusWords, Record<Phase, string>> = {
  celery: { pending: "PENDING", started: "STARTED", success: "SUCCESS", failure: "FAILURE" },
  plain: { pending: "queued", started: "running", success: "succeeded", failure: "failed" },
};

export interface JobResult {
  bom_id: string;
  created: boolean;
  lines: number;
  unmatched_lines: number;
}

interface Job {
  id: string;
  phase: Phase;
  createdMs: number;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  result: JobResult | null;
  error: string | null;
  polls: number;
  input: UpsertBomInput;
  fails: boolean;
}

export interface JobView {
  id: string;
  status: string;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  result: JobResult | null;
  error: string | null;
}

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
  ) {}

  create(input: UpsertBomInput, fails: boolean): string {
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
      input,
      fails,
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
    if (job.fails) {
      job.error = INJECTED_FAILURE_MESSAGE;
      this.enter(job, "failure");
    } else {
      const { bom, created } = this.store.upsert(job.input);
      job.result = {
        bom_id: bom.id,
        created,
        lines: bom.lines.length,
        unmatched_lines: bom.lines.filter((line) => line.match_status === "unmatched").length,
      };
      this.enter(job, "success");
    }
    job.finished_at = job.updated_at;
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
