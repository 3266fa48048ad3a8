/** Request checks of the BOM library and line routes (create, update, list, line edits). */
import { z } from "zod";
import { BOM_LIST_MAX_LIMIT, PART_SEARCH_MAX_LIMIT } from "../../core/api";
import { COFACTR_MAX_STRING } from "../../core/cofactr";
import { cofactrText, metadata, optionalText, rawBomLineSchema } from "../validation";

/** Most raw lines one create takes (a large BOM fits; the body limit bounds it anyway). */
export const CREATE_BOM_MAX_LINES = 20_000;

/** A whole number in a query string ("20"), refused when it is anything else. */
const wholeNumber = z
  .string()
  .regex(/^\d{1,9}$/, "must be a whole number")
  .transform(Number);

export const bomListQuerySchema = z.strictObject({
  search: z.string().max(COFACTR_MAX_STRING).optional(),
  limit: wholeNumber.pipe(z.number().int().min(1).max(BOM_LIST_MAX_LIMIT)).optional().default(50),
  offset: wholeNumber.optional().default(0),
});

export const createBomSchema = z.strictObject({
  name: cofactrText,
  version: optionalText,
  part_number: optionalText,
  metadata: metadata.optional(),
  lines: z.array(rawBomLineSchema).max(CREATE_BOM_MAX_LINES),
});

export const updateBomSchema = z
  .strictObject({
    name: cofactrText,
    version: cofactrText.nullable(),
    part_number: cofactrText.nullable(),
    metadata,
  })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, "names no field to change");

/** A designator list: Cofactr's 1–255 character strings, as many as a line holds. */
const designators = z.array(cofactrText).max(10_000);

export const updateBomLineSchema = z
  .strictObject({
    part: cofactrText.nullable(),
    is_custom_part: z.boolean(),
    quantity: z.number().int().min(0),
    reference_designators: designators,
    do_not_place: z.boolean(),
    mpn: cofactrText.nullable(),
    manufacturer_name: cofactrText.nullable(),
    description: cofactrText.nullable(),
    comments: cofactrText.nullable(),
    line_number: cofactrText.nullable(),
  })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, "names no field to change")
  .refine(
    (changes) => !(changes.is_custom_part === true && typeof changes.part === "string"),
    "cannot both choose a part and mark the line as not a purchased part",
  );

export const partSearchQuerySchema = z.strictObject({
  q: cofactrText,
  limit: wholeNumber.pipe(z.number().int().min(1).max(PART_SEARCH_MAX_LIMIT)).optional().default(5),
});
