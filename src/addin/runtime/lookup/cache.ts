/**
 * The one lookup cache of the shared runtime.
 *
 * Design: a resolved Part is cached once per normalized query (see queryKey) together with the
 * time it was fetched, and each function says how fresh it needs it: part facts (CPID,
 * description, datasheet…) stay good for a day, market data (price, stock, lead time, offers)
 * for ten minutes. A PRICE call that finds a part fetched 20 minutes ago for DESCRIPTION fetches
 * it again, and the newer copy then serves both. "Not found" is remembered briefly, so a sheet
 * full of typos does not hammer the server but a part added upstream shows up soon. Errors are
 * never cached: the next recalculation tries again. Identical lookups in flight share one
 * promise. `clear()` forgets everything, including lookups in flight; `clear({ refreshForMs })`
 * (the Refresh button) also marks the lookups of the next moments as refreshes, so the server
 * fetches them from Cofactr instead of answering from its own cache. Each part is fetched once
 * in that window (then it is cached), which is what makes a refresh affordable.
 */
import { LRUCache } from "lru-cache";
import type { LookupResult as FetchedLookupResult, Part, PartQuery } from "../../../core/api";
import { CANCELED } from "./batcher";
import { queryKey } from "../../../core/query-key";

export type Freshness = "static" | "market";

export interface CacheTtls {
  static: number;
  market: number;
  notFound: number;
}

export const DEFAULT_TTLS: CacheTtls = {
  static: 24 * 60 * 60 * 1000,
  market: 10 * 60 * 1000,
  notFound: 2 * 60 * 1000,
};

/** A part with its offers takes about 6 KB of memory: 10,000 of them, about 60 MB. */
export const DEFAULT_MAX_ENTRIES = 10_000;

/** A found part with when its offers were fetched from Cofactr (ms since 1970, the server's). */
export type FoundPart = { status: "found"; part: Part; fetchedAt: number };
type Settled = FoundPart | { status: "not_found"; message: string };
/** What `get` answers: a cached or fetched part, "not found", or an error saying why. */
export type CacheResult = Settled | { status: "error"; message: string };

/** One fetch shared by every caller of a query; aborted when all of them have given up. */
interface InFlight {
  promise: Promise<CacheResult>;
  waiters: number;
  abort: AbortController;
}

interface Entry {
  result: Settled;
  /** When the data was fetched from Cofactr: entries age from then, not from their arrival. */
  fetchedAt: number;
}

export interface LookupCacheOptions {
  /** Fetches one query; should never reject (the batcher's `lookup`). */
  fetchResult: (
    query: PartQuery,
    options: { refresh: boolean; signal: AbortSignal },
  ) => Promise<FetchedLookupResult>;
  ttls?: Partial<CacheTtls>;
  /** Parts kept at most; the least recently used go first. */
  maxEntries?: number;
  now?: () => number;
}

export interface CacheStats {
  hits: number;
  misses: number;
  joinedInFlight: number;
  entries: number;
}

export class LookupCache {
  private readonly fetchResult: LookupCacheOptions["fetchResult"];
  private readonly ttls: CacheTtls;
  private readonly now: () => number;
  private readonly entries: LRUCache<string, Entry>;
  private inFlight = new Map<string, InFlight>();
  private generation = 0;
  private refreshUntil = Number.NEGATIVE_INFINITY;
  private readonly counters = { hits: 0, misses: 0, joinedInFlight: 0 };

  constructor(options: LookupCacheOptions) {
    this.fetchResult = options.fetchResult;
    this.ttls = { ...DEFAULT_TTLS, ...options.ttls };
    this.now = options.now ?? Date.now;
    this.entries = new LRUCache({ max: options.maxEntries ?? DEFAULT_MAX_ENTRIES });
  }

  /** The result for `query`, from the cache when fresh enough for `freshness`. Never rejects. */
  get(query: PartQuery, freshness: Freshness, signal?: AbortSignal): Promise<CacheResult> {
    const key = queryKey(query);
    const cached = this.fresh(key, freshness);
    if (cached) {
      this.counters.hits += 1;
      return Promise.resolve(cached);
    }
    if (signal?.aborted) return Promise.resolve(CANCELED);
    const joined = this.inFlight.get(key);
    if (joined) {
      this.counters.joinedInFlight += 1;
      return this.waitFor(key, joined, signal);
    }
    this.counters.misses += 1;
    const generation = this.generation;
    const refresh = this.now() < this.refreshUntil;
    const abort = new AbortController();
    const request = Promise.resolve()
      .then(() => this.fetchResult(query, { refresh, signal: abort.signal }))
      .then((fetched): CacheResult => this.settle(fetched))
      .catch((error: unknown): CacheResult => ({
        status: "error",
        message: `Cofactr lookup failed: ${error instanceof Error ? error.message : String(error)}`,
      }))
      .then((result) => {
        if (generation === this.generation && this.inFlight.get(key) === flight) {
          this.inFlight.delete(key);
          if (result.status !== "error") {
            const fetchedAt = result.status === "found" ? result.fetchedAt : this.now();
            this.entries.set(key, { result, fetchedAt });
          }
        }
        return result;
      });
    const flight: InFlight = { promise: request, waiters: 0, abort };
    this.inFlight.set(key, flight);
    return this.waitFor(key, flight, signal);
  }

  /**
   * One caller's wait on a shared fetch: it ends early (CANCELED) when the caller's signal is
   * aborted, and the fetch itself is aborted, and forgotten, once no caller waits any more.
   */
  private waitFor(key: string, flight: InFlight, signal?: AbortSignal): Promise<CacheResult> {
    flight.waiters += 1;
    if (!signal) return flight.promise;
    return new Promise<CacheResult>((resolve) => {
      const onAbort = () => {
        flight.waiters -= 1;
        if (flight.waiters === 0) {
          flight.abort.abort();
          if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
        }
        resolve(CANCELED);
      };
      signal.addEventListener("abort", onAbort, { once: true });
      void flight.promise.then((result) => {
        signal.removeEventListener("abort", onAbort);
        resolve(result);
      });
    });
  }

  /**
   * Forgets every part, every "not found" and every lookup in flight; with `refreshForMs`,
   * lookups in that time ask the server for current data.
   */
  clear(options: { refreshForMs?: number } = {}): void {
    this.refreshUntil =
      options.refreshForMs != null ? this.now() + options.refreshForMs : Number.NEGATIVE_INFINITY;
    this.generation += 1;
    this.entries.clear();
    this.inFlight = new Map();
  }

  /**
   * A fetched result with its age's start: the server's fetched_at when it sent a usable one
   * (never later than now, so a server clock ahead of ours cannot make data look newer), else
   * the moment it arrived.
   */
  private settle(fetched: FetchedLookupResult): CacheResult {
    if (fetched.status !== "found") return fetched;
    const now = this.now();
    const sent = fetched.fetched_at === undefined ? Number.NaN : Date.parse(fetched.fetched_at);
    const fetchedAt = Number.isFinite(sent) ? Math.min(sent, now) : now;
    return { status: "found", part: fetched.part, fetchedAt };
  }

  stats(): CacheStats {
    return { ...this.counters, entries: this.entries.size };
  }

  private fresh(key: string, freshness: Freshness): Settled | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    const ttl = entry.result.status === "found" ? this.ttls[freshness] : this.ttls.notFound;
    return this.now() - entry.fetchedAt < ttl ? entry.result : null;
  }
}
