/**
 * Get Program Availabilities, as the emulator computes it from its catalogue's offers: for each
 * part the program needs, what each seller can sell now toward the required quantity (stock,
 * MOQ, order multiple), authorized sellers and all sellers apart, the cheapest single offer that
 * covers it (priced at the break for the quantity bought, in USD) and the lead time.
 */
import type { Catalogue, CatalogueOffer, CatalogueProduct } from "../../catalogue";
import type { BomStore } from "../store";
import { programNeeds, type PartNeed } from "./needs";
import type { Program } from "./store";

export type AvailabilityStatus = "available" | "partial" | "unavailable";

/** Prices are quoted in Cofactr's converted currency. */
const CURRENCY = "USD";

/** Money to a millionth: keeps sums like 0.03828 × 3000 free of float noise. */
export function money(amount: number): number {
  return Math.round(amount * 1e6) / 1e6;
}

/** The units an offer sells now: its stock in whole order multiples, nothing below the MOQ. */
function sellable(offer: CatalogueOffer): number {
  const multiple = Math.max(1, offer.order_multiple);
  const units = Math.floor(offer.inventory_level / multiple) * multiple;
  return units >= offer.moq ? units : 0;
}

/** Breaks in USD, smallest quantity first. */
function usdBreaks(offer: CatalogueOffer): { quantity: number; price: number }[] {
  return offer.prices
    .map((point) => ({
      quantity: point.quantity,
      price: point.currency === CURRENCY ? point.price : point.converted_price,
    }))
    .sort((a, b) => a.quantity - b.quantity);
}

/** One order toward `required`: raised to the MOQ and the first break, whole multiples. */
export function offerOrder(offer: CatalogueOffer, required: number) {
  const breaks = usdBreaks(offer);
  const multiple = Math.max(1, offer.order_multiple);
  const least = Math.max(required, offer.moq, breaks[0]?.quantity ?? 1);
  const buy = Math.ceil(least / multiple) * multiple;
  let unit: number | null = null;
  for (const point of breaks) if (point.quantity <= buy) unit = point.price;
  const covers = buy <= offer.inventory_level;
  return {
    seller: { id: offer.seller.id, label: offer.seller.label },
    sku: offer.sku,
    is_authorized: offer.is_authorized,
    inventory_level: offer.inventory_level,
    moq: offer.moq,
    order_multiple: offer.order_multiple,
    buy_quantity: buy,
    unit_price: unit,
    extended_price: unit === null ? null : money(unit * buy),
    currency: CURRENCY,
    // From stock it ships; otherwise it waits for the factory.
    lead_days: covers ? offer.shipping_lead : (offer.factory_lead_days ?? offer.seller.lead),
    covers_required: covers,
  };
}

type OfferOrder = ReturnType<typeof offerOrder>;

function statusOf(purchasable: number, required: number): AvailabilityStatus {
  if (purchasable >= required) return "available";
  return purchasable > 0 ? "partial" : "unavailable";
}

function purchasable(offers: CatalogueOffer[], required: number): number {
  return Math.min(
    required,
    offers.reduce((sum, offer) => sum + sellable(offer), 0),
  );
}

/** Cheapest covering order; ties go to the authorized seller, then the larger stock. */
function bestOrder(orders: OfferOrder[]): OfferOrder | null {
  const covering = orders.filter((order) => order.covers_required && order.extended_price !== null);
  covering.sort(
    (a, b) =>
      (a.extended_price ?? 0) - (b.extended_price ?? 0) ||
      Number(b.is_authorized) - Number(a.is_authorized) ||
      b.inventory_level - a.inventory_level,
  );
  return covering[0] ?? null;
}

/** Restock lead when no single offer covers: the fastest factory (or seller) lead. */
function restockLead(offers: CatalogueOffer[]): number | null {
  const leads = offers.map((offer) => offer.factory_lead_days ?? offer.seller.lead);
  return leads.length === 0 ? null : Math.min(...leads);
}

export function partSummary(product: CatalogueProduct) {
  return {
    id: product.id,
    mpn: product.mpn,
    mfr: product.mfr,
    description: product.description,
    lifecycle_status: product.lifecycle_status,
  };
}

function partAvailability(need: PartNeed) {
  const { product, required } = need;
  const offers = product.offers;
  const authorized = offers.filter((offer) => offer.is_authorized);
  const orders = offers.map((offer) => offerOrder(offer, required));
  const best = bestOrder(orders);
  const anyQuantity = purchasable(offers, required);
  const authorizedQuantity = purchasable(authorized, required);
  return {
    part: partSummary(product),
    overridden_parts: need.overriddenFrom,
    bom_line_ids: need.bomLineIds,
    required_quantity: required,
    inventory_level: offers.reduce((sum, offer) => sum + offer.inventory_level, 0),
    authorized_inventory_level: authorized.reduce((sum, offer) => sum + offer.inventory_level, 0),
    available_quantity: anyQuantity,
    authorized_available_quantity: authorizedQuantity,
    shortfall: required - anyQuantity,
    status: statusOf(anyQuantity, required),
    authorized_status: statusOf(authorizedQuantity, required),
    lead_days: best ? best.lead_days : restockLead(offers),
    best_offer: best,
    offers: orders,
  };
}

export function programAvailability(program: Program, boms: BomStore, catalogue: Catalogue) {
  const needs = programNeeds(program, boms, catalogue);
  const items = needs.parts.map(partAvailability);
  const count = (status: AvailabilityStatus) =>
    items.filter((item) => item.status === status).length;
  return {
    program_id: program.id,
    computed_at: new Date().toISOString(),
    currency: CURRENCY,
    items,
    unmatched_lines: needs.unmatched,
    missing_bom_ids: needs.missingBomIds,
    summary: {
      parts: items.length,
      available: count("available"),
      partial: count("partial"),
      unavailable: count("unavailable"),
      authorized_available: items.filter((item) => item.authorized_status === "available").length,
      best_offer_cost: money(
        items.reduce((sum, item) => sum + (item.best_offer?.extended_price ?? 0), 0),
      ),
    },
  };
}
