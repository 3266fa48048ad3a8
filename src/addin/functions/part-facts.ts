/**
 * Reading single facts off a resolved Part: text fields, a spec by name, stock and lead time
 * for all sellers or one. Each throws #N/A with the reason when the fact is missing.
 */
import type { Part, PartOffer } from "../../core/api";
import { bestQuote, normalizeSellerName as looseName, sellerMatches } from "../../core/pricing";
import { planSourcing } from "../../core/sourcing";
import { notAvailable } from "./errors";

export type TextField = "description" | "manufacturer" | "lifecycle" | "package" | "datasheet";

const FIELD_NAMES: Record<TextField, string> = {
  description: "description",
  manufacturer: "manufacturer",
  lifecycle: "lifecycle status",
  package: "package",
  datasheet: "datasheet",
};

export function textField(part: Part, field: TextField): string {
  const value = part[field];
  if (value == null || value.trim() === "") {
    throw notAvailable(`Cofactr has no ${FIELD_NAMES[field]} for ${part.mpn}`);
  }
  return value;
}

/** The offers of one seller; #N/A when that seller has none for this part. */
export function sellerOffers(part: Part, seller: string): PartOffer[] {
  const offers = part.offers.filter((offer) => sellerMatches(offer, seller));
  if (offers.length === 0) throw notAvailable(`no offer from seller ${seller} for ${part.mpn}`);
  return offers;
}

/** The part with only its authorized sellers' offers when `authorized` is set. */
export function withAuthorized(part: Part, authorized: boolean): Part {
  return authorized ? { ...part, offers: part.offers.filter((offer) => offer.authorized) } : part;
}

/** A seller's stock: its largest offer (one stock is listed once per packaging). */
function sellerStock(offers: PartOffer[]): number {
  return Math.max(0, ...offers.map((offer) => offer.stock));
}

/**
 * Units in stock. All sellers: the part's total. One seller: its largest offer, because a
 * distributor lists the same stock once per packaging (cut tape, reel) and a sum would count
 * it twice. Authorized only: the sum of each authorized seller's stock.
 */
export function stockOf(part: Part, seller: string | undefined, authorized = false): number {
  if (seller !== undefined)
    return sellerStock(sellerOffers(withAuthorized(part, authorized), seller));
  if (!authorized) return part.total_stock;
  const bySeller = new Map<string, PartOffer[]>();
  for (const offer of withAuthorized(part, true).offers) {
    const key = offer.seller_id || looseName(offer.seller);
    bySeller.set(key, [...(bySeller.get(key) ?? []), offer]);
  }
  return [...bySeller.values()].reduce((sum, offers) => sum + sellerStock(offers), 0);
}

/**
 * Units purchasable now toward `quantity`: what the build planner (src/core/sourcing) would
 * buy for it, across sellers, each order honouring its MOQ, multiple and stock; at most
 * `quantity`. Offers priced in (or converted to) USD count.
 */
export function availableToward(part: Part, quantity: number, authorized: boolean): number {
  const plan = planSourcing(
    [
      {
        id: part.cpid,
        quantityPerBoard: quantity,
        doNotPlace: false,
        part: {
          mpn: part.mpn,
          manufacturer: part.manufacturer,
          lifecycle: null,
          offers: part.offers,
        },
        alternates: [],
      },
    ],
    { builds: [1], currency: "USD", authorizedOnly: authorized },
  );
  return Math.min(quantity, plan.builds[0]?.lines[0]?.quantityBought ?? 0);
}

/** Shortest lead time in days, over all offers or one seller's. */
export function leadDaysOf(part: Part, seller: string | undefined): number {
  const offers = seller === undefined ? part.offers : sellerOffers(part, seller);
  const known = offers
    .map((offer) => offer.lead_days)
    .filter((days): days is number => days != null);
  if (seller === undefined && part.min_lead_days != null) known.push(part.min_lead_days);
  if (known.length === 0) {
    const from = seller === undefined ? "" : ` from ${seller}`;
    throw notAvailable(`no lead time known for ${part.mpn}${from}`);
  }
  return Math.min(...known);
}

/** A spec by its id or label, matched like seller names ("Capacitance" = "capacitance"). */
export function specValue(part: Part, name: string): string {
  const wanted = looseName(name);
  const spec = part.specs.find(
    (candidate) => looseName(candidate.id) === wanted || looseName(candidate.label) === wanted,
  );
  if (spec) return spec.value;
  const known = part.specs.map((candidate) => candidate.label);
  const hint = known.length === 0 ? "it has none" : `it has ${truncateList(known, 8)}`;
  throw notAvailable(`no spec "${name}" for ${part.mpn}: ${hint}`);
}

function truncateList(items: string[], max: number): string {
  const shown = items.slice(0, max).join(", ");
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/**
 * The unit price of the best buy of `quantity` (see bestQuote), from any seller or one.
 * #N/A says which of seller, offers or currency was missing.
 */
export function unitPriceOf(
  part: Part,
  quantity: number,
  currency: string,
  seller: string | undefined,
): number {
  const offers = seller === undefined ? part.offers : sellerOffers(part, seller);
  if (offers.length === 0) throw notAvailable(`no offers for ${part.mpn}`);
  const quote = bestQuote(offers, quantity, currency);
  if (quote === null) {
    const from = seller === undefined ? "" : ` from ${seller}`;
    throw notAvailable(`no price in ${currency} for ${part.mpn}${from}`);
  }
  return quote.unitPrice;
}
