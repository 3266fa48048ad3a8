/**
 * The server's lookup memory, bounded in bytes (lru-cache maxSize). Each part is stored once,
 * under its Cofactr id, in two halves that age differently: static facts (description,
 * lifecycle, package, datasheet, specs) for a day, market facts (offers, stock) for the price
 * lifetime. Which part a query means ("LM358N|ti", "LM358N|texas instruments") is kept apart,
 * as a small entry pointing at the id, so that every spelling of a maker shares one copy.
 *
 * Entries are kept as JSON text, not object graphs: a part's offers and price breaks would be
 * hundreds of small heap objects, while one string is a single allocation of about a byte per
 * character. That makes the stored size known (what LOOKUP_CACHE_MB bounds is what the heap
 * holds, within the factor test/server/lookup/part-cache-bytes.test.ts checks) and leaves the
 * garbage collector little to trace. A hit costs one JSON.parse of a few kilobytes.
 */
import { LRUCache } from "lru-cache";
import type { Part } from "../../core/api";
import type { LookupCacheTuning } from "../config";
import { compactJson, storedBytes } from "./stored-text";

/** Epoch milliseconds; a benchmark can move it forward. */
export interface Clock {
  now(): number;
}

export type MarketFacts = Pick<Part, "offers" | "total_stock" | "min_lead_days"> & {
  /** When the offers were asked for (epoch ms). */
  fetchedAt: number;
};
export type StaticFacts = Omit<Part, "offers" | "total_stock" | "min_lead_days">;
export type QueryAnswer =
  { kind: "part"; cpid: string } | { kind: "not_found"; message: string; fetchedAt: number };

/** The three kinds of entry, each under its own key prefix. */
type EntryKind = "q" | "s" | "m";

export class PartCache {
  /** Key: scope, kind and id; value: the entry as JSON text. */
  private readonly entries: LRUCache<string, string>;

  constructor(
    protected readonly tuning: LookupCacheTuning,
    readonly clock: Clock = Date,
  ) {
    this.entries = new LRUCache<string, string>({
      maxSize: tuning.maxBytes,
      sizeCalculation: (text, entryKey) => storedBytes(entryKey, text),
      ttl: tuning.ttlMs,
      perf: clock,
      // Ask the clock every time: a cached "now" would let a moved clock go unnoticed.
      ttlResolution: 0,
    });
  }

  query(scope: string, queryKey: string): QueryAnswer | undefined {
    return this.read<QueryAnswer>(key(scope, "q", queryKey));
  }

  staticFacts(scope: string, cpid: string): StaticFacts | undefined {
    return this.read<StaticFacts>(key(scope, "s", cpid));
  }

  marketFacts(scope: string, cpid: string): MarketFacts | undefined {
    return this.read<MarketFacts>(key(scope, "m", cpid));
  }

  /** `ttlMs`: what is left of a lifetime begun elsewhere (the shared level); default a whole one. */
  rememberQuery(scope: string, queryKey: string, answer: QueryAnswer, ttlMs?: number): void {
    const ttl = ttlMs ?? this.queryTtlMs(answer);
    this.entries.set(key(scope, "q", queryKey), compactJson(answer), { ttl });
  }

  rememberStatic(scope: string, facts: StaticFacts, ttlMs = this.tuning.staticTtlMs): void {
    this.entries.set(key(scope, "s", facts.cpid), compactJson(facts), { ttl: ttlMs });
  }

  queryTtlMs(answer: QueryAnswer): number {
    return answer.kind === "part" ? this.tuning.staticTtlMs : this.tuning.notFoundTtlMs;
  }

  /** What is left of the price lifetime of offers fetched at `fetchedAt`. */
  marketTtlMs(fetchedAt: number): number {
    return this.tuning.ttlMs - Math.max(0, this.clock.now() - fetchedAt);
  }

  /** Kept only when no newer offers are stored already (a slow older lookup loses). */
  rememberMarket(scope: string, cpid: string, facts: MarketFacts): void {
    const marketKey = key(scope, "m", cpid);
    const known = this.entries.peek(marketKey);
    if (known !== undefined && (JSON.parse(known) as MarketFacts).fetchedAt > facts.fetchedAt) {
      return;
    }
    const ttl = this.marketTtlMs(facts.fetchedAt);
    if (ttl > 0) this.entries.set(marketKey, compactJson(facts), { ttl });
  }

  /** Forgets one credential scope; returns how many query answers it held. */
  clear(scope: string): number {
    const prefix = `${scope}\u0000`;
    const queries = key(scope, "q", "");
    let cleared = 0;
    for (const entryKey of [...this.entries.keys()]) {
      if (!entryKey.startsWith(prefix)) continue;
      if (this.entries.delete(entryKey) && entryKey.startsWith(queries)) cleared += 1;
    }
    return cleared;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes held, as counted against LOOKUP_CACHE_MB. */
  get bytes(): number {
    return this.entries.calculatedSize;
  }

  private read<T>(entryKey: string): T | undefined {
    const text = this.entries.get(entryKey);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }
}

function key(scope: string, kind: EntryKind, id: string): string {
  return `${scope}\u0000${kind}\u0000${id}`;
}
