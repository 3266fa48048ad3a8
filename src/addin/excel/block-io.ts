/**
 * Writing blocks of cells within Excel's limits on one sync, and checking a block is free: the
 * helpers that workbook access and the results table's update share (reading is in blocks.ts).
 */
import { type Block, isEmptyCell, readBlock } from "./blocks";
import { sliceRowsByPayload } from "./limits";
import { supportsExcelApi } from "./requirements";
import type { CellInput } from "./workbook-access";

/** The range of a block. */
export function blockRange(sheet: Excel.Worksheet, block: Block): Excel.Range {
  return sheet.getRangeByIndexes(
    block.rowIndex,
    block.columnIndex,
    block.rowCount,
    block.columnCount,
  );
}

/** `null` means "leave unchanged" to Excel; an empty cell is "". */
export function toFormulaCell(cell: CellInput): string | number | boolean {
  return cell === null ? "" : cell;
}
/**
 * Why results cannot go into a block: a value or formula, a table or merged cells in it; null
 * when the block is free.
 */
export async function whatIsInTheWay(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  block: Block,
): Promise<string | null> {
  const formulas = await readBlock(context, sheet, block, "formulas");
  if (!formulas.every((row) => row.every(isEmptyCell))) return "holds cells that are not empty";
  const range = blockRange(sheet, block);
  const overlapping = range.getTables(false);
  overlapping.load("items/name");
  await context.sync();
  const tableNames = overlapping.items.map((table) => table.name);
  if (tableNames.length > 0) return `overlaps the table ${tableNames.join(", ")}`;
  if (supportsExcelApi("1.13")) {
    const merged = range.getMergedAreasOrNullObject();
    merged.load("address");
    await context.sync();
    return merged.isNullObject ? null : `contains merged cells (${merged.address})`;
  } else {
    // Below ExcelApi 1.13 merged cells cannot be listed: a write into them fails, and the
    // caller undoes it.
    return null;
  }
}

/**
 * Writes rows as formulas from a block's top-left cell, one sync per payload-sized slice, with
 * calculation suspended for each. Returns the syncs used.
 */
export async function writeRowsInSlices(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  at: { rowIndex: number; columnIndex: number },
  rows: CellInput[][],
  width: number,
): Promise<number> {
  let syncs = 0;
  for (const slice of sliceRowsByPayload(rows)) {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    const range = sheet.getRangeByIndexes(
      at.rowIndex + slice.start,
      at.columnIndex,
      slice.count,
      width,
    );
    range.formulas = rows
      .slice(slice.start, slice.start + slice.count)
      .map((row) => row.map(toFormulaCell));
    syncs += 1;
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized slice: Excel rejects a sync above 5 MB
    await context.sync();
  }
  return syncs;
}
