/**
 * Part lookups for every user of the server: deduplicated, cached (Cofactr meters every part
 * it returns), identical lookups in flight shared, and sent upstream as few batch requests as
 * possible: one search member per distinct query, then one product-v1 request for lifecycle
 * and total stock of everything found.
 */
import { LRUCache } from "lru-cache";
import type { LookupResult, PartQuery } from "../../core/api";
import type { GraphProductOffersV1 } from "../../core/cofactr";
import type { LookupCacheTuning } from "../config";
import type { GraphClient } from "../upstream/graph-client";
import { chooseCandidate } from "./choose";
import { normalizeQuery, type NormalizedQuery } from "./query-key";
import { toPart } from "./to-part";

/** Candidates asked per search: enough to tell apart an MPN two manufacturers share. */
export const SEARCH_LIMIT = 3;

export interface LookupContext {
  graph: GraphClient;
  /** Separates cache entries of different credentials (user keys); "" for server/emulator keys. */
  scope: string;
  /** Skip the cache and ask Cofactr again (the add-in's Refresh). */
  refresh?: boolean;
}

interface Resolved {
  result: LookupResult;
  /** Found with full data or not found: safe to remember. Errors and partial data are not. */
  cacheable: boolean;
}

export class PartLookupService {
  private readonly cache: LRUCache<string, LookupResult>;
  private readonly inFlight = new Map<string, Promise<LookupResult>>();

  constructor(private readonly tuning: LookupCacheTuning) {
    this.cache = new LRUCache<string, LookupResult>({ max: tuning.maxEntries, ttl: tuning.ttlMs });
  }

  /** One result per query, in order. Never rejects: failures become `error` results. */
  async lookup(queries: readonly PartQuery[], context: LookupContext): Promise<LookupResult[]> {
    const prepared = queries.map((query) => normalizeQuery(query));
    const answers = new Map<string, Promise<LookupResult>>();
    const toFetch: NormalizedQuery[] = [];
    const seen = new Set<string>();
    for (const query of prepared) {
      if ("problem" in query || seen.has(query.key)) continue;
      seen.add(query.key);
      const cacheKey = this.cacheKey(context.scope, query.key);
      if (!context.refresh) {
        const cached = this.cache.get(cacheKey);
        if (cached) {
          answers.set(query.key, Promise.resolve(cached));
          continue;
        }
        const pending = this.inFlight.get(cacheKey);
        if (pending) {
          answers.set(query.key, pending);
          continue;
        }
      }
      toFetch.push(query);
    }
    if (toFetch.length > 0) {
      const fetched = this.resolve(toFetch, context.graph, context.refresh === true);
      toFetch.forEach((query, index) => {
        const cacheKey = this.cacheKey(context.scope, query.key);
        const answer = fetched.then((all) => {
          const resolved = all[index] ?? unexpected();
          // A refresh started meanwhile has replaced this entry: its answer is the newer one.
          const newest = this.inFlight.get(cacheKey) === answer;
          if (newest) this.inFlight.delete(cacheKey);
          // An error or partial answer leaves the last good one in place (a failed refresh
          // does not throw away what was known).
          if (newest && resolved.cacheable) {
            const ttl =
              resolved.result.status === "found" ? this.tuning.ttlMs : this.tuning.notFoundTtlMs;
            this.cache.set(cacheKey, resolved.result, { ttl });
          }
          return resolved.result;
        });
        this.inFlight.set(cacheKey, answer);
        answers.set(query.key, answer);
      });
    }
    return Promise.all(
      prepared.map((query) =>
        "problem" in query
          ? { status: "error" as const, message: query.problem }
          : (answers.get(query.key) ?? Promise.resolve(unexpected().result)),
      ),
    );
  }

  /** Forgets the remembered results of one credential scope; returns how many there were. */
  clear(scope: string): number {
    const prefix = this.cacheKey(scope, "");
    let cleared = 0;
    for (const key of [...this.cache.keys()]) {
      if (key.startsWith(prefix) && this.cache.delete(key)) cleared += 1;
    }
    return cleared;
  }

  get size(): number {
    return this.cache.size;
  }

  private cacheKey(scope: string, key: string): string {
    return `${scope}\u0000${key}`;
  }

  /** Searches, chooses and completes the queries; never rejects. */
  private async resolve(
    queries: NormalizedQuery[],
    graph: GraphClient,
    fresh: boolean,
  ): Promise<Resolved[]> {
    try {
      return await resolveQueries(queries, graph, fresh);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return queries.map(() => ({ result: { status: "error", message }, cacheable: false }));
    }
  }
}

/** `fresh` (a refresh) also asks Cofactr for current distributor data (`external=true`). */
async function resolveQueries(
  queries: NormalizedQuery[],
  graph: GraphClient,
  fresh: boolean,
): Promise<Resolved[]> {
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

  return choices.map((choice): Resolved => {
    if (!("found" in choice)) {
      return { result: { status: "error", message: choice.error.message }, cacheable: false };
    }
    if (!choice.found) {
      return { result: { status: "not_found", message: choice.message }, cacheable: true };
    }
    const summary = summaries.products.get(choice.product.id);
    // When the product-v1 request failed the part is still worth showing, but not remembering.
    const complete = summary !== undefined || summaries.errors.length === 0;
    return {
      result: { status: "found", part: toPart(choice.product, summary) },
      cacheable: complete,
    };
  });
}

function searchText(query: NormalizedQuery, withManufacturer: boolean): string {
  return withManufacturer && query.manufacturer ? `${query.mpn} ${query.manufacturer}` : query.mpn;
}

function unexpected(): Resolved {
  return { result: { status: "error", message: "Internal error: lookup lost" }, cacheable: false };
}

function unexpectedQuery(): NormalizedQuery {
  throw new Error("Internal error: query index out of range");
}
