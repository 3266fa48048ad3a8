/**
 * Picks the part a query means among the candidates a search returned:
 * 1. the MPN must match exactly (case-insensitive), as `mpn` or one of `alt_mpns`; failing
 *    that, a distributor SKU typed in the MPN column is accepted;
 * 2. when the query names a manufacturer, only candidates from that manufacturer remain
 *    (tolerant matching, see manufacturer.ts); none left is "not found", with the makers
 *    Cofactr does know for that MPN in the message;
 * 3. among what remains, the one with the most stock. So an MPN two manufacturers share,
 *    asked without a manufacturer, resolves to the better-stocked one.
 */
import type { GraphProductOffersV1 } from "../../core/cofactr";
import { manufacturerMatches } from "./manufacturer";
import type { NormalizedQuery } from "./query-key";

export type Choice =
  { found: true; product: GraphProductOffersV1 } | { found: false; message: string };

export function chooseCandidate(
  query: NormalizedQuery,
  candidates: readonly GraphProductOffersV1[],
): Choice {
  const wanted = query.mpn.toUpperCase();
  const same = (text: string | null | undefined) => (text ?? "").trim().toUpperCase() === wanted;
  let pool = candidates.filter(
    (candidate) => same(candidate.mpn) || (candidate.alt_mpns ?? []).some(same),
  );
  if (pool.length === 0) {
    pool = candidates.filter((candidate) => (candidate.offers ?? []).some((o) => same(o.sku)));
  }
  if (pool.length === 0) {
    return { found: false, message: `No part with MPN "${query.mpn}" was found.` };
  }
  if (query.manufacturer) {
    const given = query.manufacturer;
    const fromMaker = pool.filter((candidate) => manufacturerMatches(given, candidate.mfr));
    if (fromMaker.length === 0) {
      const makers = [...new Set(pool.map((candidate) => candidate.mfr ?? "unknown"))];
      return {
        found: false,
        message: `"${query.mpn}" was found from ${makers.join(", ")}, not from "${given}".`,
      };
    }
    pool = fromMaker;
  }
  const best = pool.reduce((a, b) => (offeredStock(b) > offeredStock(a) ? b : a));
  return { found: true, product: best };
}

/** Units offered across all sellers (product-offers-v1 has no total inventory). */
export function offeredStock(product: GraphProductOffersV1): number {
  return (product.offers ?? []).reduce((sum, offer) => sum + (offer.inventory_level ?? 0), 0);
}
