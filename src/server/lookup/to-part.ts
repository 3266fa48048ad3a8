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
    prices: (offer.prices ?? []).map(toPriceBreak),
    updated_at: offer.offer_updated_at ?? null,
  };
}

function toPriceBreak(point: GraphPricePoint): PriceBreak {
  return {
    quantity: point.quantity,
    price: point.price,
    currency: point.currency,
    converted_price: point.converted_price,
    converted_currency: point.converted_currency,
  };
}
