/** Distributor offers for a generated part: SKUs, price breaks, stock, MOQ, lead times. */
import { skuPrefixes } from "./manufacturers";
import type { SeededRandom } from "./random";
import { SELLER_KEYS, sellerProfile, type SellerKey } from "./sellers";
import type { CatalogueOffer, CataloguePricePoint, PartDraft } from "./types";

/** Offers are dated in the days before this instant, so the catalogue never depends on the clock. */
const CATALOGUE_EPOCH = Date.UTC(2026, 10, 20, 6, 0, 0);

const FACTORY_LEADS = [28, 42, 56, 70, 84, 98, 112, 126, 147, 168, 182];

/** Cofactr's timestamp style: microseconds and an explicit +00:00 offset. */
export function cofactrTimestamp(ms: number, micros: number): string {
  const iso = new Date(ms).toISOString().slice(0, 19);
  return `${iso}.${String(micros).padStart(6, "0")}+00:00`;
}

export function randomTimestamp(rng: SeededRandom, maxAgeHours: number): string {
  const ms = CATALOGUE_EPOCH - rng.int(0, maxAgeHours * 3600) * 1000;
  return cofactrTimestamp(ms, rng.int(0, 999999));
}

/** Five significant digits, the precision distributors quote. */
function roundPrice(price: number): number {
  if (price === 0) return 0;
  const scale = 10 ** (4 - Math.floor(Math.log10(Math.abs(price))));
  return Math.round(price * scale) / scale;
}

export function pricePoint(
  quantity: number,
  price: number,
  currency: string,
  usdRate: number,
): CataloguePricePoint {
  return {
    quantity,
    price,
    currency,
    converted_currency: "USD",
    converted_price: roundPrice(price * usdRate),
    conversion_rate: usdRate,
  };
}

/** Unit price at a quantity: cheap passives fall steeply with volume, ICs much less. */
function unitPrice(listPrice: number, quantity: number): number {
  const steepness = listPrice < 0.5 ? 0.38 : listPrice < 3 ? 0.12 : 0.08;
  return Math.max(0.0005, listPrice * Math.pow(quantity, -steepness));
}

function stockLevel(rng: SeededRandom, listPrice: number): number {
  if (rng.chance(0.14)) return 0;
  const cheap = listPrice < 0.5;
  const exponent = cheap ? rng.next() * 4 + 2.5 : rng.next() * 3.5 + 1;
  return Math.round(Math.pow(10, exponent));
}

function sku(key: SellerKey, draft: PartDraft, rng: SeededRandom, reel: boolean): string {
  const prefixes = skuPrefixes(draft.mfr);
  switch (key) {
    case "digikey":
      return `${prefixes.digikey}-${rng.int(1000, 99999)}-${reel ? 2 : 1}-ND`;
    case "mouser":
      return `${prefixes.mouser}-${draft.mpn}`;
    case "newark":
      return `${rng.int(10, 99)}${rng.chars("ABCDEFGHJKMNPRSTUWXY", 2)}${rng.int(1000, 9999)}`;
    case "lcsc":
      return `C${rng.int(1000, 2999999)}`;
    case "farnell":
      return String(rng.int(1000000, 4999999));
    default:
      return draft.mpn;
  }
}

interface OfferPlan {
  reel: boolean;
  moq: number;
  orderMultiple: number;
  breaks: number[];
}

function plan(key: SellerKey, draft: PartDraft, rng: SeededRandom, reel: boolean): OfferPlan {
  const cheap = draft.basePrice < 0.5;
  if (reel && draft.reelSize) {
    const size = draft.reelSize;
    const multiples = rng.chance(0.5) ? [1, 2, 3] : [1, 2, 5];
    return {
      reel: true,
      moq: size,
      orderMultiple: rng.chance(0.7) ? size : 1,
      breaks: multiples.map((m) => m * size),
    };
  }
  if (key === "lcsc" && cheap) {
    return { reel: false, moq: 100, orderMultiple: 100, breaks: [100, 500, 5000, 10000] };
  }
  if (key === "tme" && cheap) {
    return { reel: false, moq: 10, orderMultiple: 10, breaks: [10, 100, 1000] };
  }
  if (key === "arrow" && rng.chance(0.3)) {
    return {
      reel: false,
      moq: cheap ? 50 : 5,
      orderMultiple: cheap ? 50 : 5,
      breaks: cheap ? [50, 500, 2500] : [5, 25, 100, 500],
    };
  }
  const breaks = cheap ? [1, 10, 100, 500, 1000] : [1, 10, 25, 100, 250, 1000];
  return { reel: false, moq: 1, orderMultiple: 1, breaks };
}

function offerFor(
  key: SellerKey,
  draft: PartDraft,
  rng: SeededRandom,
  reel: boolean,
): CatalogueOffer {
  const profile = sellerProfile(key);
  const shape = plan(key, draft, rng, reel);
  const level = profile.priceFactor * (0.95 + rng.next() * 0.1);
  const prices = shape.breaks.map((quantity) => {
    const usd = unitPrice(draft.basePrice, quantity) * level;
    return pricePoint(
      quantity,
      roundPrice(usd / profile.usdRate),
      profile.currency,
      profile.usdRate,
    );
  });
  const stock = stockLevel(rng, draft.basePrice);
  const inventory = shape.reel ? Math.floor(stock / shape.moq) * shape.moq : stock;
  const factoryLead = rng.chance(0.8) ? rng.pick(FACTORY_LEADS) : null;
  return {
    seller: profile.seller,
    is_authorized: profile.authorized,
    shipping_lead: profile.seller.lead + rng.int(0, 2),
    ships_from_country: profile.shipsFrom,
    sku: sku(key, draft, rng, shape.reel),
    inventory_level: inventory,
    packaging: shape.reel
      ? draft.reelSize && draft.reelSize <= 100
        ? "Tube"
        : "Tape & Reel"
      : draft.reelSize
        ? "Cut Tape"
        : "Bulk",
    moq: shape.moq,
    order_multiple: shape.orderMultiple,
    prices,
    offer_updated_at: randomTimestamp(rng, 240),
    factory_lead_days: factoryLead,
    factory_pack_quantity: draft.reelSize ?? null,
    on_order_quantity: inventory === 0 && rng.chance(0.6) ? rng.int(1, 50) * 1000 : null,
    multipack_quantity: null,
  };
}

/** Offers for one part; fewer and thinner as the part ages, none for most obsolete parts. */
export function generateOffers(draft: PartDraft, rng: SeededRandom): CatalogueOffer[] {
  if (draft.noOffers) return [];
  const lifecycle = draft.lifecycle_status ?? "Production";
  const reach =
    lifecycle === "Obsolete" ? 0.15 : lifecycle === "EOL" ? 0.5 : lifecycle === "NRFND" ? 0.8 : 1;
  const offers: CatalogueOffer[] = [];
  for (const key of SELLER_KEYS) {
    if (!rng.chance(sellerProfile(key).coverage * reach)) continue;
    offers.push(offerFor(key, draft, rng, false));
    if (draft.reelSize && (key === "digikey" || key === "mouser") && rng.chance(0.5)) {
      offers.push(offerFor(key, draft, rng, true));
    }
  }
  if (offers.length === 0 && lifecycle !== "Obsolete") {
    offers.push(offerFor("digikey", draft, rng, false));
  }
  return offers;
}
