/**
 * The retry, concurrency and timeout policy every request to one Cofactr API goes through
 * (cockatiel): at most `concurrency` attempts in flight, each attempt bounded by its own
 * timeout, retries on 429/502/503/504 and network errors with backoff (Retry-After when
 * Cofactr sends one), and one overall deadline so that a dead upstream fails in seconds.
 */
import {
  DelegateBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  bulkhead,
  handleWhen,
  retry,
  timeout,
  type IRetryBackoffContext,
} from "cockatiel";
import type { UpstreamTuning } from "../config";
import { UpstreamError } from "./errors";

/** What one attempt gets: the signal to pass to fetch, and when the whole request must end. */
export interface AttemptContext {
  signal: AbortSignal;
  /** Epoch milliseconds after which no further attempt will be made. */
  deadline: number;
  /** 0 for the first attempt. */
  attempt: number;
}

/** The /api request's own deadline (epoch ms) and its length, for messages. */
export interface RequestDeadline {
  at: number;
  ms: number;
}

export interface RunOptions {
  /** No attempt or wait outlives this, whatever UPSTREAM_DEADLINE_MS allows. */
  deadline?: RequestDeadline;
  /**
   * false for a request that must not run twice (the BOM upsert): it is retried only when it
   * surely never reached Cofactr (connection refused, name not resolved).
   */
  idempotent?: boolean;
}

/**
 * What holds the concurrency ceiling: this process's own bulkhead by default, or one shared by
 * several instances (Redis). `execute` waits for a slot, or throws TaskCancelledError once
 * `signal` aborts.
 */
export interface ConcurrencyGate {
  execute<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T>;
  /** Cofactr said "not before `ms`" (Retry-After): a shared gate holds every instance back. */
  pause?(ms: number): void;
}

/** Told about every attempt sent upstream (metrics). */
export interface UpstreamObserver {
  attemptStarted(): void;
  /** `status`: the HTTP status of a failed attempt, when it had one. */
  attemptEnded(status?: number): void;
  meteredParts(count: number): void;
}

export interface PolicyHooks {
  gate?: ConcurrencyGate;
  observer?: UpstreamObserver;
}

/** This process's own ceiling: `limit` attempts in flight, the rest queued. */
export function localGate(limit: number): ConcurrencyGate {
  const cap = bulkhead(limit, Number.POSITIVE_INFINITY);
  return { execute: (task, signal) => cap.execute(() => task(), signal) };
}

/** 429 retries are bounded by the deadline only; this caps them in case Retry-After is ~0. */
const MAX_RATE_LIMITED_ATTEMPTS = 50;
const MAX_BACKOFF_MS = 10_000;

export class UpstreamPolicy {
  private readonly concurrencyCap: ConcurrencyGate;
  readonly observer: UpstreamObserver | undefined;
  private readonly attemptTimeout;
  private readonly retryPolicy;

  constructor(
    readonly tuning: UpstreamTuning,
    hooks: PolicyHooks = {},
  ) {
    this.concurrencyCap = hooks.gate ?? localGate(tuning.concurrency);
    this.observer = hooks.observer;
    this.attemptTimeout = timeout(tuning.attemptTimeoutMs, TimeoutStrategy.Aggressive);
    this.retryPolicy = retry(
      handleWhen((error) => isRetryable(error)),
      {
        maxAttempts: MAX_RATE_LIMITED_ATTEMPTS,
        backoff: new DelegateBackoff((context: IRetryBackoffContext<unknown>) =>
          this.delayBefore(context),
        ),
      },
    );
  }

