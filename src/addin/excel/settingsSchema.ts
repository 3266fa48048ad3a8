/** The shape of what the add-in stores in a workbook, checked on the way in: a workbook is
 * user data and may have been edited or written by an older version. */
import { z } from "zod";
import { BOM_FIELDS } from "../../core/bom/types";
import type { BomSheetSettings } from "./gateway";

const savedMappingSchema = z.object({
  version: z.literal(1),
  headerSignature: z.string(),
  fields: z.partialRecord(z.enum(BOM_FIELDS), z.string().nullable()),
});

const bomSheetSettingsSchema = z.object({
  mapping: savedMappingSchema.optional(),
  integrationRecordId: z.string().min(1).max(255).optional(),
  bomId: z.string().min(1).optional(),
  lastJob: z
    .object({ id: z.string().min(1), startedAt: z.string(), finished: z.boolean() })
    .optional(),
  details: z
    .object({
      name: z.string(),
      version: z.string(),
      partNumber: z.string(),
      buildQuantity: z.number().int().positive(),
    })
    .optional(),
});

/** Settings key for one BOM sheet. */
export function settingsKey(sheetName: string): string {
  return `cofactr.bom.${sheetName}`;
}

/** Parses a stored value; anything unreadable counts as nothing stored. */
export function parseBomSheetSettings(stored: unknown): BomSheetSettings {
  if (typeof stored !== "string" || stored === "") return {};
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return {};
  }
  const parsed = bomSheetSettingsSchema.safeParse(json);
  return parsed.success ? (parsed.data as BomSheetSettings) : {};
}

export function serializeBomSheetSettings(settings: BomSheetSettings): string {
  return JSON.stringify(bomSheetSettingsSchema.parse(settings));
}
