/**
 * Request bodies of the Platform API (CreateRawBomLine, Upsert BOM Async, parse_raw_bom):
 * strings 1–255 characters, `null` rather than "" (API-NOTES 1.3 and the Upsert BOM page).
 */
import { z } from "zod";
import { cofactrString } from "../../cofactr-text";

const text = cofactrString();
const optionalText = text.nullable().optional();
const metadata = z.record(z.string(), z.unknown());

function rawLine(mpnRequired: boolean) {
  return z.object({
    custom_id: optionalText,
    // The Upsert BOM page marks `mpn` required (it may be null); parse_raw_bom does not.
    mpn: mpnRequired ? text.nullable() : optionalText,
    alternative_mpns: z.array(text).optional(),
    manufacturer_name: optionalText,
    quantity: z.number().int().optional(),
    reference_designators_string: text.optional(),
    reference_designators: z.array(z.string()).optional(),
    description: optionalText,
    link: optionalText,
    comments: optionalText,
    do_not_place: z.boolean().optional(),
    line_number: optionalText,
    value: optionalText,
    package: optionalText,
    mount_type: optionalText,
    metadata: metadata.optional(),
    is_custom_part: z.boolean().optional(),
  });
}

export const upsertLineSchema = rawLine(true);
export const parseRawLineSchema = rawLine(false);
export type RawLineInput = z.infer<typeof parseRawLineSchema>;

const integrationFields = {
  synced_from_integration: z.boolean().optional(),
  integration_source_name: text.nullable().optional(),
  integration_record_id: optionalText,
  synced_from_integration_at: z.iso.datetime({ offset: true, local: true }).nullable().optional(),
};

export const upsertBomSchema = z.object({
  name: text,
  version: optionalText,
  part_number: optionalText,
  approved: z.boolean().optional(),
  lines: z.array(upsertLineSchema).optional(),
  metadata: metadata.optional(),
  ...integrationFields,
});
export type UpsertBomInput = z.infer<typeof upsertBomSchema>;

export const parseRawBomSchema = z.object({
  name: text,
  version: optionalText,
  part_number: optionalText,
  data_source: optionalText,
  approved: z.boolean().optional(),
  metadata: metadata.optional(),
  raw_lines: z.array(parseRawLineSchema).optional(),
  ...integrationFields,
});
export type ParseRawBomInput = z.infer<typeof parseRawBomSchema>;

/** PATCH of a BOM's header (unknown keys are ignored, as django-ninja does). */
export const bomPatchSchema = z
  .object({
    name: text,
    version: text.nullable(),
    part_number: text.nullable(),
    metadata,
  })
  .partial();
export type BomPatchInput = z.infer<typeof bomPatchSchema>;
