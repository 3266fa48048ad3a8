/**
 * Products as each public Knowledge Graph schema shows them. Keys are exactly those of the
 * OpenAPI component for that schema; like Cofactr, optional fields that are null are left out.
 */
import type { GraphPricePoint, GraphSchema } from "../../../core/cofactr";
import type { CatalogueOffer, CatalogueProduct, CatalogueSeller } from "../catalogue";

type Json = Record<string, unknown>;

/** Drops null and undefined values, except for the keys the schema requires. */
function compact(object: Json, keep: readonly string[] = []): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(object)) {
    if (value !== null && value !== undefined) out[key] = value;
    else if (keep.includes(key)) out[key] = value ?? null;
  }
  return out;
}

function baseFields(product: CatalogueProduct): Json {
  return {
    id: product.id,
    classification: product.classification,
    description: product.description,
    hero_image: product.hero_image,
    mfr: product.mfr,
    mpn: product.mpn,
    alt_mpns: product.alt_mpns,
    msl: product.msl,
    package: product.package,
    terminations: product.terminations,
    termination_type: product.termination_type,
  };
}

function totals(product: CatalogueProduct): Json {
  return {
    inventory_level: product.totals.inventory_level,
    buyable: product.totals.buyable,
    quotable: product.totals.quotable,
    maybe: product.totals.maybe,
  };
}

function productV0(product: CatalogueProduct): Json {
  return compact({
    ...baseFields(product),
    lifecycle_status: product.lifecycle_status,
    ...totals(product),
    updated_at: product.updated_at,
  });
}

function productV1(product: CatalogueProduct): Json {
  return compact({ ...productV0(product), deprecated_ids: product.deprecated_ids });
}

const V1_SELLER_KEYS = [
  "id",
  "deprecated_ids",
  "label",
  "aliases",
  "certifications",
  "lead",
  "free_ship",
  "shipping_options",
  "best_case_lead",
  "convenience_return_window",
  "scheduled_release_period",
  "us_shipping_methods",
  "international_shipping_methods",
  "custom_reel_price",
] as const;

const SELLER_REQUIRED = [
  "best_case_lead",
  "convenience_return_window",
  "scheduled_release_period",
  "custom_reel_price",
];

function sellerV1(seller: CatalogueSeller): Json {
  const picked: Json = {};
  for (const key of V1_SELLER_KEYS) picked[key] = seller[key];
  return compact(picked, SELLER_REQUIRED);
}

function sellerV0(seller: CatalogueSeller): Json {
  return compact({ ...seller }, SELLER_REQUIRED);
}

function offerV1(offer: CatalogueOffer, partId: string): Json {
  return compact({
    part: partId,
    seller: sellerV1(offer.seller),
    is_authorized: offer.is_authorized,
    shipping_lead: offer.shipping_lead,
    ships_from_country: offer.ships_from_country,
    sku: offer.sku,
    inventory_level: offer.inventory_level,
    packaging: offer.packaging,
    moq: offer.moq,
    prices: offer.prices,
    factory_lead_days: offer.factory_lead_days,
    factory_pack_quantity: offer.factory_pack_quantity,
    order_multiple: offer.order_multiple,
    offer_updated_at: offer.offer_updated_at,
  });
}

function offerV0(offer: CatalogueOffer, partId: string): Json {
  return compact({
    part: partId,
    seller: sellerV0(offer.seller),
    is_authorized: offer.is_authorized,
    status: offer.inventory_level > 0 && offer.prices.length > 0 ? "buyable" : "quotable",
    shipping_lead: offer.shipping_lead,
    ships_from_country: offer.ships_from_country,
    sku: offer.sku,
    inventory_level: offer.inventory_level,
    packaging: offer.packaging,
    moq: offer.moq,
    prices: offer.prices,
    updated_at: offer.offer_updated_at,
    factory_lead_days: offer.factory_lead_days,
    on_order_quantity: offer.on_order_quantity,
    factory_pack_quantity: offer.factory_pack_quantity,
    order_multiple: offer.order_multiple,
    multipack_quantity: offer.multipack_quantity,
    is_foreign: offer.ships_from_country !== "US",
  });
}

const REFERENCE_QUANTITIES = [1, 10, 100, 1000, 10000];

/**
 * Product-level reference prices (v0 only): at each standard quantity, the lowest USD unit
 * price among offers that sell that quantity. `buyable` restricts it to offers with stock.
 */
export function referencePrices(
  product: CatalogueProduct,
  buyableOnly: boolean,
): GraphPricePoint[] {
  const points: GraphPricePoint[] = [];
  for (const quantity of REFERENCE_QUANTITIES) {
    let best: number | null = null;
    for (const offer of product.offers) {
      if (buyableOnly && offer.inventory_level < quantity) continue;
      if (quantity < offer.moq) continue;
      const applicable = offer.prices.filter((p) => p.quantity <= quantity);
      const last = applicable[applicable.length - 1];
      if (last && (best === null || last.converted_price < best)) best = last.converted_price;
    }
    if (best !== null) {
      points.push({
        quantity,
        price: best,
        currency: "USD",
        converted_currency: "USD",
        converted_price: best,
        conversion_rate: 1,
      });
    }
  }
  return points;
}

function productOffersV0(product: CatalogueProduct): Json {
  return compact({
    ...baseFields(product),
    documents: product.documents,
    specs: product.specs.map((s) => ({ id: s.id, label: s.label, value: s.display_value })),
    ...totals(product),
    updated_at: product.updated_at,
    buyable_reference_prices: referencePrices(product, true),
    reference_prices: referencePrices(product, false),
    deprecated_ids: product.deprecated_ids,
    min_lead: product.min_lead,
    offers: product.offers.map((offer) => offerV0(offer, product.id)),
  });
}

function productOffersV1(product: CatalogueProduct): Json {
  return compact({
    ...baseFields(product),
    documents: product.documents,
    specs: product.specs.map((s) => compact({ ...s })),
    product_updated_at: product.updated_at,
    deprecated_ids: product.deprecated_ids,
    min_lead: product.min_lead,
    offers: product.offers.map((offer) => offerV1(offer, product.id)),
  });
}

const SHAPERS: Record<GraphSchema, (product: CatalogueProduct) => Json> = {
  "product-v0": productV0,
  "product-v1": productV1,
  "product-offers-v0": productOffersV0,
  "product-offers-v1": productOffersV1,
};

export function shapeProduct(product: CatalogueProduct, schema: GraphSchema): Json {
  return SHAPERS[schema](product);
}
