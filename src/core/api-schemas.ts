/**
 * The shapes the add-in server's /api must answer with, checked on arrival by every client
 * (the pane, the ribbon, the functions' batcher and the CLI; see api-call.ts). Each schema is
 * typed against the contract in api.ts, so the two cannot drift apart. An answer that does not
 * fit is refused whole: a half-understood answer could put one part's price in another part's
 * cell.
 */
import { z } from "zod";
import type {
  BomLineChangeResponse,
  BomLineView,
  BomListResponse,
  BomResponse,
  BomSummary,
  HealthResponse,
  JobState,
  JobStatusResponse,
  LookupResponse,
  Part,
  PartSearchResponse,
  UpsertBomResponse,
} from "./api";

export const nullableText = z.string().nullable();

const priceBreakSchema = z.object({
  quantity: z.number(),
  price: z.number(),
  currency: z.string(),
  converted_price: z.number(),
  converted_currency: z.string(),
});

const offerSchema = z.object({
  seller: z.string(),
  seller_id: z.string(),
  seller_aliases: z.array(z.string()),
  sku: nullableText,
  authorized: z.boolean(),
  stock: z.number(),
  moq: z.number(),
  order_multiple: z.number(),
  packaging: nullableText,
  lead_days: z.number().nullable(),
  prices: z.array(priceBreakSchema),
  updated_at: nullableText,
});

const partSchema: z.ZodType<Part> = z.object({
  cpid: z.string(),
  mpn: z.string(),
  manufacturer: z.string(),
  description: nullableText,
  classification: nullableText,
  lifecycle: nullableText,
  package: nullableText,
  datasheet: nullableText,
  image: nullableText,
  total_stock: z.number(),
  min_lead_days: z.number().nullable(),
  specs: z.array(z.object({ id: z.string(), label: z.string(), value: z.string() })),
  offers: z.array(offerSchema),
});

// fetched_at: when the server fetched the part's offers from Cofactr (servers before it was
// added leave it out; then the add-in counts from when the answer arrived).
const lookupResultSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("found"), part: partSchema, fetched_at: z.string().optional() }),
  z.object({
    status: z.literal("not_found"),
    message: z.string(),
    fetched_at: z.string().optional(),
  }),
  z.object({ status: z.literal("error"), message: z.string() }),
]);

export const lookupResponseSchema: z.ZodType<LookupResponse> = z.object({
  results: z.array(lookupResultSchema),
});

export const healthResponseSchema: z.ZodType<HealthResponse> = z.object({
  status: z.literal("ok"),
  mode: z.enum(["emulator", "cofactr"]),
  gateway_token_required: z.boolean().optional(),
  version: z.string().optional(),
});

export const upsertBomResponseSchema: z.ZodType<UpsertBomResponse> = z.object({
  job_id: z.string().min(1),
});

export const jobStateSchema: z.ZodType<JobState> = z.enum([
  "pending",
  "running",
  "success",
  "failure",
]);

export const jobStatusResponseSchema: z.ZodType<JobStatusResponse> = z.object({
  id: z.string(),
  state: jobStateSchema,
  raw_status: z.string(),
  bom_id: nullableText,
  created: z.boolean().nullable(),
  lines: z.number().nullable(),
  unmatched_lines: z.number().nullable(),
  error: nullableText,
});

const bomLineSchema: z.ZodType<BomLineView> = z.object({
  id: z.string(),
  line_number: nullableText,
  mpn: nullableText,
  manufacturer_name: nullableText,
  quantity: z.number(),
  reference_designators: z.array(z.string()),
  do_not_place: z.boolean(),
  part: z
    .object({
      cpid: z.string(),
      mpn: nullableText,
      manufacturer: nullableText,
      description: nullableText,
    })
    .nullable(),
  match_status: z.enum(["matched", "unmatched", "custom"]),
});

const bomSummaryShape = {
  id: z.string(),
  name: z.string(),
  version: nullableText,
  part_number: nullableText,
  integration_record_id: nullableText,
  approved: z.boolean(),
  archived: z.boolean(),
  line_count: z.number().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
};

const bomSummarySchema: z.ZodType<BomSummary> = z.object(bomSummaryShape);

export const bomResponseSchema: z.ZodType<BomResponse> = z.object({
  ...bomSummaryShape,
  lines: z.array(bomLineSchema),
});

export const bomListResponseSchema: z.ZodType<BomListResponse> = z.object({
  boms: z.array(bomSummarySchema),
  total: z.number().nullable(),
  limit: z.number(),
  offset: z.number(),
});

export const bomLineChangeResponseSchema: z.ZodType<BomLineChangeResponse> = z.object({
  line: bomLineSchema,
  merged_line_id: nullableText,
});

export const partSearchResponseSchema: z.ZodType<PartSearchResponse> = z.object({
  parts: z.array(partSchema),
});
