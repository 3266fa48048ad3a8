/**
 * The lookup cache in two levels: this instance's memory (PartCache, bounded in bytes) in
 * front of a level every instance shares (Redis). Reads stay in memory; what memory learns
 * from Cofactr is also written to the shared level with the same lifetime per fact kind, and
 * `load` brings what the shared level knows into memory with what is left of its lifetime.
 * A shared level that fails only costs the sharing.
 */
import type { LookupCacheTuning } from "../config";
import {
  PartCache,
  type Clock,
  type MarketFacts,
  type QueryAnswer,
  type StaticFacts,
} from "./part-cache";
import type { SharedEntry, SharedLevel } from "./shared-level";

/** What memory asks the shared level about: a query, and the part it means when known. */
export interface SharedWant {
  queryKey: string;
  cpid?: string;
}

export class TieredPartCache extends PartCache {
  private readonly unsent: SharedEntry[] = [];
  /** Writes not yet answered, so that `flush` can wait for them. */
  private readonly writes = new Set<Promise<void>>();

  constructor(
    tuning: LookupCacheTuning,
    clock: Clock,
    readonly shared: SharedLevel,
  ) {
    super(tuning, clock);
  }

  override rememberQuery(
    scope: string,
    queryKey: string,
    answer: QueryAnswer,
    ttlMs?: number,
  ): void {
    super.rememberQuery(scope, queryKey, answer, ttlMs);
    this.share(sharedKey(scope, "q", queryKey), answer, ttlMs ?? this.queryTtlMs(answer));
  }

  override rememberStatic(scope: string, facts: StaticFacts, ttlMs?: number): void {
    super.rememberStatic(scope, facts, ttlMs);
    this.share(sharedKey(scope, "s", facts.cpid), facts, ttlMs ?? this.tuning.staticTtlMs);
  }

  override rememberMarket(scope: string, cpid: string, facts: MarketFacts): void {
    super.rememberMarket(scope, cpid, facts);
    // Only what memory kept: older offers than those known are not spread either.
    if (this.marketFacts(scope, cpid)?.fetchedAt !== facts.fetchedAt) return;
    this.share(sharedKey(scope, "m", cpid), facts, this.marketTtlMs(facts.fetchedAt));
  }

  /** Resolves once everything remembered so far has reached the shared level (or failed to). */
  async flush(): Promise<void> {
    this.send();
    await Promise.all([...this.writes]);
  }

  /** Copies what the shared level holds for these queries into memory. Rejects when the
   * shared level fails. */
  async load(scope: string, wants: readonly SharedWant[]): Promise<void> {
    const unknownQueries = wants.filter((want) => want.cpid === undefined);
    const answers = await this.shared.read(
      unknownQueries.map((want) => sharedKey(scope, "q", want.queryKey)),
    );
    const cpids = new Set(wants.flatMap((want) => (want.cpid ? [want.cpid] : [])));
    answers.forEach((value, index) => {
      const want = unknownQueries[index];
      const answer = value && want ? parse<QueryAnswer>(value.json) : null;
      if (!answer || !want || !value) return;
      super.rememberQuery(scope, want.queryKey, answer, value.ttlMs);
      if (answer.kind === "part") cpids.add(answer.cpid);
    });
    const ids = [...cpids];
    const facts = await this.shared.read(
      ids.flatMap((cpid) => [sharedKey(scope, "s", cpid), sharedKey(scope, "m", cpid)]),
    );
    ids.forEach((cpid, index) => {
      const staticValue = facts[2 * index];
      const marketValue = facts[2 * index + 1];
      const staticFacts = staticValue ? parse<StaticFacts>(staticValue.json) : null;
      const market = marketValue ? parse<MarketFacts>(marketValue.json) : null;
      if (staticFacts && staticValue) super.rememberStatic(scope, staticFacts, staticValue.ttlMs);
      if (market) super.rememberMarket(scope, cpid, market);
    });
  }

  /** Forgets one credential scope here and in the shared level. */
  async forget(scope: string): Promise<number> {
    const cleared = this.clear(scope);
    await this.shared.forget(sharedKey(scope, "", ""));
    return cleared;
  }

  private share(key: string, value: unknown, ttlMs: number): void {
    if (ttlMs < 1 || !this.shared.available) return;
    this.unsent.push({ key, json: JSON.stringify(value), ttlMs });
    // Everything remembered in one turn of the event loop goes out together.
    if (this.unsent.length === 1) queueMicrotask(() => this.send());
  }

  private send(): void {
    if (this.unsent.length === 0) return;
    const entries = this.unsent.splice(0);
    const write: Promise<void> = this.shared
      .write(entries)
      .catch(() => undefined)
      .finally(() => this.writes.delete(write));
    this.writes.add(write);
  }
}

/** Where a lookup entry lives in the shared level (scope "" for the server's own keys). */
export function sharedKey(scope: string, kind: "q" | "s" | "m" | "", id: string): string {
  return `lookup:v1:${scope}:${kind}${kind ? ":" : ""}${id}`;
}

/** A value another instance (or version) wrote: unreadable means unknown, not an error. */
function parse<T>(json: string): T | null {
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}
