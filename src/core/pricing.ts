/**
 * Price at quantity: what an order of N units from one offer really costs, and which offer is
 * the best buy. Shared by the custom functions, the task pane's results table and the CLI.
 *
 * Rules:
 * - The quantity bought is the quantity asked raised to the offer's minimum order quantity,
 *   then rounded up to its order multiple. A price list whose first break is above the MOQ
 *   (e.g. MOQ 1, first break at 100) cannot sell fewer than that break, so the smallest usable
 *   break counts as a minimum too.
 * - The unit price is that of the largest break at or below the quantity bought.
 * - Currency: a break in the asked currency uses its `price`; otherwise its `converted_price`
 *   when `converted_currency` is the asked one; breaks in neither are unusable, and an offer
 *   with no usable break cannot be quoted (null). An offer with price lists in several
 *   currencies is quoted from one list: the asked currency's, else the first converted one.
 * - Best offer: lowest extended cost among the offers with enough stock for the quantity
 *   bought; if none has enough, the one with the most stock.
 */
import type { PartOffer, PriceBreak } from "./api";

export interface PriceQuote {
  offer: PartOffer;
  quantityAsked: number;
  quantityBought: number;
  unitPrice: number;
  extendedPrice: number;
  currency: string;
}

/** A break re-expressed in the asked currency. */
export interface UsableBreak {
  quantity: number;
  unitPrice: number;
}

/** ISO 4217 codes (active, plus the special XDR/XSU) that a price can be asked in. */
const ISO_4217 = new Set(
  (
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN " +
    "BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR " +
    "FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD " +
    "JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK " +
    "MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN " +
    "PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL " +
    "THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XDR " +
    "XOF XPF XSU YER ZAR ZMW ZWG ZWL"
  ).split(" "),
);

/** Whether `code` is an ISO 4217 currency code (case-insensitive, surrounding spaces ignored). */
export function isKnownCurrency(code: string): boolean {
  return ISO_4217.has(normalizeCurrency(code));
}

/** "usd " → "USD". */
export function normalizeCurrency(code: string): string {
  return code.trim().toUpperCase();
}

