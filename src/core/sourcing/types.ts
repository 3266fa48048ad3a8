/**
 * The shapes of a build plan: what the sourcing engine is given (BOM lines with their resolved
 * parts and offers, build quantities, attrition, seller options) and what it answers (per line
 * and per build). Shared by the CLI, the task pane and the benchmark.
 */
import type { PartOffer } from "../api";

/** A part a line may be bought as: the primary MPN or one alternate, with its offers. */
export interface SourcingPart {
  mpn: string;
  manufacturer: string | null;
  /** Lifecycle status as the Knowledge Graph gives it: New, Production, NRFND, EOL, Obsolete. */
  lifecycle: string | null;
  offers: PartOffer[];
}

export interface SourcingLine {
  /** The caller's key for the line (a sheet row, a line number), echoed in the output. */
  id: string;
  /** Units per board; 0 or a DNP line needs nothing. */
  quantityPerBoard: number;
  doNotPlace: boolean;
  /** The resolved primary part; null when the MPN was not found (the line cannot be bought). */
  part: SourcingPart | null;
  /** Resolved alternates, in the BOM's order of preference. */
  alternates: SourcingPart[];
  /** This line's minimum extra units per build; overrides the plan's `minExtraPerLine`. */
  minExtra?: number;
}

export interface SourcingOptions {
  /** Board counts to plan for, e.g. [10, 100, 1000]. */
  builds: number[];
  /** ISO 4217 code; offers without a price in (or converted to) it are not used. */
  currency: string;
  /** Extra units per line as a percentage of the quantity (2 means 2 %), rounded up. Default 0. */
  attritionPercent?: number;
  /** At least this many extra units per line and build (overage for loss). Default 0. */
  minExtraPerLine?: number;
  /** Only offers from authorized sellers. Default false. */
  authorizedOnly?: boolean;
  /** Only these sellers (names, aliases or ids, matched as pricing.ts matches a seller). */
  allowedSellers?: string[];
  /** Sellers to favour: their offers win ties and, with `preferredMarginPercent`, near-ties. */
  preferredSellers?: string[];
  /** A preferred seller is chosen when it costs at most this percentage more. Default 0. */
  preferredMarginPercent?: number;
  /** At most this many distinct sellers across the whole plan of a build. Default: no limit. */
  maxSellers?: number;
  /**
   * What each seller beyond the first on one line is worth in the currency (the overhead of a
   * further order line, shipment and receipt). Used to choose, never added to the spend. Default 0.
   */
  extraSellerCost?: number;
  /** Most sellers one line is split across before the plan falls back to buying all stock. Default 3. */
  maxSplit?: number;
  /** A line is at risk when its lead time exceeds this many days. Default 84 (12 weeks). */
  leadTimeThresholdDays?: number;
}

/** One purchase: some units of one part from one offer. */
export interface SourcingBuy {
  seller: string;
  sellerId: string;
  sku: string | null;
  mpn: string;
  manufacturer: string | null;
  authorized: boolean;
  /** Units ordered: at least the MOQ, a multiple of the order multiple, at most the stock. */
  quantity: number;
  unitPrice: number;
  extendedPrice: number;
  leadDays: number | null;
  /** Whether this buy is of an alternate rather than the primary MPN. */
  alternate: boolean;
  /** Whether the seller is one of the plan's preferred sellers. */
  preferred: boolean;
}

/** in_stock: fully bought; partial: some units; none: nothing can be bought. */
export type Coverage = "in_stock" | "partial" | "none";

/**
 * planned: the engine chose offers (coverage says how far they go); not_needed: DNP or 0 per
 * board; no_part: the MPN did not resolve; no_offer: the part has no offer usable under the
 * options (currency, authorized only, allowed sellers).
 */
export type LineStatus = "planned" | "not_needed" | "no_part" | "no_offer";

export type LineRisk = "lifecycle" | "single_source" | "long_lead";

export interface LinePlan {
  id: string;
  /** The primary MPN (null when it did not resolve: the BOM's own MPN is the caller's). */
  mpn: string | null;
  build: number;
  status: LineStatus;
  /** quantityPerBoard × build plus attrition. */
  quantityNeeded: number;
  quantityBought: number;
  /** Units bought beyond the need, to reach an MOQ, an order multiple or a cheaper break. */
  excess: number;
  shortfall: number;
  coverage: Coverage;
  buys: SourcingBuy[];
  extendedPrice: number;
  /** extendedPrice ÷ quantityBought (the price paid per unit), null when nothing is bought. */
  unitPrice: number | null;
  /** Longest lead among the buys; for a line short of stock, the shortest lead of any offer. */
  leadDays: number | null;
  lifecycle: string | null;
  alternateUsed: boolean;
  /** Distinct sellers with stock of the line's parts under the options. */
  sellersWithStock: number;
  risks: LineRisk[];
}

export interface BuildTotals {
  build: number;
  totalCost: number;
  costPerBoard: number;
  /** Of which bought beyond the need (MOQ, multiples, cheaper breaks). */
  excessCost: number;
  linesPlanned: number;
  /** Needed lines not fully bought (partial, none, no part, no offer). */
  linesShort: number;
  linesAtRisk: number;
  sellers: string[];
}

export interface BuildPlan {
  build: number;
  lines: LinePlan[];
  totals: BuildTotals;
}

export interface SourcingPlan {
  currency: string;
  builds: BuildPlan[];
}
