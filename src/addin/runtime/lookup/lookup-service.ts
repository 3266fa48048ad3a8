/**
 * What every COFACTR function calls: a part for a query, as fresh as the function needs it,
 * through the one cache and the one batcher of the shared runtime. Not found and service
 * failures become #N/A with the reason.
 */
import type { Part, PartQuery } from "../../../core/api";
import { LookupBatcher, type BatcherStats, type LookupBatcherOptions } from "./batcher";
import { LookupCache, type CacheStats, type CacheTtls, type Freshness } from "./cache";
import { connectionHeaders } from "../connection";
import { notAvailable } from "../../functions/errors";

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
    this.batcher = new LookupBatcher({ headers: () => connectionHeaders(), ...options });
    this.cache = new LookupCache({
      fetchResult: (query, { refresh }) => this.batcher.lookup(query, { refresh }),
      ttls: options.ttls,
      maxEntries: options.maxEntries,
      now: options.cacheNow,
    });
  }

  /** The part, or a thrown #N/A saying why there is none. */
  async part(query: PartQuery, freshness: Freshness): Promise<Part> {
    const result = await this.cache.get(query, freshness);
    if (result.status === "found") return result.part;
    throw notAvailable(result.message);
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

let shared: LookupService | null = null;

/** The shared runtime's service, made on first use (same-origin server, global fetch). */
export function lookupService(): LookupService {
  shared ??= new LookupService();
  return shared;
}

/** Replaces the shared service (tests and benches point it at another server). */
export function setLookupService(service: LookupService | null): void {
  shared = service;
}
