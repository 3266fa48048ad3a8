/**
 * Get Program Reference Pricing, as the emulator computes it: a book price per part from the
 * catalogue's price breaks, ignoring stock and MOQ. At the required quantity each offer is
 * priced at its largest break at or below it (an offer whose first break is above it does not
 * count) and the lowest such price is the reference. The reference curve lists, at every break
 * quantity any offer has, the lowest price available there.
 */
import type { Catalogue, CatalogueOffer } from "../../catalogue";
import type { BomStore } from "../store";
import { money, partSummary } from "./availability";
import { programNeeds, type PartNeed } from "./needs";
import type { Program } from "./store";

const CURRENCY = "USD";

function usdPriceAt(offer: CatalogueOffer, quantity: number): number | null {
  let price: number | null = null;
  let at = 0;
  for (const point of offer.prices) {
    if (point.quantity > quantity || point.quantity < at) continue;
    at = point.quantity;
    price = point.currency === CURRENCY ? point.price : point.converted_price;
  }
  return price;
}

function lowestAt(offers: CatalogueOffer[], quantity: number) {
  let best: { price: number; offer: CatalogueOffer } | null = null;
  for (const offer of offers) {
    const price = usdPriceAt(offer, quantity);
    if (price !== null && (best === null || price < best.price)) best = { price, offer };
  }
  return best;
}

function partPricing(need: PartNeed) {
  const offers = need.product.offers;
  const quantities = [...new Set(offers.flatMap((o) => o.prices.map((p) => p.quantity)))].sort(
    (a, b) => a - b,
  );
  const curve = quantities.flatMap((quantity) => {
    const lowest = lowestAt(offers, quantity);
    return lowest ? [{ quantity, price: lowest.price, currency: CURRENCY }] : [];
  });
  const atRequired = lowestAt(offers, need.required);
  return {
    part: partSummary(need.product),
    required_quantity: need.required,
    unit_price: atRequired?.price ?? null,
    extended_price: atRequired ? money(atRequired.price * need.required) : null,
    currency: CURRENCY,
    seller: atRequired
      ? { id: atRequired.offer.seller.id, label: atRequired.offer.seller.label }
      : null,
    reference_prices: curve,
  };
}

export function programReferencePricing(program: Program, boms: BomStore, catalogue: Catalogue) {
  const needs = programNeeds(program, boms, catalogue);
  const items = needs.parts.map(partPricing);
  const priced = items.filter((item) => item.extended_price !== null);
  return {
    program_id: program.id,
    currency: CURRENCY,
    items,
    unmatched_lines: needs.unmatched,
    summary: {
      total: money(priced.reduce((sum, item) => sum + (item.extended_price ?? 0), 0)),
      priced_parts: priced.length,
      unpriced_parts: items.length - priced.length,
    },
  };
}
