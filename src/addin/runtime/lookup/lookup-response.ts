/**
 * The shape `POST /api/parts/lookup` must answer with. A response that does not fit (wrong
 * length, missing fields, wrong types) is rejected as a whole: a half-understood batch could put
 * one part's price in another part's cell.
 */
import { z } from "zod";
import type { LookupResult, PartQuery } from "../../../core/api";

const nullableText = z.string().nullable();

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

const partSchema = z.object({
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

const resultSchema = z.discriminatedUnion("status", [
  // fetched_at: when the server fetched this part's offers from Cofactr (servers before it
  // was added leave it out; then the add-in counts from when the answer arrived).
  z.object({ status: z.literal("found"), part: partSchema, fetched_at: z.string().optional() }),
  z.object({ status: z.literal("not_found"), message: z.string() }),
  z.object({ status: z.literal("error"), message: z.string() }),
]);

const responseSchema = z.object({ results: z.array(resultSchema) });

export class UnexpectedResponseError extends Error {
  constructor(detail: string) {
    super(`unexpected response from the Cofactr add-in server (${detail})`);
    this.name = "UnexpectedResponseError";
  }
}

/** A lookup result as the server sent it, with when a found part's offers were fetched. */
export type FetchedLookupResult = LookupResult & { fetched_at?: string };

/** The results of one lookup request, one per query, or UnexpectedResponseError. */
export function parseLookupResponse(body: unknown, queries: PartQuery[]): FetchedLookupResult[] {
  const parsed = responseSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join(".") || "body" : "body";
    throw new UnexpectedResponseError(`${where}: ${issue?.message ?? "invalid"}`);
  }
  const { results } = parsed.data;
  if (results.length !== queries.length) {
    throw new UnexpectedResponseError(`${results.length} results for ${queries.length} queries`);
  }
  return results;
}
