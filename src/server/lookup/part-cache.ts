/**
 * The server's lookup memory, bounded in bytes (lru-cache maxSize). Each part is stored once,
 * under its Cofactr id, in two halves that age differently: static facts (description,
 * lifecycle, package, datasheet, specs) for a day, market facts (offers, stock) for the price
 * lifetime. Which part a query means ("LM358N|ti", "LM358N|texas instruments") is kept apart,
 * as a small entry pointing at the id, so that every spelling of a maker shares one copy.
 */
import { LRUCache } from "lru-cache";
import type { Part } from "../../core/api";
import type { LookupCacheTuning } from "../config";

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

type Entry =
  | { kind: "query"; answer: QueryAnswer }
  | { kind: "static"; facts: StaticFacts }
  | { kind: "market"; facts: MarketFacts };

/** Per-entry bookkeeping of the cache and the Map, beyond the stored text. */
const ENTRY_OVERHEAD_BYTES = 200;

export class PartCache {
  private readonly entries: LRUCache<string, Entry>;

  constructor(
    private readonly tuning: LookupCacheTuning,
    readonly clock: Clock = Date,
  ) {
    this.entries = new LRUCache<string, Entry>({
      maxSize: tuning.maxBytes,
      sizeCalculation: (entry, key) => estimateBytes(entry, key),
      ttl: tuning.ttlMs,
      perf: clock,
      // Ask the clock every time: a cached "now" would let a moved clock go unnoticed.
      ttlResolution: 0,
    });
  }

  query(scope: string, queryKey: string): QueryAnswer | undefined {
    const entry = this.entries.get(key(scope, "q", queryKey));
    return entry?.kind === "query" ? entry.answer : undefined;
  }

  staticFacts(scope: string, cpid: string): StaticFacts | undefined {
    const entry = this.entries.get(key(scope, "s", cpid));
    return entry?.kind === "static" ? entry.facts : undefined;
  }

  marketFacts(scope: string, cpid: string): MarketFacts | undefined {
    const entry = this.entries.get(key(scope, "m", cpid));
    return entry?.kind === "market" ? entry.facts : undefined;
  }

  rememberQuery(scope: string, queryKey: string, answer: QueryAnswer): void {
    const ttl = answer.kind === "part" ? this.tuning.staticTtlMs : this.tuning.notFoundTtlMs;
    this.entries.set(key(scope, "q", queryKey), { kind: "query", answer }, { ttl });
  }

  rememberStatic(scope: string, facts: StaticFacts): void {
    this.entries.set(
      key(scope, "s", facts.cpid),
      { kind: "static", facts },
      { ttl: this.tuning.staticTtlMs },
    );
  }

  /** Kept only when no newer offers are stored already (a slow older lookup loses). */
  rememberMarket(scope: string, cpid: string, facts: MarketFacts): void {
    const known = this.entries.peek(key(scope, "m", cpid));
    if (known?.kind === "market" && known.facts.fetchedAt > facts.fetchedAt) return;
    const age = Math.max(0, this.clock.now() - facts.fetchedAt);
    const ttl = this.tuning.ttlMs - age;
    if (ttl > 0) this.entries.set(key(scope, "m", cpid), { kind: "market", facts }, { ttl });
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

  /** Estimated bytes held (what LOOKUP_CACHE_MB bounds). */
  get bytes(): number {
    return this.entries.calculatedSize;
  }
}

function key(scope: string, kind: "q" | "s" | "m", id: string): string {
  return `${scope}\u0000${kind}\u0000${id}`;
}

/** Two bytes per character of the entry as JSON (V8 strings and objects come to about that). */
function estimateBytes(entry: Entry, entryKey: string): number {
  return 2 * (JSON.stringify(entry).length + entryKey.length) + ENTRY_OVERHEAD_BYTES;
}
