/** How part queries are compared: one cache entry and one upstream search per distinct key. */
import { COFACTR_MAX_STRING, fitsCofactrString } from "../../core/cofactr";
import type { PartQuery } from "../../core/api";
import { collapseSpaces, queryKey } from "../../core/query-key";

export interface NormalizedQuery {
  /** The shared lookup identity (core/query-key). */
  key: string;
  /** The MPN as typed, trimmed (searches keep the user's spelling). */
  mpn: string;
  manufacturer: string | null;
}

export type QueryProblem = { problem: string };

/** A query ready to search, or why it cannot be searched (empty or over-long text). */
export function normalizeQuery(query: PartQuery): NormalizedQuery | QueryProblem {
  const mpn = collapseSpaces(query.mpn);
  const manufacturer = collapseSpaces(query.manufacturer ?? "");
  if (mpn === "") return { problem: "The MPN is empty." };
  if (!fitsCofactrString(mpn)) {
    return { problem: `The MPN is longer than ${COFACTR_MAX_STRING} characters.` };
  }
  if (!fitsCofactrString(manufacturer)) {
    return { problem: `The manufacturer is longer than ${COFACTR_MAX_STRING} characters.` };
  }
  return {
    key: queryKey({ mpn, manufacturer }),
    mpn,
    manufacturer: manufacturer === "" ? null : manufacturer,
  };
}
