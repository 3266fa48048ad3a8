/** Resolving a BOM's parts through the add-in server's POST /api/parts/lookup. */
import { LOOKUP_MAX_QUERIES, type LookupResult, type PartQuery } from "../core/api";
import { lookupResponseSchema } from "../core/api-schemas";
import type { ApiClient } from "./http";
import { CliError } from "./io";
import { queryKey } from "../core/query-key";

/** Resolves every distinct (MPN, manufacturer) once, in requests of at most 2000 queries. */
export async function lookupAll(
  client: ApiClient,
  queries: PartQuery[],
): Promise<Map<string, LookupResult>> {
  const distinct = new Map<string, PartQuery>();
  for (const query of queries)
    if (!distinct.has(queryKey(query))) distinct.set(queryKey(query), query);
  const unique = [...distinct.values()];
  const results = new Map<string, LookupResult>();
  for (let start = 0; start < unique.length; start += LOOKUP_MAX_QUERIES) {
    const chunk = unique.slice(start, start + LOOKUP_MAX_QUERIES);
    const response = await client.call("POST", "/api/parts/lookup", lookupResponseSchema, {
      queries: chunk,
    });
    // One result per query, in order, or none used: a shifted answer would misprice lines.
    if (response.results.length !== chunk.length) {
      throw new CliError(
        `the server answered ${chunk.length} queries with ${response.results.length} results`,
      );
    }
    chunk.forEach((query, i) => results.set(queryKey(query), response.results[i] as LookupResult));
  }
  return results;
}