  /**
   * Runs `attempt` under the policy. `attempt` throws an UpstreamError (retryable or not) for
   * anything but success. `what` names the request in error messages ("Knowledge Graph batch").
   */
  async run<T>(
    what: string,
    attempt: (context: AttemptContext) => Promise<T>,
    options: RunOptions = {},
  ): Promise<T> {
    const started = Date.now();
    const ownDeadline = started + this.tuning.deadlineMs;
    const requestBinds = options.deadline !== undefined && options.deadline.at < ownDeadline;
    const deadline = requestBinds && options.deadline ? options.deadline.at : ownDeadline;
    const late = () =>
      requestBinds && options.deadline
        ? requestDeadlineError(what, options.deadline)
        : deadlineError(what, this.tuning);
    if (deadline <= started) throw late();
    const overall = timeout(deadline - started, TimeoutStrategy.Aggressive);
    const idempotent = options.idempotent ?? true;
    let transientFailures = 0;
    let attemptsMade = 0;
    const oneAttempt = async (signal: AbortSignal): Promise<T> => {
      const context = { deadline, attempt: attemptsMade };
      attemptsMade += 1;
      try {
        return await this.concurrencyCap.execute(
          () =>
            this.observed(() =>
              this.attemptTimeout.execute(
                (_, attemptSignal) => attempt({ ...context, signal: attemptSignal }),
                signal,
              ),
            ),
          signal,
        );
      } catch (error) {
        const failure = asUpstreamError(error, what, this.tuning.attemptTimeoutMs);
        if (failure.status === 429 && failure.options.retryAfterMs !== undefined) {
          this.concurrencyCap.pause?.(failure.options.retryAfterMs);
        }
        // It may have reached Cofactr and may still run: sending it again could run it twice.
        if (!idempotent && failure.retryable && !failure.options.notSent) {
          throw withRetryable(failure, false, failure.message);
        }
        // 429 means "not now": keep honouring it until the deadline. Anything else transient
        // gets a fixed number of attempts.
        if (failure.retryable && failure.status !== 429) transientFailures += 1;
        if (failure.retryable && transientFailures >= this.tuning.maxAttempts) {
          throw withRetryable(
            failure,
            false,
            `${failure.message} (after ${attemptsMade} attempt${attemptsMade === 1 ? "" : "s"})`,
          );
        }
        const wait = failure.options.retryAfterMs;
        if (failure.retryable && wait !== undefined && Date.now() + wait > deadline) {
          throw withRetryable(failure, false, `${failure.message} (retry not possible in time)`);
        }
        throw failure;
      }
    };
    try {
      return await overall.execute(({ signal }) =>
        this.retryPolicy.execute(({ signal: retrySignal }) => oneAttempt(retrySignal), signal),
      );
    } catch (error) {
      if (error instanceof UpstreamError) {
        if (error.kind === "timeout" && Date.now() >= deadline) throw late();
        throw error;
      }
      if (error instanceof TaskCancelledError) throw late();
      throw asUpstreamError(error, what, this.tuning.attemptTimeoutMs);
    }
  }

  private async observed<T>(attempt: () => Promise<T>): Promise<T> {
    this.observer?.attemptStarted();
    let status: number | undefined;
    try {
      return await attempt();
    } catch (error) {
      status = error instanceof UpstreamError ? error.status : undefined;
      throw error;
    } finally {
      this.observer?.attemptEnded(status);
    }
  }

  private delayBefore(context: IRetryBackoffContext<unknown>): number {
    const failure = "error" in context.result ? context.result.error : undefined;
    const retryAfter = failure instanceof UpstreamError ? failure.options.retryAfterMs : undefined;
    if (retryAfter !== undefined) {
      // A little jitter so that callers turned away together do not all return together.
      return retryAfter * (1 + Math.random() * 0.25);
    }
    const exponential = this.tuning.backoffMs * 2 ** Math.max(0, context.attempt - 1);
    return Math.min(MAX_BACKOFF_MS, exponential) * (0.75 + Math.random() * 0.5);
  }
}

function isRetryable(error: unknown): boolean {
  return error instanceof UpstreamError && error.retryable;
}

function withRetryable(error: UpstreamError, retryable: boolean, message: string): UpstreamError {
  return new UpstreamError(error.kind, message, { ...error.options, retryable });
}

function deadlineError(what: string, tuning: UpstreamTuning): UpstreamError {
  return new UpstreamError(
    "timeout",
    `${what}: Cofactr did not answer within ${seconds(tuning.deadlineMs)} s`,
    {
      retryable: false,
    },
  );
}

function requestDeadlineError(what: string, deadline: RequestDeadline): UpstreamError {
  return new UpstreamError(
    "timeout",
    `${what}: Cofactr did not answer within this request's ${seconds(deadline.ms)} s deadline`,
    { retryable: false },
  );
}

/** Anything an attempt throws, as an UpstreamError; a cancelled attempt is a (retryable) timeout. */
function asUpstreamError(error: unknown, what: string, attemptTimeoutMs: number): UpstreamError {
  if (error instanceof UpstreamError) return error;
  if (error instanceof TaskCancelledError) {
    return new UpstreamError(
      "timeout",
      `${what}: Cofactr did not answer within ${seconds(attemptTimeoutMs)} s`,
      { retryable: true },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new UpstreamError("network", `${what}: ${message}`, { retryable: true });
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1).replace(/\.0$/, "");
}
