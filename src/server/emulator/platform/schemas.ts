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
    alternative_mpns: z.array(z.string()).optional(),
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

/**
 * PATCH of a line. `part` is a CPID (Cofactr data) or null to clear the match; unknown keys are
 * ignored, as django-ninja does.
 */
export const linePatchSchema = z
  .object({
    part: text.nullable(),
    is_custom_part: z.boolean(),
    quantity: z.number().int().min(0),
    reference_designators: z.array(text),
    reference_designators_string: text.nullable(),
    do_not_place: z.boolean(),
    mpn: text.nullable(),
    manufacturer_name: text.nullable(),
    description: text.nullable(),
    comments: text.nullable(),
    line_number: text.nullable(),
    custom_id: text.nullable(),
    metadata,
  })
  .partial();
export type LinePatchInput = z.infer<typeof linePatchSchema>;

/** POST of a line from Cofactr data: the part's CPID, required. */
export const partLineSchema = z.object({
  part: text,
  quantity: z.number().int().min(0).optional(),
  reference_designators: z.array(text).optional(),
  reference_designators_string: text.nullable().optional(),
  do_not_place: z.boolean().optional(),
  description: text.nullable().optional(),
  comments: text.nullable().optional(),
  line_number: text.nullable().optional(),
  custom_id: text.nullable().optional(),
  metadata: metadata.optional(),
});
export type PartLineInput = z.infer<typeof partLineSchema>;
