/**
 * The one batcher every COFACTR lookup goes through. Calls made during a recalculation are
 * collected for a short window, deduplicated, sent to `POST /api/parts/lookup` in requests of at
 * most LOOKUP_MAX_QUERIES, a few at a time, with a timeout and bounded retries.
 *
 * Every promise it hands out resolves — never rejects, never hangs: transport failures, HTTP
 * errors, timeouts and malformed responses all become `{ status: "error", message }` for each
 * caller of the failed request. An unsettled promise would be an endless #BUSY! in Excel.
 * Requests go through the add-in's one API client, which checks each answer's shape.
 */
import {
  DelegateBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  bulkhead,
  handleWhen,
  retry,
  timeout,
  wrap,
  type IPolicy,
  type IRetryBackoffContext,
} from "cockatiel";
import {
  API_CLIENT_TIMEOUT_MS,
  LOOKUP_MAX_QUERIES,
  type LookupResult,
  type PartQuery,
} from "../../../core/api";
import { queryKey } from "../../../core/query-key";
import {
  ApiRequestError,
  createApiCall,
  unexpectedResponse,
  type ApiCall,
  type ApiClientOptions,
} from "../api-client";
import { lookupResponseSchema } from "../../../core/api-schemas";

export interface LookupBatcherOptions extends Omit<ApiClientOptions, "now"> {
  /** The runtime's API client; without it, one is made from baseUrl, fetch and headers. */
  call?: ApiCall;
  /** Quiet time after the last call before a batch is sent. */
  windowMs?: number;
  /** Longest a call waits for its batch to be sent, however busy the recalculation. */
  maxWaitMs?: number;
  /** Queries per request (the server accepts at most LOOKUP_MAX_QUERIES). */
  maxBatchSize?: number;
  /** Requests in flight at once; more wait their turn. */
  maxInFlight?: number;
  /** Per attempt; the request is aborted after this. */
  timeoutMs?: number;
  /** Further attempts after a transient failure (network error, 429, 502, 503, 504). */
  retries?: number;
  /** Wait before retry n (the last value repeats) when the server sends no Retry-After. */
  retryDelaysMs?: number[];
  /** Cap on a server's Retry-After, so a long one cannot keep cells busy for minutes. */
  maxRetryAfterMs?: number;
  now?: () => number;
}

export interface BatcherStats {
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Batches (groups of unique queries) sent. */
  batches: number;
  /** Unique queries sent. */
  queries: number;
  /** Calls answered by joining an identical pending query. */
  deduplicated: number;
}

export interface LookupOptions {
  /** Ask the server to bypass its cache and get current data from Cofactr (after Refresh). */
  refresh?: boolean;
  /** Aborted when the caller no longer wants the answer (its cell was edited or deleted). */
  signal?: AbortSignal;
}

/** What a query no one waits for any more answers (Excel ignores it: the cell has moved on). */
export const CANCELED: { status: "error"; message: string } = {
  status: "error",
  message: "lookup canceled",
};

interface PendingQuery {
  query: PartQuery;
  refresh: boolean;
  promise: Promise<LookupResult>;
  resolve: (result: LookupResult) => void;
  /** Callers still waiting; at 0 before the batch is sent, the query is dropped. */
  waiters: number;
}

const LOOKUP_PATH = "/api/parts/lookup";

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof TaskCancelledError) {
    return `Cofactr lookup timed out after ${Math.round(timeoutMs / 1000)} s`;
  }
  if (error instanceof ApiRequestError) {
    if (error.status === 0 || error.code === "bad_response") return error.message;
    if (error.transient) return `Cofactr service busy (HTTP ${error.status}): ${error.message}`;
    return `Cofactr lookup refused (HTTP ${error.status}): ${error.message}`;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `Cofactr lookup failed: ${detail}`;
}

export class LookupBatcher {
  private readonly call: ApiCall;
  private readonly windowMs: number;
  private readonly maxWaitMs: number;
  private readonly maxBatchSize: number;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly policy: IPolicy;

  private pending = new Map<string, PendingQuery>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private waitedMs = 0;
  private lastCallAt = 0;
  private readonly counters: BatcherStats = {
    requests: 0,
    batches: 0,
    queries: 0,
    deduplicated: 0,
  };

