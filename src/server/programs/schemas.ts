/** Request checks of the /api program routes (the one 422 shape of parseOrThrow). */
import { z } from "zod";
import { PROGRAM_LIST_MAX_LIMIT } from "../../core/api-programs";
import { COFACTR_MAX_STRING } from "../../core/cofactr";
import { buildQuantitySchema, cofactrText, recordIdSchema } from "../validation";

export { buildQuantitySchema };

/** A whole number in a query string ("20"), refused when it is anything else. */
const wholeNumber = z
  .string()
  .regex(/^\d{1,9}$/, "must be a whole number")
  .transform(Number);

/** Most lines one program create takes (each is a whole BOM). */
export const PROGRAM_MAX_LINES = 1000;

export const programListQuerySchema = z.strictObject({
  search: z.string().max(COFACTR_MAX_STRING).optional(),
  limit: wholeNumber
    .pipe(z.number().int().min(1).max(PROGRAM_LIST_MAX_LIMIT))
    .optional()
    .default(50),
  offset: wholeNumber.optional().default(0),
});

export const programLineSchema = z.strictObject({
  bom_id: recordIdSchema,
  quantity: buildQuantitySchema,
});

export const createProgramSchema = z.strictObject({
  name: cofactrText,
  description: cofactrText.nullable().optional(),
  lines: z.array(programLineSchema).max(PROGRAM_MAX_LINES).optional(),
});

const atLeastOneField = (changes: object) => Object.keys(changes).length > 0;

export const updateProgramSchema = z
  .strictObject({ name: cofactrText, description: cofactrText.nullable() })
  .partial()
  .refine(atLeastOneField, "names no field to change");

export const updateProgramLineSchema = programLineSchema
  .partial()
  .refine(atLeastOneField, "names no field to change");

export const createPartOverrideSchema = z.strictObject({
  part: cofactrText,
  override_part: cofactrText,
  bom_line_id: recordIdSchema.nullable().optional(),
});

export const updatePartOverrideSchema = z
  .strictObject({ override_part: cofactrText, bom_line_id: recordIdSchema.nullable() })
  .partial()
  .refine(atLeastOneField, "names no field to change");

export const bomProgramSchema = z.strictObject({
  build_quantity: buildQuantitySchema.optional(),
  program_id: recordIdSchema.optional(),
  name: cofactrText.optional(),
});