/** "Digi-Key", "digikey", "DIGI KEY" all become "digikey". */
export function normalizeSellerName(name: string): string {
  return name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** Whether `seller` names this offer's seller: its name, an alias, or its exact id. */
export function sellerMatches(offer: PartOffer, seller: string): boolean {
  const wanted = normalizeSellerName(seller);
  if (wanted === "") return false;
  if (offer.seller_id !== "" && offer.seller_id === seller.trim()) return true;
  return [offer.seller, ...offer.seller_aliases].some(
    (name) => normalizeSellerName(name) === wanted,
  );
}

function positiveIntegerOr(value: number, fallback: number): number {
  return Number.isFinite(value) && value >= 1 ? Math.ceil(value) : fallback;
}

/**
 * The breaks of one price list, in the asked currency. An offer may list its prices in several
 * currencies; merging those lists would apply one list's price to another's quantities. So:
 * the list in the asked currency if there is one, else the first list converted into it.
 */
function usableBreaks(prices: PriceBreak[], currency: string): UsableBreak[] {
  const lists = new Map<string, UsableBreak[]>();
  for (const priceBreak of prices) {
    const source = normalizeCurrency(priceBreak.currency ?? "");
    let unitPrice: number | null = null;
    if (source === currency) unitPrice = priceBreak.price;
    else if (normalizeCurrency(priceBreak.converted_currency ?? "") === currency) {
      unitPrice = priceBreak.converted_price;
    }
    if (unitPrice == null || !Number.isFinite(unitPrice) || unitPrice < 0) continue;
    if (!Number.isFinite(priceBreak.quantity)) continue;
    const list = lists.get(source) ?? [];
    list.push({ quantity: Math.max(1, Math.ceil(priceBreak.quantity)), unitPrice });
    lists.set(source, list);
  }
  const chosen = lists.get(currency) ?? lists.values().next().value ?? [];
  return chosen.sort((a, b) => a.quantity - b.quantity);
}

/** How an offer sells in one currency: its breaks, the least it sells, the step it sells in. */
export interface OrderTerms {
  /** Usable breaks in the asked currency, smallest quantity first (never empty). */
  breaks: UsableBreak[];
  /** The MOQ, or the smallest break when that is higher. */
  minimum: number;
  /** The order multiple (1 when missing or invalid). */
  multiple: number;
}

/** The offer's order terms in `currency` (already normalized); null when it has no usable break. */
export function orderTerms(offer: PartOffer, currency: string): OrderTerms | null {
  const breaks = usableBreaks(offer.prices, currency);
  const smallestBreak = breaks[0];
  if (smallestBreak === undefined) return null;
  return {
    breaks,
    minimum: Math.max(positiveIntegerOr(offer.moq, 1), smallestBreak.quantity),
    multiple: positiveIntegerOr(offer.order_multiple, 1),
  };
}

/** Money sums like 0.03828 × 3000 come out as 114.83999999999999; keep ten decimals. */
export function roundMoney(amount: number): number {
  return Math.round(amount * 1e10) / 1e10;
}

function assertQuantity(quantity: number): void {
  if (!Number.isInteger(quantity) || quantity < 1) {
    throw new RangeError(`quantity must be a whole number of at least 1, got ${quantity}`);
  }
}

/**
 * What buying `quantity` units from this offer costs in `currency`; null when the offer has no
 * usable break in that currency. Throws RangeError unless quantity is a whole number ≥ 1.
 */
export function quoteOffer(
  offer: PartOffer,
  quantity: number,
  currency: string,
): PriceQuote | null {
  assertQuantity(quantity);
  const wantedCurrency = normalizeCurrency(currency);
  const terms = orderTerms(offer, wantedCurrency);
  return terms === null ? null : quoteWithTerms(offer, terms, quantity, wantedCurrency);
}

/**
 * quoteOffer with the order terms already worked out (for callers quoting one offer at many
 * quantities). `currency` is the normalized code the terms are in.
 */
export function quoteWithTerms(
  offer: PartOffer,
  terms: OrderTerms,
  quantity: number,
  currency: string,
): PriceQuote {
  assertQuantity(quantity);
  const { breaks, minimum, multiple } = terms;
  const quantityBought = Math.ceil(Math.max(quantity, minimum) / multiple) * multiple;

  let applicable = breaks[0] as UsableBreak;
  for (const priceBreak of breaks) {
    if (priceBreak.quantity <= quantityBought) applicable = priceBreak;
  }
  return {
    offer,
    quantityAsked: quantity,
    quantityBought,
    unitPrice: applicable.unitPrice,
    extendedPrice: roundMoney(applicable.unitPrice * quantityBought),
    currency,
  };
}

function hasEnoughStock(quote: PriceQuote): boolean {
  return quote.offer.stock >= quote.quantityBought;
}

/** Cheapest first; ties go to the authorized seller, then the larger stock, then the name. */
function byCost(a: PriceQuote, b: PriceQuote): number {
  return (
    a.extendedPrice - b.extendedPrice ||
    Number(b.offer.authorized) - Number(a.offer.authorized) ||
    b.offer.stock - a.offer.stock ||
    a.offer.seller.localeCompare(b.offer.seller)
  );
}

/**
 * The best buy among `offers` (optionally only one seller's): the lowest extended cost among
 * offers with enough stock, else the offer with the most stock. Null when none can be quoted.
 */
export function bestQuote(
  offers: PartOffer[],
  quantity: number,
  currency: string,
  options: { seller?: string } = {},
): PriceQuote | null {
  assertQuantity(quantity);
  const { seller } = options;
  const candidates =
    seller == null || seller.trim() === ""
      ? offers
      : offers.filter((offer) => sellerMatches(offer, seller));
  const quotes = candidates
    .map((offer) => quoteOffer(offer, quantity, currency))
    .filter((quote): quote is PriceQuote => quote !== null);
  if (quotes.length === 0) return null;

  const stocked = quotes.filter(hasEnoughStock);
  if (stocked.length > 0) return stocked.sort(byCost)[0] ?? null;
  return quotes.sort((a, b) => b.offer.stock - a.offer.stock || byCost(a, b))[0] ?? null;
}
