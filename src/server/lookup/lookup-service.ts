/**
 * Part lookups for every user of the server: deduplicated, cached (Cofactr meters every part
 * it returns), identical lookups in flight shared, and sent upstream as few batch requests as
 * possible. A query never seen is searched (one search member per distinct query, then one
 * product-v1 request for lifecycle and total stock of everything found). A query whose part is
 * known but whose offers are older than the price lifetime costs one product-offers-v1 read of
 * that part by id: one metered part, not a search and a product-v1 read again.
 */
import type { LookupResult, Part, PartQuery } from "../../core/api";
import type { GraphProductOffersV1, GraphProductV1 } from "../../core/cofactr";
import type { LookupCacheTuning } from "../config";
import type { GraphClient } from "../upstream/graph-client";
import { chooseCandidate } from "./choose";
import {
  PartCache,
  type Clock,
  type MarketFacts,
  type QueryAnswer,
  type StaticFacts,
} from "./part-cache";
import { normalizeQuery, type NormalizedQuery } from "./query-key";
import { fetchAcrossInstances } from "./shared-fetch";
import type { SharedLevel } from "./shared-level";
import { sharedKey, TieredPartCache } from "./tiered-cache";
import { toPart } from "./to-part";

export type { Clock } from "./part-cache";

/** Candidates asked per search: enough to tell apart an MPN two manufacturers share. */
export const SEARCH_LIMIT = 3;

export interface LookupContext {
  graph: GraphClient;
  /** Separates cache entries of different credentials (user keys); "" for server/emulator keys. */
  scope: string;
  /** Ask Cofactr again for current offers (the add-in's Refresh); not-found answers are
   * searched again. What a part is (description, lifecycle…) keeps its own, longer lifetime. */
  refresh?: boolean;
  /** Epoch ms by which every answer must be given (the /api request's deadline). */
  deadline?: { at: number; ms: number };
}

/** Told how each cache level did (metrics). */
export interface LookupCacheObserver {
  counted(level: "memory" | "redis", hits: number, misses: number): void;
}

export interface LookupServiceOptions {
  /** A level every instance shares (Redis): cache, and one fetch per part between them. */
  shared?: SharedLevel;
  observer?: LookupCacheObserver;
}

/** How long a lookup without a deadline waits for another instance's fetch. */
const DEFAULT_SHARED_WAIT_MS = 20_000;

/** What one query needs from Cofactr. */
type Need =
  | { kind: "search"; query: NormalizedQuery }
  /** The part is known: only its offers (and, when forgotten, its static facts). */
  | { kind: "part"; query: NormalizedQuery; cpid: string; facts: StaticFacts | undefined };

export class PartLookupService {
  private readonly cache: PartCache;
  private readonly tiered: TieredPartCache | null;
  private readonly observer: LookupCacheObserver | undefined;
  private readonly inFlight = new Map<string, Promise<LookupResult>>();

  constructor(tuning: LookupCacheTuning, clock: Clock = Date, options: LookupServiceOptions = {}) {
    this.tiered = options.shared ? new TieredPartCache(tuning, clock, options.shared) : null;
    this.cache = this.tiered ?? new PartCache(tuning, clock);
    this.observer = options.observer;
  }

