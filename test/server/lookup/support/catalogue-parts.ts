/**
 * Realistic cache entries: the emulator catalogue's first parts, shaped as Cofactr answers them
 * and split, as the lookup service stores them, into static facts and market facts.
 */
import type { GraphProductOffersV1, GraphProductV1 } from "../../../../src/core/cofactr";
import { getCatalogue } from "../../../../src/server/emulator/catalogue";
import { shapeProduct } from "../../../../src/server/emulator/graph/shapes";
import type { MarketFacts, StaticFacts } from "../../../../src/server/lookup/part-cache";
import { toPart } from "../../../../src/server/lookup/to-part";

export interface CataloguePart {
  facts: StaticFacts;
  market: MarketFacts;
}

export function catalogueParts(count: number): CataloguePart[] {
  return getCatalogue()
    .products.slice(0, count)
    .map((product) => {
      const offers = shapeProduct(product, "product-offers-v1") as unknown as GraphProductOffersV1;
      const summary = shapeProduct(product, "product-v1") as unknown as GraphProductV1;
      const { offers: partOffers, total_stock, min_lead_days, ...facts } = toPart(offers, summary);
      return { facts, market: { offers: partOffers, total_stock, min_lead_days, fetchedAt: 1 } };
    });
}
