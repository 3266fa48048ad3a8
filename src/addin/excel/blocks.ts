/**
 * Reading blocks of cells within Excel's limits (a sync carries at most 5 MB on the web), and
 * naming things Excel-style; shared by the results and the plan writers.
 */
import type { Grid } from "../../core/bom/types";
import {
  ASSUMED_BYTES_PER_CELL,
  MAX_CELLS_PER_READ,
  estimateBytes,
  isPayloadTooLarge,
  rowsPerSync,
} from "./limits";
import { WorkbookError } from "./workbook-access";

export interface Block {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** Reads a block's values or formulas, one sync per payload-sized slice of rows. */
export async function readBlock(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  block: Block,
  property: "values" | "formulas",
): Promise<Grid> {
  const cells = block.rowCount * block.columnCount;
  if (cells > MAX_CELLS_PER_READ) {
    throw new WorkbookError(
      "too_large",
      `The block is ${block.rowCount} rows × ${block.columnCount} columns (${cells} cells); ` +
        `Excel reads at most ${MAX_CELLS_PER_READ} cells. Select the BOM's cells and try again.`,
    );
  }
  const grid: Grid = [];
  let bytesPerCell = ASSUMED_BYTES_PER_CELL;
  let done = 0;
  while (done < block.rowCount) {
    const rows = Math.min(rowsPerSync(block.columnCount, bytesPerCell), block.rowCount - done);
    const slice = sheet.getRangeByIndexes(
      block.rowIndex + done,
      block.columnIndex,
      rows,
      block.columnCount,
    );
    if (property === "values") slice.load("values");
    else slice.load("formulas");
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized slice: Excel rejects a sync above 5 MB
      await context.sync();
    } catch (error) {
      if (isPayloadTooLarge(error) && rows > 1) {
        bytesPerCell *= 2;
        continue;
      }
      throw error;
    }
    const sliceValues: Grid = property === "values" ? slice.values : slice.formulas;
    for (const row of sliceValues) grid.push(row);
    // Size the next slice on what this one really weighed, with a margin.
    const measured = estimateBytes(sliceValues) / (rows * block.columnCount);
    bytesPerCell = Math.max(4, Math.ceil(measured * 1.5));
    done += rows;
  }
  return grid;
}

export function isEmptyCell(cell: unknown): boolean {
  return cell === null || cell === undefined || cell === "";
}

/** "Cofactr results", then "Cofactr results 2"… (case-insensitive, as Excel compares). */
export function uniqueName(base: string, taken: readonly string[], separator = " "): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}${separator}${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