  /** One result per query, in order. Never rejects: failures become `error` results. */
  async lookup(queries: readonly PartQuery[], context: LookupContext): Promise<LookupResult[]> {
    const prepared = queries.map((query) => normalizeQuery(query));
    const answers = new Map<string, Promise<LookupResult>>();
    const needs: Need[] = [];
    const seen = new Set<string>();
    let memoryHits = 0;
    for (const query of prepared) {
      if ("problem" in query || seen.has(query.key)) continue;
      seen.add(query.key);
      const flightKey = `${context.scope}\u0000${query.key}`;
      const pending = context.refresh ? undefined : this.inFlight.get(flightKey);
      const known = pending ? null : this.fromCache(query, context);
      if (pending) answers.set(query.key, pending);
      else if (known && "result" in known) {
        memoryHits += 1;
        answers.set(query.key, Promise.resolve(known.result));
      } else if (known) needs.push(known.need);
    }
    this.observer?.counted("memory", memoryHits, needs.length);
    if (needs.length > 0) {
      const shared = this.tiered;
      const fetched =
        shared?.shared.available && !context.refresh
          ? this.fetchShared(shared, needs, context)
          : this.fetch(needs, context);
      needs.forEach((need, index) => {
        const flightKey = `${context.scope}\u0000${need.query.key}`;
        const answer = fetched.then((all) => {
          // A refresh started meanwhile has replaced this entry: its answer is the newer one.
          if (this.inFlight.get(flightKey) === answer) this.inFlight.delete(flightKey);
          return all[index] ?? lost();
        });
        this.inFlight.set(flightKey, answer);
        answers.set(need.query.key, answer);
      });
    }
    const expiry = context.deadline ? deadlineExpiry(context.deadline) : null;
    try {
      return await Promise.all(
        prepared.map((query) => {
          if ("problem" in query) return { status: "error" as const, message: query.problem };
          const answer = answers.get(query.key) ?? Promise.resolve(lost());
          return expiry ? Promise.race([answer, expiry.expired]) : answer;
        }),
      );
    } finally {
      expiry?.cancel();
    }
  }

  /** Forgets everything this instance remembered for one credential scope; returns how many
   * query answers there were. */
  clear(scope: string): number {
    return this.cache.clear(scope);
  }

  /** Like `clear`, and also in the level every instance shares. */
  async clearEverywhere(scope: string): Promise<number> {
    return this.tiered ? this.tiered.forget(scope) : this.clear(scope);
  }

  get size(): number {
    return this.cache.size;
  }

  /** Estimated bytes the cache holds. */
  get bytes(): number {
    return this.cache.bytes;
  }

  /** A whole answer from memory, or what is missing for one. */
  private fromCache(
    query: NormalizedQuery,
    context: LookupContext,
  ): { result: LookupResult } | { need: Need } {
    const { scope } = context;
    const known = this.cache.query(scope, query.key);
    if (!known || (known.kind === "not_found" && context.refresh)) {
      return { need: { kind: "search", query } };
    }
    if (known.kind === "not_found") {
      return { result: notFound(known.message, known.fetchedAt) };
    }
    const facts = this.cache.staticFacts(scope, known.cpid);
    const market = context.refresh ? undefined : this.cache.marketFacts(scope, known.cpid);
    if (facts && market) return { result: found(facts, market) };
    return { need: { kind: "part", query, cpid: known.cpid, facts } };
  }

  /** Like `fetch`, but each part is fetched once between all instances sharing the level. */
  private fetchShared(
    cache: TieredPartCache,
    needs: Need[],
    context: LookupContext,
  ): Promise<LookupResult[]> {
    const { scope } = context;
    return fetchAcrossInstances(
      cache.shared,
      needs.map((need) => sharedKey(scope, "", `flight:${need.query.key}`)),
      {
        fromShared: async (indexes) => {
          const wanted = indexes.flatMap((index) => needs[index] ?? []);
          await cache.load(
            scope,
            wanted.map((need) => ({
              queryKey: need.query.key,
              ...(need.kind === "part" ? { cpid: need.cpid } : {}),
            })),
          );
          const answers = new Map<number, LookupResult>();
          for (const index of indexes) {
            const need = needs[index];
            const known = need ? this.fromCache(need.query, context) : null;
            if (known && "result" in known) answers.set(index, known.result);
          }
          return answers;
        },
        fetch: (indexes) =>
          this.fetch(
            indexes.flatMap((index) => needs[index] ?? []),
            context,
          ),
        flush: () => cache.flush(),
        counted: (hits, misses) => this.observer?.counted("redis", hits, misses),
      },
      context.deadline?.at ?? Date.now() + DEFAULT_SHARED_WAIT_MS,
    );
  }

