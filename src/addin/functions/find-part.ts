/** The part a function asks the runtime's lookup service for, or #N/A saying why there is none. */
import type { Part, PartQuery } from "../../core/api";
import type { FoundPart, Freshness } from "../runtime/lookup/cache";
import { runtimeServices } from "../runtime/services";
import { notAvailable } from "./errors";

/** The part with when its offers were fetched from Cofactr. */
export async function findFetchedPart(query: PartQuery, freshness: Freshness): Promise<FoundPart> {
  const result = await runtimeServices().lookups.find(query, freshness);
  if (result.status === "found") return result;
  throw notAvailable(result.message);
}

export async function findPart(query: PartQuery, freshness: Freshness): Promise<Part> {
  return (await findFetchedPart(query, freshness)).part;
}
