/** Reads the active sheet's BOM region and what the workbook remembers about it. */
import { readBom } from "../../../core/bom";
import type { BomField, BomReadResult } from "../../../core/bom/types";
import {
  WorkbookError,
  type BomDetails,
  type BomSheetSettings,
  type SheetRegion,
  type WorkbookAccess,
} from "../../excel/workbook-access";
import type { UploadInput } from "../upload/run-upload";

export type MappingOverrides = Partial<Record<BomField, number | null>>;

export interface BomSheet {
  region: SheetRegion;
  settings: BomSheetSettings;
}

export function readRegion(sheet: BomSheet, overrides: MappingOverrides = {}): BomReadResult {
  return readBom(sheet.region.values, {
    firstRow: sheet.region.firstRow,
    firstColumn: sheet.region.firstColumn,
    saved: sheet.settings.mapping,
    overrides,
  });
}

export function defaultDetails(sheetName: string, settings: BomSheetSettings): BomDetails {
  return settings.details ?? { name: sheetName, version: "", partNumber: "", buildQuantity: 1 };
}

export async function loadBomSheet(workbook: WorkbookAccess): Promise<BomSheet | null> {
  const region = await workbook.readBomRegion();
  if (!region) return null;
  const settings = await workbook.loadSettings(region.sheetName);
  return { region, settings };
}

export function toUploadInput(
  sheet: BomSheet,
  read: BomReadResult,
  details: BomDetails,
): UploadInput {
  return {
    sheetName: sheet.region.sheetName,
    grid: sheet.region.values,
    read,
    details,
    settings: sheet.settings,
  };
}

/** For the ribbon: the active sheet with its saved (or automatic) mapping and details. */
export async function prepareActiveSheet(workbook: WorkbookAccess): Promise<UploadInput> {
  const sheet = await loadBomSheet(workbook);
  if (!sheet) {
    throw new WorkbookError("no_sheet", "The active sheet is empty: open the sheet with the BOM.");
  }
  return toUploadInput(
    sheet,
    readRegion(sheet),
    defaultDetails(sheet.region.sheetName, sheet.settings),
  );
}