  /** Asks Cofactr for what the needs lack and remembers it; never rejects. */
  private async fetch(needs: Need[], context: LookupContext): Promise<LookupResult[]> {
    const fetchedAt = this.cache.clock.now();
    try {
      const results: (LookupResult | null)[] = await this.readKnownParts(needs, context, fetchedAt);
      const toSearch = needs.flatMap((need, index) =>
        results[index] === null ? [{ need, index }] : [],
      );
      if (toSearch.length > 0) {
        const searched = await this.search(
          toSearch.map(({ need }) => need.query),
          context,
          fetchedAt,
        );
        toSearch.forEach(({ index }, position) => (results[index] = searched[position] ?? lost()));
      }
      return results.map((result) => result ?? lost());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return needs.map(() => ({ status: "error", message }));
    }
  }

  /**
   * Known parts read by id: offers (product-offers-v1) for all, lifecycle (product-v1) only for
   * those whose static facts were forgotten. A part Cofactr no longer has by that id gets null:
   * it is searched again.
   */
  private async readKnownParts(
    needs: Need[],
    context: LookupContext,
    fetchedAt: number,
  ): Promise<(LookupResult | null)[]> {
    const known = needs.flatMap((need) => (need.kind === "part" ? [need] : []));
    if (known.length === 0) return needs.map(() => null);
    const forgotten = known.filter((need) => !need.facts).map((need) => need.cpid);
    const [offers, summaries] = await Promise.all([
      context.graph.productsById<GraphProductOffersV1>(
        known.map((need) => need.cpid),
        "product-offers-v1",
        { external: context.refresh === true },
      ),
      forgotten.length > 0
        ? context.graph.productsById<GraphProductV1>(forgotten, "product-v1")
        : Promise.resolve({ products: new Map<string, GraphProductV1>(), errors: [] }),
    ]);
    return needs.map((need): LookupResult | null => {
      if (need.kind !== "part") return null;
      const product = offers.products.get(need.cpid);
      if (!product) {
        const failure = offers.errors[0];
        return failure ? { status: "error", message: failure.message } : null;
      }
      const summary = summaries.products.get(need.cpid);
      const part = toPart(product, summary);
      const { facts: fresh, market } = split(part, fetchedAt);
      // Forgotten static facts are only remembered again once the lifecycle is known.
      const facts = need.facts ?? fresh;
      if (need.facts || summary) this.cache.rememberStatic(context.scope, facts);
      this.cache.rememberMarket(context.scope, part.cpid, market);
      if (part.cpid !== need.cpid) {
        this.cache.rememberQuery(context.scope, need.query.key, { kind: "part", cpid: part.cpid });
      }
      return found(need.facts ? { ...facts, cpid: part.cpid } : facts, market);
    });
  }

  /** Queries never seen (or not found before): searched, chosen, completed, remembered. */
  private async search(
    queries: NormalizedQuery[],
    context: LookupContext,
    fetchedAt: number,
  ): Promise<LookupResult[]> {
    const resolved = await resolveQueries(queries, context.graph, context.refresh === true);
    return resolved.map((outcome, index) => {
      const query = queries[index];
      if (!query || outcome.kind === "error") {
        return { status: "error", message: outcome.kind === "error" ? outcome.message : "lost" };
      }
      if (outcome.kind === "not_found") {
        const answer: QueryAnswer = { kind: "not_found", message: outcome.message, fetchedAt };
        this.cache.rememberQuery(context.scope, query.key, answer);
        return notFound(outcome.message, fetchedAt);
      }
      const { facts, market } = split(outcome.part, fetchedAt);
      this.cache.rememberQuery(context.scope, query.key, { kind: "part", cpid: facts.cpid });
      this.cache.rememberMarket(context.scope, facts.cpid, market);
      // Without the product-v1 answer the lifecycle is unknown: shown, but not remembered.
      if (outcome.complete) this.cache.rememberStatic(context.scope, facts);
      return found(facts, market);
    });
  }
}

type Resolution =
  | { kind: "found"; part: Part; complete: boolean }
  | { kind: "not_found"; message: string }
  | { kind: "error"; message: string };

