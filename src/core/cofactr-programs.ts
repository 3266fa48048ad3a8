/**
 * The Cofactr Platform contract for Programs, in one place: paths, request bodies and the
 * readers of Cofactr's answers. Cofactr lists these operations (seed page, API-NOTES 1.2) but
 * has not published their paths or shapes, so everything here marked ASSUMED is this project's
 * design in the style of API-NOTES 4.3 (snake_case, `/v1/…/` with a trailing slash, UUID ids,
 * parts as `{id, mpn, mfr, description}`). Meeting the real API means changing this file only:
 * the readers turn whatever Cofactr answers into the stable /api views of api-programs.ts.
 *
 * Readers are lenient where a guess may be off (a field missing or null falls back), strict
 * where nothing useful can be made without it (an id).
 */
import { z } from "zod";
import type {
  AvailabilityStatus,
  PartOverrideView,
  ProgramAvailabilityResponse,
  ProgramLineView,
  ProgramOfferAvailability,
  ProgramPart,
  ProgramPartAvailability,
  ProgramPartReferencePrice,
  ProgramReferencePricingResponse,
  ProgramResponse,
  ProgramSummary,
} from "./api-programs";

/** Path segments under `/v1/` (the client adds the prefix and the trailing slash). ASSUMED:
 * only the resource names of the endpoint list are known. */
export const PROGRAM_PATHS = {
  programs: () => ["programs"],
  program: (id: string) => ["programs", id],
  lines: (id: string) => ["programs", id, "lines"],
  line: (id: string, lineId: string) => ["programs", id, "lines", lineId],
  /** Get Program Availabilities (GET). */
  availabilities: (id: string) => ["programs", id, "availabilities"],
  /** Get Program Availabilities Async (GET, per the seed page): answers a job id, followed at
   * `/v1/async_jobs/{id}/` like Upsert BOM Async; the job's `result` is an availability. */
  availabilitiesAsync: (id: string) => ["programs", id, "availabilities_async"],
  referencePricing: (id: string) => ["programs", id, "reference_pricing"],
  overrides: (id: string) => ["programs", id, "part_overrides"],
  override: (id: string, overrideId: string) => ["programs", id, "part_overrides", overrideId],
} as const;

/* Request bodies (ASSUMED; strings 1–255 characters, null rather than "", as for BOMs). */

/** ASSUMED: a program line names a BOM and the boards built of it. */
export interface CofactrProgramLineBody {
  bom_id: string;
  quantity: number;
}

/** Creates a Program. ASSUMED: lines may come with it. */
export interface CofactrProgramCreateBody {
  name: string;
  description?: string | null;
  metadata?: Record<string, unknown>;
  lines?: CofactrProgramLineBody[];
}

export interface CofactrProgramPatchBody {
  name?: string;
  description?: string | null;
}

/** ASSUMED: CPIDs, as a BOM line's `part` takes; `bom_line_id` limits it to one BOM line. */
export interface CofactrPartOverrideBody {
  part?: string;
  override_part?: string;
  bom_line_id?: string | null;
}

/* Readers of Cofactr's answers. */

const id = z.string().min(1);
const text = z
  .string()
  .nullish()
  .transform((value) => value ?? null);
const count = z
  .number()
  .int()
  .nonnegative()
  .nullish()
  .transform((value) => value ?? null);
const quantity = z
  .number()
  .nonnegative()
  .nullish()
  .transform((value) => value ?? 0);
const money = z
  .number()
  .nullish()
  .transform((value) => value ?? null);
const timestamp = z
  .string()
  .nullish()
  .transform((value) => value ?? null);

/** ASSUMED: a part as a BOM line carries it, `{id, mpn, mfr, description}` (lifecycle
 * optional); a bare CPID string is read too. */
const part = z
  .union([
    id.transform((cpid) => ({ id: cpid })),
    z.looseObject({
      id,
      mpn: text,
      mfr: text,
      manufacturer: text,
      description: text,
      lifecycle_status: text,
    }),
  ])
  .transform((raw): ProgramPart => ({
    cpid: raw.id,
    mpn: "mpn" in raw ? raw.mpn : null,
    manufacturer: "mfr" in raw ? (raw.mfr ?? raw.manufacturer) : null,
    description: "description" in raw ? raw.description : null,
    lifecycle: "lifecycle_status" in raw ? raw.lifecycle_status : null,
  }));

