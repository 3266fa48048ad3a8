/**
 * The Cofactr contract: request and response shapes of the Platform API and the Knowledge
 * Graph, as far as they are known (see ../shared/cofactr/API-NOTES.md). Types only.
 */

/** The 1–255 character limit Cofactr puts on every string field of a raw bomline. */
export const COFACTR_MAX_STRING = 255;

/** Characters as Cofactr (Python) counts them: code points, so "😀" is one, not two. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** Whether a string fits Cofactr's 255-character limit. */
export function fitsCofactrString(text: string): boolean {
  return codePointLength(text) <= COFACTR_MAX_STRING;
}

/** The Knowledge Graph's batch endpoint takes at most this many members. */
export const GRAPH_BATCH_MAX = 250;

/** A raw bomline as the Platform API takes it (CreateRawBomLine). `null`, never `""`. */
export interface CreateRawBomLine {
  custom_id?: string | null;
  mpn: string | null;
  alternative_mpns?: string[];
  manufacturer_name?: string | null;
  quantity?: number;
  reference_designators_string?: string;
  reference_designators?: string[];
  description?: string | null;
  link?: string | null;
  comments?: string | null;
  do_not_place?: boolean;
  line_number?: string | null;
  value?: string | null;
  package?: string | null;
  mount_type?: string | null;
  metadata?: Record<string, unknown>;
  is_custom_part?: boolean;
}

/** The body of `PUT /v1/integrations/async_boms/` (Upsert BOM Async). */
export interface UpsertBomBody {
  name: string;
  version?: string | null;
  part_number?: string | null;
  approved?: boolean;
  lines?: CreateRawBomLine[];
  metadata?: Record<string, unknown>;
  integration_record_id?: string | null;
  synced_from_integration?: boolean;
  integration_source_name?: string;
  synced_from_integration_at?: string;
}

/** One price break (Knowledge Graph PricePoint). Every field is required but may be null. */
export interface GraphPricePoint {
  quantity: number | null;
  price: number | null;
  currency: string | null;
  converted_currency: string | null;
  converted_price: number | null;
  conversion_rate: number | null;
}

export interface GraphSeller {
  id: string;
  label?: string | null;
  aliases?: string[];
  deprecated_ids?: string[];
  lead: number | null;
  best_case_lead: number | null;
  [extra: string]: unknown;
}

/** ProductOffersV1Offer. */
export interface GraphOffer {
  part: string;
  seller: GraphSeller;
  is_authorized?: boolean | null;
  shipping_lead: number | null;
  ships_from_country?: string | null;
  sku?: string | null;
  packaging?: string | null;
  inventory_level?: number;
  moq?: number;
  order_multiple?: number;
  prices?: GraphPricePoint[];
  offer_updated_at: string;
  factory_lead_days?: number | null;
  factory_pack_quantity?: number | null;
}

export type LifecycleStatus = "New" | "NRFND" | "Production" | "EOL" | "Obsolete";

/** The fields a product carries in every schema. */
export interface GraphProductBase {
  id: string;
  deprecated_ids?: string[];
  mpn?: string | null;
  alt_mpns?: string[];
  mfr?: string | null;
  classification?: string | null;
  description?: string | null;
  hero_image?: string | null;
  msl?: string | null;
  package?: string | null;
  terminations?: number | null;
  termination_type?: string | null;
}

/** product-v1: lifecycle and total inventory, no offers. */
export interface GraphProductV1 extends GraphProductBase {
  lifecycle_status?: LifecycleStatus | null;
  inventory_level?: number | null;
  buyable?: number | null;
  quotable?: number | null;
  maybe?: number | null;
  updated_at?: string | null;
}

/** product-offers-v1: offers, specs and documents, no lifecycle. */
export interface GraphProductOffersV1 extends GraphProductBase {
  documents?: { label: string; url: string; filename: string }[];
  specs?: {
    id: string;
    label: string;
    display_value: string;
    quantity?: {
      unit?: string | null;
      amount?: number | null;
      lower_bound?: number | null;
      upper_bound?: number | null;
    } | null;
  }[];
  min_lead?: number | null;
  offers?: GraphOffer[];
  product_updated_at?: string | null;
}

export const GRAPH_SCHEMAS = [
  "product-v0",
  "product-v1",
  "product-offers-v0",
  "product-offers-v1",
] as const;
export type GraphSchema = (typeof GRAPH_SCHEMAS)[number];

export const SEARCH_STRATEGIES = [
  "default",
  "mpn_exact",
  "mpn_exact_multi",
  "mpn_exact_mfr",
  "mpn_sku_mfr",
] as const;
export type SearchStrategy = (typeof SEARCH_STRATEGIES)[number];

export interface GraphBatchMember {
  method: "GET";
  relative_url: string;
}

export interface GraphBatchResult<T = unknown> {
  code: number;
  body: T;
}