/** `fresh` (a refresh) also asks Cofactr for current distributor data (`external=true`). */
async function resolveQueries(
  queries: NormalizedQuery[],
  graph: GraphClient,
  fresh: boolean,
): Promise<Resolution[]> {
  const searchOptions = {
    schema: "product-offers-v1",
    strategy: "mpn_sku_mfr",
    limit: SEARCH_LIMIT,
    external: fresh,
  } as const;
  const first = await graph.search<GraphProductOffersV1>(
    queries.map((query) => searchText(query, true)),
    searchOptions,
  );
  const choices = first.map((outcome, index) =>
    outcome.ok ? chooseCandidate(queries[index] ?? unexpectedQuery(), outcome.products) : outcome,
  );

  // A manufacturer Cofactr spells differently ("TI") can make the search itself miss; those
  // queries are searched again by MPN alone and the tolerant manufacturer rule decides.
  const retryIndexes = choices.flatMap((choice, index) =>
    "found" in choice && !choice.found && queries[index]?.manufacturer ? [index] : [],
  );
  if (retryIndexes.length > 0) {
    const second = await graph.search<GraphProductOffersV1>(
      retryIndexes.map((index) => searchText(queries[index] ?? unexpectedQuery(), false)),
      searchOptions,
    );
    retryIndexes.forEach((queryIndex, position) => {
      const outcome = second[position];
      const query = queries[queryIndex];
      if (!outcome || !query) return;
      if (!outcome.ok) {
        choices[queryIndex] = outcome;
        return;
      }
      const again = chooseCandidate(query, outcome.products);
      const before = choices[queryIndex];
      // Keep the first message when the second search knows no more (it is the clearer one).
      if (
        again.found ||
        (before && "found" in before && !before.found && /No part with MPN/.test(before.message))
      ) {
        choices[queryIndex] = again;
      }
    });
  }

  const foundIds = choices.flatMap((choice) =>
    "found" in choice && choice.found ? [choice.product.id] : [],
  );
  const summaries =
    foundIds.length > 0
      ? await graph.productsById(foundIds, "product-v1")
      : { products: new Map(), errors: [] };

  return choices.map((choice): Resolution => {
    if (!("found" in choice)) return { kind: "error", message: choice.error.message };
    if (!choice.found) return { kind: "not_found", message: choice.message };
    const summary = summaries.products.get(choice.product.id);
    return {
      kind: "found",
      part: toPart(choice.product, summary),
      complete: summary !== undefined || summaries.errors.length === 0,
    };
  });
}

function split(part: Part, fetchedAt: number): { facts: StaticFacts; market: MarketFacts } {
  const { offers, total_stock, min_lead_days, ...facts } = part;
  return { facts, market: { offers, total_stock, min_lead_days, fetchedAt } };
}

function found(facts: StaticFacts, market: MarketFacts): LookupResult {
  const { fetchedAt, ...marketFields } = market;
  return {
    status: "found",
    part: { ...facts, ...marketFields },
    fetched_at: new Date(fetchedAt).toISOString(),
  };
}

function notFound(message: string, fetchedAt: number): LookupResult {
  return { status: "not_found", message, fetched_at: new Date(fetchedAt).toISOString() };
}

/** One timer per request: what is unanswered when the deadline passes becomes an error. */
function deadlineExpiry(deadline: { at: number; ms: number }): {
  expired: Promise<LookupResult>;
  cancel(): void;
} {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<LookupResult>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          status: "error",
          message: `Cofactr did not answer within this request's ${deadline.ms / 1000} s deadline.`,
        }),
      Math.max(0, deadline.at - Date.now()),
    );
  });
  return { expired, cancel: () => clearTimeout(timer) };
}

function searchText(query: NormalizedQuery, withManufacturer: boolean): string {
  return withManufacturer && query.manufacturer ? `${query.mpn} ${query.manufacturer}` : query.mpn;
}

function lost(): LookupResult {
  return { status: "error", message: "Internal error: lookup lost" };
}

function unexpectedQuery(): NormalizedQuery {
  throw new Error("Internal error: query index out of range");
}
