/**
 * The shapes the /api program routes must answer with (api-programs.ts), checked on arrival by
 * the programs client whichever transport carries it (the pane's or the CLI's). Each schema is
 * typed against its interface, so the two cannot drift apart.
 */
import { z } from "zod";
import type {
  AvailabilityStatus,
  BomProgramResponse,
  DeletedResponse,
  PartOverrideView,
  PartOverridesResponse,
  ProgramAvailabilityJobResponse,
  ProgramAvailabilityJobStarted,
  ProgramAvailabilityResponse,
  ProgramLineView,
  ProgramLinesResponse,
  ProgramListResponse,
  ProgramOfferAvailability,
  ProgramPart,
  ProgramPartAvailability,
  ProgramPartReferencePrice,
  ProgramReferencePricingResponse,
  ProgramResponse,
  ProgramSummary,
  ProgramUnmatchedLine,
} from "./api-programs";
import { jobStateSchema, nullableText } from "./api-schemas";

const nullableNumber = z.number().nullable();

export const programLineViewSchema: z.ZodType<ProgramLineView> = z.object({
  id: z.string(),
  program_id: z.string(),
  bom_id: z.string(),
  bom_name: nullableText,
  quantity: z.number(),
  updated_at: nullableText,
});

const programSummaryShape = {
  id: z.string(),
  name: z.string(),
  description: nullableText,
  line_count: nullableNumber,
  created_at: z.string(),
  updated_at: z.string(),
};

const programSummarySchema: z.ZodType<ProgramSummary> = z.object(programSummaryShape);

export const programResponseSchema: z.ZodType<ProgramResponse> = z.object({
  ...programSummaryShape,
  lines: z.array(programLineViewSchema),
});

export const programListResponseSchema: z.ZodType<ProgramListResponse> = z.object({
  programs: z.array(programSummarySchema),
  total: nullableNumber,
  limit: z.number(),
  offset: z.number(),
});

export const deletedResponseSchema: z.ZodType<DeletedResponse> = z.object({
  id: z.string(),
  deleted: z.literal(true),
});

export const programLinesResponseSchema: z.ZodType<ProgramLinesResponse> = z.object({
  lines: z.array(programLineViewSchema),
});

const programPartSchema: z.ZodType<ProgramPart> = z.object({
  cpid: z.string(),
  mpn: nullableText,
  manufacturer: nullableText,
  description: nullableText,
  lifecycle: nullableText,
});

export const partOverrideViewSchema: z.ZodType<PartOverrideView> = z.object({
  id: z.string(),
  program_id: z.string(),
  part: programPartSchema,
  override_part: programPartSchema,
  bom_line_id: nullableText,
  updated_at: nullableText,
});

export const partOverridesResponseSchema: z.ZodType<PartOverridesResponse> = z.object({
  overrides: z.array(partOverrideViewSchema),
});

const availabilityStatusSchema: z.ZodType<AvailabilityStatus> = z.enum([
  "available",
  "partial",
  "unavailable",
]);

const offerAvailabilitySchema: z.ZodType<ProgramOfferAvailability> = z.object({
  seller: z.string(),
  seller_id: z.string(),
  sku: nullableText,
  authorized: z.boolean(),
  stock: z.number(),
  moq: z.number(),
  order_multiple: z.number(),
  buy_quantity: z.number(),
  unit_price: nullableNumber,
  extended_price: nullableNumber,
  currency: nullableText,
  lead_days: nullableNumber,
  covers_required: z.boolean(),
});

const partAvailabilitySchema: z.ZodType<ProgramPartAvailability> = z.object({
  part: programPartSchema,
  overridden_parts: z.array(z.string()),
  bom_line_ids: z.array(z.string()),
  required_quantity: z.number(),
  total_stock: z.number(),
  authorized_stock: z.number(),
  purchasable: z.number(),
  authorized_purchasable: z.number(),
  shortfall: z.number(),
  status: availabilityStatusSchema,
  authorized_status: availabilityStatusSchema,
  lead_days: nullableNumber,
  best_offer: offerAvailabilitySchema.nullable(),
  offers: z.array(offerAvailabilitySchema),
});

const unmatchedLineSchema: z.ZodType<ProgramUnmatchedLine> = z.object({
  bom_id: nullableText,
  bom_line_id: nullableText,
  mpn: nullableText,
  quantity: nullableNumber,
});

export const programAvailabilityResponseSchema: z.ZodType<ProgramAvailabilityResponse> = z.object({
  program_id: z.string(),
  computed_at: nullableText,
  currency: nullableText,
  parts: z.array(partAvailabilitySchema),
  unmatched_lines: z.array(unmatchedLineSchema),
  totals: z.object({
    parts: z.number(),
    available: z.number(),
    partial: z.number(),
    unavailable: z.number(),
    authorized_available: z.number(),
    best_offer_cost: nullableNumber,
  }),
});

export const programAvailabilityJobStartedSchema: z.ZodType<ProgramAvailabilityJobStarted> =
  z.object({ job_id: z.string().min(1) });

export const programAvailabilityJobResponseSchema: z.ZodType<ProgramAvailabilityJobResponse> =
  z.object({
    id: z.string(),
    state: jobStateSchema,
    raw_status: z.string(),
    error: nullableText,
    availability: programAvailabilityResponseSchema.nullable(),
  });

const partReferencePriceSchema: z.ZodType<ProgramPartReferencePrice> = z.object({
  part: programPartSchema,
  required_quantity: z.number(),
  unit_price: nullableNumber,
  extended_price: nullableNumber,
  seller: nullableText,
  reference_prices: z.array(z.object({ quantity: z.number(), unit_price: z.number() })),
});

export const programReferencePricingResponseSchema: z.ZodType<ProgramReferencePricingResponse> =
  z.object({
    program_id: z.string(),
    currency: nullableText,
    parts: z.array(partReferencePriceSchema),
    total: nullableNumber,
    priced_parts: z.number(),
    unpriced_parts: z.number(),
  });

export const bomProgramResponseSchema: z.ZodType<BomProgramResponse> = z.object({
  program: programResponseSchema,
  created: z.boolean(),
  line_id: z.string(),
});
