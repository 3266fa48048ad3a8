/**
 * PRICEBREAKS' spilled table: a header row, then every price break of every offer (of one
 * seller, when named) in the seller's own currency: quantity, unit price, seller, currency.
 * Sellers in name order, each offer's breaks by quantity. Breaks without a price are left out.
 */
import type { Part } from "../../core/api";

export type BreakCell = string | number;

export const PRICE_BREAKS_HEADER: BreakCell[] = ["quantity", "unit price", "seller", "currency"];

export function priceBreaksTable(part: Part): BreakCell[][] {
  const offers = [...part.offers].sort((a, b) => a.seller.localeCompare(b.seller));
  const rows = offers.flatMap((offer) =>
    offer.prices
      .filter((b) => Number.isFinite(b.price) && Number.isFinite(b.quantity) && b.price >= 0)
      .sort((a, b) => a.quantity - b.quantity)
      .map((b): BreakCell[] => [b.quantity, b.price, offer.seller, b.currency ?? ""]),
  );
  return [PRICE_BREAKS_HEADER, ...rows];
}
