/** The shape of what the add-in stores in a workbook, checked on the way in: a workbook is
 * user data and may have been edited or written by an older version. */
import { z } from "zod";
import { BOM_FIELDS } from "../../core/bom/types";
import type { BomSheetSettings } from "./workbook-access";

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
  resultsTables: z
    .object({
      newSheet: z.string().min(1).max(255).optional(),
      besideData: z.string().min(1).max(255).optional(),
    })
    .optional(),
});

const SHEET_KEY_PREFIX = "cofactr.bom#";

/** What is stored: the settings and the sheet's name when they were saved. */
const storedSchema = bomSheetSettingsSchema.extend({ sheetName: z.string().optional() });

/**
 * Settings key for one BOM sheet, by the worksheet's id: Excel keeps the id when the sheet is
 * renamed or moved, so a renamed sheet still updates the same Cofactr BOM.
 */
export function sheetSettingsKey(worksheetId: string): string {
  return `${SHEET_KEY_PREFIX}${worksheetId}`;
}

/** The key older versions used, by sheet name; read once and moved to the id key. */
export function legacySettingsKey(sheetName: string): string {
  return `cofactr.bom.${sheetName}`;
}

export interface StoredSetting {
  key: string;
  value: unknown;
}

/** Where a sheet's settings are stored now, and what they are. */
export interface FoundSheetSettings {
  /** The key they were found under, or null when nothing is stored for the sheet. */
  foundKey: string | null;
  settings: BomSheetSettings;
}

/**
 * A sheet's settings among the workbook's: under its id; else under its name (older
 * versions); else an entry saved for a sheet of the same name whose id no longer exists (a host
 * that gave the sheet a new id between sessions).
 */
export function findSheetSettings(
  stored: readonly StoredSetting[],
  sheet: { id: string; name: string },
  liveSheetIds: ReadonlySet<string>,
): FoundSheetSettings {
  const byKey = new Map(stored.map((item) => [item.key, item.value]));
  for (const key of [sheetSettingsKey(sheet.id), legacySettingsKey(sheet.name)]) {
    if (byKey.has(key)) return { foundKey: key, settings: parseBomSheetSettings(byKey.get(key)) };
  }
  const wanted = sheet.name.toLowerCase();
  for (const item of stored) {
    if (!item.key.startsWith(SHEET_KEY_PREFIX)) continue;
    if (liveSheetIds.has(item.key.slice(SHEET_KEY_PREFIX.length))) continue;
    const parsed = parseStored(item.value);
    if (parsed?.sheetName?.toLowerCase() === wanted) {
      const { sheetName: _name, ...settings } = parsed;
      return { foundKey: item.key, settings: settings as BomSheetSettings };
    }
  }
  return { foundKey: null, settings: {} };
}

function parseStored(stored: unknown): z.infer<typeof storedSchema> | null {
  if (typeof stored !== "string" || stored === "") return null;
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return null;
  }
  const parsed = storedSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** Parses a stored value; anything unreadable counts as nothing stored. */
export function parseBomSheetSettings(stored: unknown): BomSheetSettings {
  const parsed = parseStored(stored);
  if (!parsed) return {};
  const { sheetName: _name, ...settings } = parsed;
  return settings as BomSheetSettings;
}

export function serializeBomSheetSettings(settings: BomSheetSettings, sheetName?: string): string {
  const { sheetName: _ignored, ...clean } = settings as BomSheetSettings & { sheetName?: string };
  return JSON.stringify(storedSchema.parse({ ...clean, sheetName }));
}
