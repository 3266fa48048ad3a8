/**
 * The offers a line may be bought from under the plan's options, with their order terms in the
 * plan's currency and the most each can sell now. Pricing rules (MOQ, order multiple, breaks,
 * currency) are pricing.ts's; this module only filters and memoizes them.
 */
import type { PartOffer } from "../api";
import {
  orderTerms,
  quoteWithTerms,
  sellerMatches,
  type OrderTerms,
  type PriceQuote,
} from "../pricing";
import type { SourcingPart } from "./types";

export interface SellerFilter {
  currency: string;
  authorizedOnly: boolean;
  allowedSellers: string[];
  preferredSellers: string[];
  /** 0..1: a preferred seller's cost is weighed at (1 − discount) when choosing. */
  preferredDiscount: number;
}

export interface Candidate {
  offer: PartOffer;
  part: SourcingPart;
  alternate: boolean;
  terms: OrderTerms;
  /** The smallest order the offer takes (the minimum rounded up to the order multiple). */
  minBuy: number;
  /** The most it can sell now: its stock rounded down to the order multiple. */
  maxBuy: number;
  sellerKey: string;
  preferred: boolean;
  /** Multiplier applied to its cost when comparing (below 1 for a preferred seller). */
  weight: number;
  /** Cost of an order of `quantity` units (asked; the quote says what is bought). */
  quote(quantity: number): PriceQuote;
}

/** One seller however its offers name it: the id when there is one, else the normalized name. */
export function sellerKey(sellerId: string, sellerName: string): string {
  return sellerId.trim() !== "" ? sellerId.trim() : sellerName.trim().toLowerCase();
}

/** Whether the options let this offer be used at all (before stock and price are considered). */
export function offerAllowed(offer: PartOffer, filter: SellerFilter): boolean {
  if (filter.authorizedOnly && !offer.authorized) return false;
  return (
    filter.allowedSellers.length === 0 || filter.allowedSellers.some((s) => sellerMatches(offer, s))
  );
}

function candidate(
  offer: PartOffer,
  part: SourcingPart,
  alternate: boolean,
  filter: SellerFilter,
): Candidate | null {
  if (!offerAllowed(offer, filter)) return null;
  const terms = orderTerms(offer, filter.currency);
  if (terms === null) return null;
  const stock = Number.isFinite(offer.stock) ? Math.max(0, Math.floor(offer.stock)) : 0;
  const minBuy = Math.ceil(terms.minimum / terms.multiple) * terms.multiple;
  const maxBuy = Math.floor(stock / terms.multiple) * terms.multiple;
  const preferred = filter.preferredSellers.some((s) => sellerMatches(offer, s));
  const weight = preferred ? 1 - filter.preferredDiscount : 1;
  const memo = new Map<number, PriceQuote>();
  return {
    offer,
    part,
    alternate,
    terms,
    minBuy,
    maxBuy,
    sellerKey: sellerKey(offer.seller_id, offer.seller),
    preferred,
    weight,
    quote(quantity) {
      let quote = memo.get(quantity);
      if (quote === undefined) {
        quote = quoteWithTerms(offer, terms, quantity, filter.currency);
        memo.set(quantity, quote);
      }
      return quote;
    },
  };
}

/**
 * Every offer of the line's parts the options allow and that is priced in the currency: the
 * primary's first, then each alternate's. `stocked` is the subset that can sell an order now.
 */
export interface LinePool {
  priced: Candidate[];
  stocked: Candidate[];
}

export function lineCandidates(
  part: SourcingPart | null,
  alternates: readonly SourcingPart[],
  filter: SellerFilter,
): LinePool {
  const priced: Candidate[] = [];
  const parts = part === null ? alternates : [part, ...alternates];
  parts.forEach((each, index) => {
    const isAlternate = part === null || index > 0;
    for (const offer of each.offers) {
      const found = candidate(offer, each, isAlternate, filter);
      if (found !== null) priced.push(found);
    }
  });
  return { priced, stocked: priced.filter((c) => c.maxBuy >= c.minBuy && c.maxBuy > 0) };
}

/** The pool restricted to some sellers (by sellerKey). */
export function onlySellers(pool: LinePool, kept: ReadonlySet<string>): LinePool {
  const keep = (c: Candidate) => kept.has(c.sellerKey);
  return { priced: pool.priced.filter(keep), stocked: pool.stocked.filter(keep) };
}
