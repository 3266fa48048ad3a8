/**
 * Request bodies of the emulated Programs API. Cofactr has not published them: these are the
 * emulator's own reading of the endpoint list (names and limits in the style of the BOM
 * bodies: strings 1–255 characters, null rather than "", unknown keys ignored as django-ninja
 * does), kept apart from the server's contract so that each checks the other.
 */
import { z } from "zod";
import { cofactrString } from "../../../cofactr-text";

const text = cofactrString();
const metadata = z.record(z.string(), z.unknown());
/** A build quantity: whole boards, at least one (a program line of zero boards needs nothing). */
const builds = z.number().int().min(1).max(10_000_000);
/** Platform record ids are UUIDs. */
const uuid = z.string().uuid();

export const programLineCreateSchema = z.object({
  bom_id: uuid,
  quantity: builds,
});
export type ProgramLineCreateInput = z.infer<typeof programLineCreateSchema>;

export const programCreateSchema = z.object({
  name: text,
  description: text.nullable().optional(),
  metadata: metadata.optional(),
  lines: z.array(programLineCreateSchema).max(1000).optional(),
});
export type ProgramCreateInput = z.infer<typeof programCreateSchema>;

export const programPatchSchema = z
  .object({ name: text, description: text.nullable(), metadata })
  .partial();
export type ProgramPatchInput = z.infer<typeof programPatchSchema>;

export const programLinePatchSchema = z.object({ bom_id: uuid, quantity: builds }).partial();
export type ProgramLinePatchInput = z.infer<typeof programLinePatchSchema>;

/** `part` is the CPID the BOM asks for, `override_part` the CPID bought instead; with a
 * `bom_line_id` only that BOM line is overridden, without one every line with `part`. */
export const partOverrideCreateSchema = z.object({
  part: text,
  override_part: text,
  bom_line_id: uuid.nullable().optional(),
});
export type PartOverrideCreateInput = z.infer<typeof partOverrideCreateSchema>;

export const partOverridePatchSchema = z
  .object({ override_part: text, bom_line_id: uuid.nullable() })
  .partial();
export type PartOverridePatchInput = z.infer<typeof partOverridePatchSchema>;