/** ASSUMED: `{id, program_id, bom_id, quantity, bom: {id, name} | null, …timestamps}`. */
export const cofactrProgramLine = z
  .looseObject({
    id,
    program_id: text,
    bom_id: text,
    bom: z.looseObject({ id: text, name: text }).nullish(),
    quantity,
    updated_at: timestamp,
  })
  .transform((raw): ProgramLineView => ({
    id: raw.id,
    program_id: raw.program_id ?? "",
    bom_id: raw.bom_id ?? raw.bom?.id ?? "",
    bom_name: raw.bom?.name ?? null,
    quantity: raw.quantity,
    updated_at: raw.updated_at,
  }));

/** ASSUMED: `{id, org_id, name, description, metadata, line_count, created_at, updated_at}`,
 * with `lines` in the detail form. */
const programFields = {
  id,
  name: z.string(),
  description: text,
  line_count: count,
  created_at: timestamp,
  updated_at: timestamp,
};

export const cofactrProgramSummary = z
  .looseObject(programFields)
  .transform((raw): ProgramSummary => ({
    id: raw.id,
    name: raw.name,
    description: raw.description,
    line_count: raw.line_count,
    created_at: raw.created_at ?? "",
    updated_at: raw.updated_at ?? raw.created_at ?? "",
  }));

export const cofactrProgram = z
  .looseObject({ ...programFields, lines: z.array(cofactrProgramLine).nullish() })
  .transform((raw): ProgramResponse & { linesIncluded: boolean } => ({
    id: raw.id,
    name: raw.name,
    description: raw.description,
    line_count: raw.line_count ?? raw.lines?.length ?? null,
    created_at: raw.created_at ?? "",
    updated_at: raw.updated_at ?? raw.created_at ?? "",
    lines: raw.lines ?? [],
    linesIncluded: Array.isArray(raw.lines),
  }));

/** ASSUMED: `{id, program_id, part, override_part, bom_line_id, …timestamps}`. */
export const cofactrPartOverride = z
  .looseObject({
    id,
    program_id: text,
    part,
    override_part: part,
    bom_line_id: text,
    updated_at: timestamp,
  })
  .transform((raw): PartOverrideView => ({
    id: raw.id,
    program_id: raw.program_id ?? "",
    part: raw.part,
    override_part: raw.override_part,
    bom_line_id: raw.bom_line_id,
    updated_at: raw.updated_at,
  }));

const status = z
  .enum(["available", "partial", "unavailable"])
  .catch("unavailable") as z.ZodType<AvailabilityStatus>;

/** ASSUMED: one seller's offer toward the required quantity (ProductOffersV1Offer's names
 * where they exist: `seller`, `sku`, `is_authorized`, `inventory_level`, `moq`,
 * `order_multiple`). */
const offer = z
  .looseObject({
    seller: z.looseObject({ id: text, label: text }),
    sku: text,
    is_authorized: z.boolean().nullish(),
    inventory_level: quantity,
    moq: quantity,
    order_multiple: quantity,
    buy_quantity: quantity,
    unit_price: money,
    extended_price: money,
    currency: text,
    lead_days: count,
    covers_required: z.boolean().nullish(),
  })
  .transform((raw): ProgramOfferAvailability => ({
    seller: raw.seller.label ?? raw.seller.id ?? "",
    seller_id: raw.seller.id ?? "",
    sku: raw.sku,
    authorized: raw.is_authorized === true,
    stock: raw.inventory_level,
    moq: Math.max(1, raw.moq),
    order_multiple: Math.max(1, raw.order_multiple),
    buy_quantity: raw.buy_quantity,
    unit_price: raw.unit_price,
    extended_price: raw.extended_price,
    currency: raw.currency,
    lead_days: raw.lead_days,
    covers_required: raw.covers_required === true,
  }));

/** ASSUMED: per part, Knowledge Graph names for stock (`inventory_level`) and the
 * availability figures of API-NOTES 4.3's availabilities row. */
