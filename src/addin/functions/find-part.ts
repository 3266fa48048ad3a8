/** The part a function asks the runtime's lookup service for, or #N/A saying why there is none. */
import type { Part, PartQuery } from "../../core/api";
import type { Freshness } from "../runtime/lookup/cache";
import { runtimeServices } from "../runtime/services";
import { notAvailable } from "./errors";

export async function findPart(query: PartQuery, freshness: Freshness): Promise<Part> {
  const result = await runtimeServices().lookups.find(query, freshness);
  if (result.status === "found") return result.part;
  throw notAvailable(result.message);
}
