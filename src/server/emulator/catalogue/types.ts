/** The emulator's own record of a product: a superset of every public schema's fields. */
import type { GraphPricePoint, LifecycleStatus } from "../../../core/cofactr";

/** The emulator always fills every field of a price point (the real API may leave them null). */
export type CataloguePricePoint = { [K in keyof GraphPricePoint]: NonNullable<GraphPricePoint[K]> };

export type TerminationType =
  | "other"
  | "SMT"
  | "THT"
  | "pressed fit"
  | "hybrid of SMT and THT"
  | "hybrid of pressed fit and SMT"
  | "hybrid of pressed fit and THT";

export interface SpecQuantity {
  unit?: string | null;
  amount?: number | null;
  lower_bound?: number | null;
  upper_bound?: number | null;
}

export interface CatalogueSpec {
  id: string;
  label: string;
  display_value: string;
  quantity?: SpecQuantity | null;
}

export interface CatalogueDocument {
  label: string;
  url: string;
  filename: string;
}

/** A seller with every field of the v0 Seller schema; v1 shows a subset. */
export interface CatalogueSeller {
  id: string;
  deprecated_ids: string[];
  label: string;
  aliases: string[];
  additional_fee: number | null;
  additional_markup: number | null;
  authenticity_score: number;
  availability_score: number;
  certifications: string[];
  is_buyable: boolean;
  lead: number;
  free_ship: { threshold: number | null; shipping_lead: number | null };
  shipping_options: { price: number; shipping_lead: number }[];
  best_case_lead: number | null;
  overlap: boolean;
  convenience_return_window: number | null;
  scheduled_release_period: number | null;
  is_api_ordering_supported: boolean;
  is_api_order_status_supported: boolean;
  us_shipping_methods: Record<string, number>;
  international_shipping_methods: Record<string, number>;
  custom_reel_price: number | null;
}

export interface CatalogueOffer {
  seller: CatalogueSeller;
  is_authorized: boolean;
  shipping_lead: number;
  ships_from_country: string | null;
  sku: string | null;
  inventory_level: number;
  packaging: string | null;
  moq: number;
  order_multiple: number;
  prices: CataloguePricePoint[];
  offer_updated_at: string;
  factory_lead_days: number | null;
  factory_pack_quantity: number | null;
  on_order_quantity: number | null;
  multipack_quantity: number | null;
}

/** Product-level totals as the v0/v1 schemas report them. */
export interface ProductTotals {
  inventory_level: number;
  buyable: number;
  quotable: number;
  maybe: number;
}

export interface CatalogueProduct {
  id: string;
  deprecated_ids: string[];
  mpn: string;
  alt_mpns: string[];
  mfr: string;
  /** The manufacturer's long name, used in autocompletion labels ("Murata Electronics"). */
  mfr_label: string;
  classification: string;
  description: string;
  hero_image: string | null;
  msl: string | null;
  package: string | null;
  terminations: number | null;
  termination_type: TerminationType;
  lifecycle_status: LifecycleStatus;
  specs: CatalogueSpec[];
  documents: CatalogueDocument[];
  offers: CatalogueOffer[];
  updated_at: string;
  totals: ProductTotals;
  min_lead: number | null;
}

/** What a part family generator describes; offers, ids and totals are added afterwards. */
export interface PartDraft {
  mpn: string;
  mfr: string;
  classification: string;
  description: string;
  package: string | null;
  terminations: number | null;
  termination_type: TerminationType;
  specs: CatalogueSpec[];
  /** Rough unit price in USD at quantity 1; offers are priced around it. */
  basePrice: number;
  datasheet: string | null;
  alt_mpns?: string[];
  msl?: string | null;
  lifecycle_status?: LifecycleStatus;
  /** Reel (or tube/tray) size for volume packaging, if the part comes that way. */
  reelSize?: number;
  /** Force "no offers" (an obsolete part nobody sells). */
  noOffers?: boolean;
}
