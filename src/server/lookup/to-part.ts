/** Flattens Knowledge Graph products (product-offers-v1 + product-v1) into the /api `Part`. */
import type { Part, PartOffer, PriceBreak } from "../../core/api";
import type {
  GraphOffer,
  GraphPricePoint,
  GraphProductOffersV1,
  GraphProductV1,
} from "../../core/cofactr";
import { offeredStock } from "./choose";

/**
 * `summary` is the product-v1 record (lifecycle, total inventory); without it the lifecycle is
 * unknown and the stock is the sum of the offers.
 */
export function toPart(product: GraphProductOffersV1, summary?: GraphProductV1): Part {
  const offers = (product.offers ?? []).map(toOffer);
  const leads = offers.map((offer) => offer.lead_days).filter((days) => days !== null);
  const datasheet = (product.documents ?? []).find(
    (document) => document.label.trim().toLowerCase() === "datasheet",
  );
  return {
    cpid: product.id,
    mpn: product.mpn ?? summary?.mpn ?? "",
    manufacturer: product.mfr ?? summary?.mfr ?? "",
    description: product.description ?? summary?.description ?? null,
    classification: product.classification ?? summary?.classification ?? null,
    lifecycle: summary?.lifecycle_status ?? null,
    package: product.package ?? summary?.package ?? null,
    datasheet: datasheet?.url ?? null,
    image: product.hero_image ?? null,
    total_stock: summary?.inventory_level ?? offeredStock(product),
    min_lead_days: product.min_lead ?? (leads.length > 0 ? Math.min(...leads) : null),
    specs: (product.specs ?? []).map((spec) => ({
      id: spec.id,
      label: spec.label,
      value: spec.display_value,
    })),
    offers,
  };
}

function toOffer(offer: GraphOffer): PartOffer {
  return {
    seller: offer.seller.label ?? offer.seller.id,
    seller_id: offer.seller.id,
    seller_aliases: offer.seller.aliases ?? [],
    sku: offer.sku ?? null,
    authorized: offer.is_authorized ?? false,
    stock: offer.inventory_level ?? 0,
    moq: offer.moq ?? 1,
    order_multiple: offer.order_multiple ?? 1,
    packaging: offer.packaging ?? null,
    lead_days: offer.factory_lead_days ?? offer.shipping_lead ?? null,
    prices: (offer.prices ?? []).flatMap(toPriceBreak),
    updated_at: offer.offer_updated_at ?? null,
  };
}

/**
 * A break the add-in can price with, or none. The Knowledge Graph may leave any field of a
 * price point null: a break with only one of its two prices states that price twice (it is the
 * same amount), and a break without a quantity or any price is dropped rather than failing the
 * whole lookup.
 */
function toPriceBreak(point: GraphPricePoint): PriceBreak[] {
  const own = amount(point.price, point.currency);
  const converted = amount(point.converted_price, point.converted_currency);
  const quantity = point.quantity;
  if (typeof quantity !== "number" || !Number.isFinite(quantity) || quantity < 1) return [];
  const listed = own ?? converted;
  const inConverted = converted ?? own;
  if (!listed || !inConverted) return [];
  return [
    {
      quantity,
      price: listed.price,
      currency: listed.currency,
      converted_price: inConverted.price,
      converted_currency: inConverted.currency,
    },
  ];
}

function amount(
  price: number | null,
  currency: string | null,
): { price: number; currency: string } | null {
  const usable = typeof price === "number" && Number.isFinite(price) && price >= 0;
  return usable && currency ? { price, currency } : null;
}
