/** Fetches the uploaded BOM and writes the results table where the user chose. */
import type { BomReadResult } from "../../../core/bom/types";
import { blockAddress } from "../../excel/a1";
import type {
  BomDetails,
  NewResultsTarget,
  ResultsTarget,
  ResultsWritten,
  SheetRegion,
  WorkbookAccess,
} from "../../excel/workbook-access";
import type { ApiClient } from "../api-client";
import {
  buildResultsBlock,
  RESULT_COLUMNS,
  RESULTS_SHEET_NAME,
  RESULTS_TABLE_ROW,
} from "./results-table";

export type ResultsDestination = "newSheet" | "besideData";

export interface ResultsRequest {
  region: SheetRegion;
  read: BomReadResult;
  details: BomDetails;
  bomId: string;
  currency?: string;
}

/** Where "beside the data" goes: one blank column right of the region, from the header row. */
export function besideDataPlacement(region: SheetRegion, read: BomReadResult) {
  const width = Math.max(0, ...region.values.map((row) => row.length));
  const firstColumn = region.firstColumn + width + 1;
  const firstRow = read.headerRow ?? region.firstRow;
  const lastRow = Math.max(firstRow + 1, ...read.lineRows);
  const rowCount = lastRow - firstRow + 1;
  return {
    sheetName: region.sheetName,
    firstRow,
    firstColumn,
    rowCount,
    columnCount: RESULT_COLUMNS.length,
    address: blockAddress(firstRow, firstColumn, rowCount, RESULT_COLUMNS.length),
  };
}

/**
 * What writing beside the data would do now: fill empty cells, update the results table
 * written there before (still in the workbook: the write falls back to the empty cells
 * otherwise), or nothing because user cells are in the way.
 */
export type BesideDataState = "empty" | "update" | "occupied";

export async function besideDataState(
  workbook: WorkbookAccess,
  region: SheetRegion,
  read: BomReadResult,
): Promise<BesideDataState> {
  const settings = await workbook.loadSettings(region.sheetName);
  if (settings.resultsTables?.besideData) return "update";
  const place = besideDataPlacement(region, read);
  const empty = await workbook.isBlockEmpty(
    place.sheetName,
    place.firstRow,
    place.firstColumn,
    place.rowCount,
    place.columnCount,
  );
  return empty ? "empty" : "occupied";
}

/**
 * Writes the results table for an uploaded BOM. The table written to the same destination
 * before is updated in place (its name is kept in the BOM sheet's settings); a new one is
 * written when there is none yet, or it was deleted or renamed.
 */
export async function writeResults(
  api: ApiClient,
  workbook: WorkbookAccess,
  request: ResultsRequest,
  destination: ResultsDestination,
): Promise<ResultsWritten & { rows: number }> {
  const bom = await api.bom(request.bomId);
  const { region, read, details } = request;
  const fresh: NewResultsTarget =
    destination === "newSheet"
      ? { kind: "newSheet", baseName: RESULTS_SHEET_NAME, tableRow: RESULTS_TABLE_ROW }
      : { kind: "besideData", ...besideDataPlacement(region, read) };
  const settings = await workbook.loadSettings(region.sheetName);
  const previous = settings.resultsTables?.[destination];
  const target: ResultsTarget = previous
    ? { kind: "update", tableName: previous, orElse: fresh }
    : fresh;
  const label = [details.name, details.version].filter((part) => part.trim() !== "").join(" ");
  const written = await workbook.writeResults(target, (origin) =>
    buildResultsBlock(
      {
        bomSheetName: region.sheetName,
        firstRow: region.firstRow,
        firstColumn: region.firstColumn,
        grid: region.values,
        read,
        bom,
        buildQuantity: details.buildQuantity,
        currency: request.currency ?? "USD",
        bomLabel: label || bom.name,
        alignToSheetRows: destination === "besideData",
      },
      origin,
    ),
  );
  if (written.tableName !== previous) {
    await workbook.saveSettings(region.sheetName, {
      resultsTables: { ...settings.resultsTables, [destination]: written.tableName },
    });
  }
  return { ...written, rows: read.lines.length };
}