const partAvailability = z
  .looseObject({
    part,
    overridden_parts: z.array(z.string()).nullish(),
    bom_line_ids: z.array(z.string()).nullish(),
    required_quantity: quantity,
    inventory_level: quantity,
    authorized_inventory_level: quantity,
    available_quantity: quantity,
    authorized_available_quantity: quantity,
    shortfall: quantity,
    status,
    authorized_status: status,
    lead_days: count,
    best_offer: offer.nullish(),
    offers: z.array(offer).nullish(),
  })
  .transform((raw): ProgramPartAvailability => ({
    part: raw.part,
    overridden_parts: raw.overridden_parts ?? [],
    bom_line_ids: raw.bom_line_ids ?? [],
    required_quantity: raw.required_quantity,
    total_stock: raw.inventory_level,
    authorized_stock: raw.authorized_inventory_level,
    purchasable: raw.available_quantity,
    authorized_purchasable: raw.authorized_available_quantity,
    shortfall: raw.shortfall,
    status: raw.status,
    authorized_status: raw.authorized_status,
    lead_days: raw.lead_days,
    best_offer: raw.best_offer ?? null,
    offers: raw.offers ?? [],
  }));

const unmatchedLine = z
  .looseObject({ bom_id: text, bom_line_id: text, mpn: text, quantity: count })
  .transform((raw) => ({
    bom_id: raw.bom_id,
    bom_line_id: raw.bom_line_id,
    mpn: raw.mpn,
    quantity: raw.quantity,
  }));

/** ASSUMED: `{program_id, computed_at, currency, items, unmatched_lines, summary}`; the totals
 * are counted here from the items when `summary` is missing. */
export const cofactrProgramAvailability = z
  .looseObject({
    program_id: text,
    computed_at: timestamp,
    currency: text,
    items: z.array(partAvailability),
    unmatched_lines: z.array(unmatchedLine).nullish(),
    summary: z.looseObject({ best_offer_cost: money }).nullish(),
  })
  .transform((raw): ProgramAvailabilityResponse => {
    const counted = (key: "status" | "authorized_status", value: AvailabilityStatus) =>
      raw.items.filter((item) => item[key] === value).length;
    return {
      program_id: raw.program_id ?? "",
      computed_at: raw.computed_at,
      currency: raw.currency,
      parts: raw.items,
      unmatched_lines: raw.unmatched_lines ?? [],
      totals: {
        parts: raw.items.length,
        available: counted("status", "available"),
        partial: counted("status", "partial"),
        unavailable: counted("status", "unavailable"),
        authorized_available: counted("authorized_status", "available"),
        best_offer_cost: raw.summary?.best_offer_cost ?? null,
      },
    };
  });

/** ASSUMED: per part a book price at the required quantity and a price curve
 * (`reference_prices`, PricePoint-like `{quantity, price}`), as product-offers-v0 has. */
const partReferencePrice = z
  .looseObject({
    part,
    required_quantity: quantity,
    unit_price: money,
    extended_price: money,
    seller: z.looseObject({ id: text, label: text }).nullish(),
    reference_prices: z.array(z.looseObject({ quantity: z.number(), price: z.number() })).nullish(),
  })
  .transform((raw): ProgramPartReferencePrice => ({
    part: raw.part,
    required_quantity: raw.required_quantity,
    unit_price: raw.unit_price,
    extended_price: raw.extended_price,
    seller: raw.seller?.label ?? raw.seller?.id ?? null,
    reference_prices: (raw.reference_prices ?? []).map((point) => ({
      quantity: point.quantity,
      unit_price: point.price,
    })),
  }));

/** ASSUMED: `{program_id, currency, items, summary: {total, priced_parts, unpriced_parts}}`. */
export const cofactrReferencePricing = z
  .looseObject({
    program_id: text,
    currency: text,
    items: z.array(partReferencePrice),
    summary: z.looseObject({ total: money }).nullish(),
  })
  .transform((raw): ProgramReferencePricingResponse => {
    const priced = raw.items.filter((item) => item.extended_price !== null).length;
    return {
      program_id: raw.program_id ?? "",
      currency: raw.currency,
      parts: raw.items,
      total: raw.summary?.total ?? null,
      priced_parts: priced,
      unpriced_parts: raw.items.length - priced,
    };
  });