  constructor(options: LookupBatcherOptions = {}) {
    this.now = options.now ?? Date.now;
    this.call =
      options.call ??
      createApiCall({
        baseUrl: options.baseUrl,
        fetch: options.fetch,
        headers: options.headers,
        now: this.now,
      });
    this.windowMs = options.windowMs ?? 30;
    this.maxWaitMs = Math.max(options.maxWaitMs ?? 150, this.windowMs);
    this.maxBatchSize = Math.min(options.maxBatchSize ?? LOOKUP_MAX_QUERIES, LOOKUP_MAX_QUERIES);
    this.timeoutMs = options.timeoutMs ?? API_CLIENT_TIMEOUT_MS;

    const delays = options.retryDelaysMs ?? [500, 1500];
    const maxRetryAfterMs = options.maxRetryAfterMs ?? 10_000;
    const backoff = new DelegateBackoff((context: IRetryBackoffContext<unknown>) => {
      const failure = "error" in context.result ? context.result.error : null;
      const retryAfter = failure instanceof ApiRequestError ? failure.retryAfterMs : null;
      if (retryAfter != null) return Math.min(retryAfter, maxRetryAfterMs);
      return delays[Math.min(context.attempt - 1, delays.length - 1)] ?? 0;
    });
    this.policy = wrap(
      bulkhead(Math.max(1, options.maxInFlight ?? 4), Number.POSITIVE_INFINITY),
      retry(
        handleWhen((error) => error instanceof ApiRequestError && error.transient),
        { maxAttempts: options.retries ?? 2, backoff },
      ),
      timeout(this.timeoutMs, TimeoutStrategy.Aggressive),
    );
  }

  /** The result for one query, once its batch has been answered. Never rejects. */
  lookup(query: PartQuery, options: LookupOptions = {}): Promise<LookupResult> {
    const refresh = options.refresh === true;
    const key = `${refresh ? "refresh" : "cached"}:${queryKey(query)}`;
    if (options.signal?.aborted) return Promise.resolve(CANCELED);
    const existing = this.pending.get(key);
    if (existing) {
      this.counters.deduplicated += 1;
      existing.waiters += 1;
      this.dropWhenAbandoned(key, existing, options.signal);
      return existing.promise;
    }
    let resolve!: (result: LookupResult) => void;
    const promise = new Promise<LookupResult>((done) => (resolve = done));
    const entry: PendingQuery = { query, refresh, promise, resolve, waiters: 1 };
    this.pending.set(key, entry);
    this.dropWhenAbandoned(key, entry, options.signal);

    this.lastCallAt = this.now();
    if (this.pending.size >= this.maxBatchSize) this.flush();
    else if (this.timer === null) {
      this.waitedMs = 0;
      this.arm(this.windowMs);
    }
    return promise;
  }

  /** Sends everything pending now. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const pending = [...this.pending.values()];
    this.pending = new Map();
    // A request carries one refresh flag, so refreshing and ordinary lookups go separately.
    for (const refresh of [false, true]) {
      const batch = pending.filter((entry) => entry.refresh === refresh);
      for (let start = 0; start < batch.length; start += this.maxBatchSize) {
        void this.send(batch.slice(start, start + this.maxBatchSize), refresh);
      }
    }
  }

  stats(): BatcherStats {
    return { ...this.counters };
  }

  /** Queries waiting for their batch (not yet sent). */
  pendingCount(): number {
    return this.pending.size;
  }

  /** When every caller of a query not yet sent has given up, the query leaves the batch. */
  private dropWhenAbandoned(key: string, entry: PendingQuery, signal?: AbortSignal): void {
    signal?.addEventListener(
      "abort",
      () => {
        entry.waiters -= 1;
        if (entry.waiters > 0 || this.pending.get(key) !== entry) return;
        this.pending.delete(key);
        entry.resolve(CANCELED);
      },
      { once: true },
    );
  }

  /**
   * Waits out the window: sends once calls stop coming, or when the oldest has waited enough.
   * The wait is counted from the timers themselves, not the clock, so a clock that stands still
   * or jumps back cannot hold a batch (and its cells) forever.
   */
  private arm(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.waitedMs += delayMs;
      const quiet = this.now() - this.lastCallAt;
      if (quiet >= this.windowMs || this.waitedMs >= this.maxWaitMs) this.flush();
      else this.arm(Math.max(1, Math.min(this.windowMs - quiet, this.maxWaitMs - this.waitedMs)));
    }, delayMs);
  }

  private async send(batch: PendingQuery[], refresh: boolean): Promise<void> {
    this.counters.batches += 1;
    this.counters.queries += batch.length;
    const queries = batch.map((pending) => pending.query);
    try {
      const results = await this.policy.execute(({ signal }) =>
        this.post(queries, refresh, signal),
      );
      batch.forEach((pending, index) => {
        pending.resolve(
          results[index] ?? { status: "error", message: "unexpected response: result missing" },
        );
      });
    } catch (error) {
      const message = describeFailure(error, this.timeoutMs);
      for (const pending of batch) pending.resolve({ status: "error", message });
    }
  }

  private async post(
    queries: PartQuery[],
    refresh: boolean,
    signal: AbortSignal,
  ): Promise<LookupResult[]> {
    this.counters.requests += 1;
    const body = refresh ? { queries, refresh } : { queries };
    const { results } = await this.call("POST", LOOKUP_PATH, lookupResponseSchema, body, signal);
    // One result per query, in order, or none used: a shifted answer would put one part's
    // price in another part's cell.
    if (results.length !== queries.length) {
      throw unexpectedResponse(200, `${results.length} results for ${queries.length} queries`);
    }
    return results;
  }
}
