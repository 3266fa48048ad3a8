/** Fetches the uploaded BOM and writes the results table where the user chose. */
import type { BomReadResult } from "../../../core/bom/types";
import { blockAddress } from "../../excel/a1";
import type {
  BomDetails,
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

export async function writeResults(
  api: ApiClient,
  workbook: WorkbookAccess,
  request: ResultsRequest,
  destination: ResultsDestination,
): Promise<ResultsWritten & { rows: number }> {
  const bom = await api.bom(request.bomId);
  const { region, read, details } = request;
  const target: ResultsTarget =
    destination === "newSheet"
      ? { kind: "newSheet", baseName: RESULTS_SHEET_NAME, tableRow: RESULTS_TABLE_ROW }
      : { kind: "besideData", ...besideDataPlacement(region, read) };
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
  return { ...written, rows: read.lines.length };
}
