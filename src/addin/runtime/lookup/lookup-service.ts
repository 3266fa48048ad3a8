/**
 * What every COFACTR function calls: a part for a query, as fresh as the function needs it,
 * through the one cache and the one batcher of the shared runtime.
 */
import type { PartQuery } from "../../../core/api";
import { LookupBatcher, type BatcherStats, type LookupBatcherOptions } from "./batcher";
import {
  LookupCache,
  type CacheResult,
  type CacheStats,
  type CacheTtls,
  type Freshness,
} from "./cache";

/** How long after Refresh new lookups count as refreshes (a recalculation takes seconds). */
export const REFRESH_WINDOW_MS = 60_000;

export interface LookupServiceOptions extends LookupBatcherOptions {
  ttls?: Partial<CacheTtls>;
  maxEntries?: number;
  /** The cache's clock (tests move it to age entries); the batcher keeps `now`. */
  cacheNow?: () => number;
}

export class LookupService {
  readonly batcher: LookupBatcher;
  readonly cache: LookupCache;

  constructor(options: LookupServiceOptions = {}) {
    this.batcher = new LookupBatcher(options);
    this.cache = new LookupCache({
      fetchResult: (query, options) => this.batcher.lookup(query, options),
      ttls: options.ttls,
      maxEntries: options.maxEntries,
      now: options.cacheNow,
    });
  }

  /**
   * The result for a query (found, not found, or an error saying why). Never rejects. Aborting
   * `signal` (Excel canceled the cell's call) drops the query unless another cell still wants it.
   */
  find(query: PartQuery, freshness: Freshness, signal?: AbortSignal): Promise<CacheResult> {
    return this.cache.get(query, freshness, signal);
  }

  /** Drops every cached part, so the next calculation fetches again. */
  clear(): void {
    this.cache.clear();
  }

  /**
   * Drops every cached part, and has the lookups of the next minute bypass the server's cache
   * too, so a recalculation right after gets current prices and stock from Cofactr.
   */
  refresh(): void {
    this.cache.clear({ refreshForMs: REFRESH_WINDOW_MS });
  }

  stats(): { batcher: BatcherStats; cache: CacheStats } {
    return { batcher: this.batcher.stats(), cache: this.cache.stats() };
  }
}
