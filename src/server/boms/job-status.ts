/** Cofactr's async job status words (Celery-style or plain) mapped to the add-in's four states. */
import type { JobState } from "../../core/api";

const STATE_BY_WORD: Record<string, JobState> = {
  pending: "pending",
  queued: "pending",
  received: "pending",
  scheduled: "pending",
  started: "running",
  running: "running",
  retry: "running",
  in_progress: "running",
  processing: "running",
  success: "success",
  succeeded: "success",
  completed: "success",
  complete: "success",
  done: "success",
  failure: "failure",
  failed: "failure",
  error: "failure",
  revoked: "failure",
  cancelled: "failure",
  canceled: "failure",
};

/**
 * The one place a status word becomes a state (case-insensitive). An unknown word counts as
 * still running: the add-in keeps polling until its own time limit rather than declaring a
 * result Cofactr never gave.
 */
export function jobStateOf(status: string): JobState {
  const word = status
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return STATE_BY_WORD[word] ?? "running";
}
