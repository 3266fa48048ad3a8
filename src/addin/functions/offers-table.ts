/**
 * OFFERS' spilled table: one header row, then one row per offer, cheapest at the quantity
 * first. Prices are quoted in USD when the offer has a USD (or USD-converted) break, otherwise
 * in the offer's own currency. A value the offer lacks is an empty cell, never text.
 */
import type { Part, PartOffer } from "../../core/api";
import { quoteOffer, type PriceQuote } from "../../core/pricing";

export type OfferCell = string | number | boolean;

export const OFFERS_HEADER: OfferCell[] = [
  "seller",
  "sku",
  "authorized",
  "stock",
  "moq",
  "multiple",
  "unit price",
  "currency",
  "lead days",
];

const PREFERRED_CURRENCY = "USD";

function quoteInBestCurrency(offer: PartOffer, quantity: number): PriceQuote | null {
  const preferred = quoteOffer(offer, quantity, PREFERRED_CURRENCY);
  if (preferred) return preferred;
  const own = offer.prices[0]?.currency;
  return own ? quoteOffer(offer, quantity, own) : null;
}

function offerRow(offer: PartOffer, quote: PriceQuote | null): OfferCell[] {
  return [
    offer.seller,
    offer.sku ?? "",
    offer.authorized,
    offer.stock,
    offer.moq,
    offer.order_multiple,
    quote?.unitPrice ?? "",
    quote?.currency ?? "",
    offer.lead_days ?? "",
  ];
}

/** USD-priced offers, then other currencies, then unpriced; cheapest first, then most stock. */
function compareRows(
  a: { offer: PartOffer; quote: PriceQuote | null },
  b: { offer: PartOffer; quote: PriceQuote | null },
): number {
  const rank = (q: PriceQuote | null): number =>
    q == null ? 2 : q.currency === PREFERRED_CURRENCY ? 0 : 1;
  return (
    rank(a.quote) - rank(b.quote) ||
    (a.quote && b.quote && a.quote.currency === b.quote.currency
      ? a.quote.extendedPrice - b.quote.extendedPrice
      : 0) ||
    b.offer.stock - a.offer.stock
  );
}

export function offersTable(part: Part, quantity: number): OfferCell[][] {
  const rows = part.offers
    .map((offer) => ({ offer, quote: quoteInBestCurrency(offer, quantity) }))
    .sort(compareRows)
    .map(({ offer, quote }) => offerRow(offer, quote));
  return [OFFERS_HEADER, ...rows];
}
