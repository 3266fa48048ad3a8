/** Offers and lines for the sourcing tests: USD price lists written as [quantity, unit price]. */
import type { PartOffer } from "../../../src/core/api";
import type { SourcingLine, SourcingPart } from "../../../src/core/sourcing";

export interface OfferSpec {
  seller: string;
  stock: number;
  breaks: [number, number][];
  moq?: number;
  multiple?: number;
  authorized?: boolean;
  lead?: number | null;
  currency?: string;
}

export function offer(spec: OfferSpec): PartOffer {
  const currency = spec.currency ?? "USD";
  return {
    seller: spec.seller,
    seller_id: `id-${spec.seller.toLowerCase()}`,
    seller_aliases: [],
    sku: `${spec.seller.toUpperCase()}-SKU`,
    authorized: spec.authorized ?? true,
    stock: spec.stock,
    moq: spec.moq ?? 1,
    order_multiple: spec.multiple ?? 1,
    packaging: null,
    lead_days: spec.lead ?? null,
    prices: spec.breaks.map(([quantity, price]) => ({
      quantity,
      price,
      currency,
      converted_price: price,
      converted_currency: currency,
    })),
    updated_at: null,
  };
}

export function part(
  mpn: string,
  offers: PartOffer[],
  lifecycle: string | null = "Production",
): SourcingPart {
  return { mpn, manufacturer: "Maker", lifecycle, offers };
}

export function line(
  id: string,
  quantityPerBoard: number,
  primary: SourcingPart | null,
  more: Partial<SourcingLine> = {},
): SourcingLine {
  return { id, quantityPerBoard, doNotPlace: false, part: primary, alternates: [], ...more };
}
