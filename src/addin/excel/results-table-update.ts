/**
 * Writing results again over the table written before (its name is kept in the BOM sheet's
 * settings): the same table, wherever the user has moved it, grown or shrunk to the new lines,
 * so that references to it elsewhere in the workbook keep working. ExcelApi 1.1–1.4 calls only.
 */
import { blockAddress, quoteSheetName } from "./a1";
import { toFormulaCell, whatIsInTheWay, writeRowsInSlices } from "./block-io";
import { sliceRowsByPayload } from "./limits";
import {
  type CellInput,
  type ResultsBlock,
  type ResultsOrigin,
  type ResultsWritten,
  WorkbookError,
} from "./workbook-access";

export function checkBlockShape(block: ResultsBlock): void {
  const width = block.header.length;
  if (width === 0) throw new WorkbookError("excel", "The results table has no columns.");
  block.rows.forEach((row, index) => {
    if (row.length !== width) {
      throw new WorkbookError(
        "excel",
        `Results row ${index + 1} has ${row.length} cells; the header has ${width}.`,
      );
    }
  });
}

/** Queues the body's number formats, the preamble (a results sheet only) and column widths. */
export function formatResults(
  sheet: Excel.Worksheet,
  origin: ResultsOrigin,
  block: ResultsBlock,
): void {
  const width = block.header.length;
  if (block.rows.length > 0) {
    block.numberFormats.forEach((format, column) => {
      if (!format) return;
      const body = sheet.getRangeByIndexes(
        origin.tableRow,
        origin.tableColumn - 1 + column,
        block.rows.length,
        1,
      );
      body.numberFormat = block.rows.map(() => [format]);
    });
  }
  if (block.preamble.length > 0) {
    const preambleWidth = Math.max(...block.preamble.map((row) => row.length));
    const preamble = sheet.getRangeByIndexes(0, 0, block.preamble.length, preambleWidth);
    preamble.formulas = block.preamble.map((row) =>
      Array.from({ length: preambleWidth }, (_, i) => toFormulaCell(row[i] ?? null)),
    );
  }
  sheet
    .getRangeByIndexes(origin.tableRow - 1, origin.tableColumn - 1, 1, width)
    .format.autofitColumns();
}

function sameHeader(found: readonly unknown[], wanted: readonly string[]): boolean {
  return wanted.every(
    (name, index) => String(found[index] ?? "").toLowerCase() === name.toLowerCase(),
  );
}

/**
 * Rewrites the table named `tableName` with the block; null when there is no such table (the
 * caller writes a new one). The results' own columns must still lead the table (columns the
 * user added to its right are kept, empty on new rows); rows it must grow into must be empty.
 */
export async function updateResultsTable(
  context: Excel.RequestContext,
  tableName: string,
  build: (origin: ResultsOrigin) => ResultsBlock,
): Promise<ResultsWritten | null> {
  const table = context.workbook.tables.getItemOrNullObject(tableName);
  table.load("name");
  await context.sync();
  if (table.isNullObject) return null;

  const sheet = table.worksheet;
  sheet.load("name");
  const range = table.getRange();
  range.load("rowIndex,columnIndex,rowCount,columnCount");
  const headerRange = table.getHeaderRowRange();
  headerRange.load("values");
  await context.sync();
  let syncs = 2;

  const origin: ResultsOrigin = {
    sheetName: sheet.name,
    tableRow: range.rowIndex + 1,
    tableColumn: range.columnIndex + 1,
  };
  const block = build(origin);
  checkBlockShape(block);
  const width = block.header.length;
  const where = `The table ${table.name} on "${sheet.name}"`;
  if (range.columnCount < width || !sameHeader(headerRange.values[0] ?? [], block.header)) {
    throw new WorkbookError(
      "excel",
      `${where} no longer starts with the results columns (${block.header.join(", ")}), so ` +
        "nothing was written over it. Rename or delete that table to write new results.",
    );
  }
  if (block.preamble.length >= origin.tableRow) {
    throw new WorkbookError(
      "excel",
      `${where} was moved into the rows above it that the results use (1 to ` +
        `${block.preamble.length}); move it down, or rename it to write new results.`,
    );
  }

  // An Excel table keeps at least one body row; no lines leave that one row empty.
  const rows: CellInput[][] =
    block.rows.length > 0 ? block.rows : [block.header.map((): CellInput => "")];
  const oldBody = range.rowCount - 1;
  const tableWidth = range.columnCount;
  if (rows.length > oldBody) {
    const below = {
      rowIndex: range.rowIndex + range.rowCount,
      columnIndex: range.columnIndex,
      rowCount: rows.length - oldBody,
      columnCount: tableWidth,
    };
    const inTheWay = await whatIsInTheWay(context, sheet, below);
    syncs += 2;
    if (inTheWay) {
      const address = blockAddress(
        below.rowIndex + 1,
        below.columnIndex + 1,
        below.rowCount,
        below.columnCount,
      );
      throw new WorkbookError(
        "not_empty",
        `${where} needs ${below.rowCount} more rows, but ${address} ${inTheWay}; nothing was ` +
          "written. Make room below the table, or rename it to write new results.",
      );
    }
    const blankRows = Array.from({ length: below.rowCount }, () =>
      Array.from({ length: tableWidth }, () => ""),
    );
    for (const slice of sliceRowsByPayload(blankRows)) {
      table.rows.add(undefined, blankRows.slice(slice.start, slice.start + slice.count));
      syncs += 1;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized slice: Excel rejects a sync above 5 MB
      await context.sync();
    }
  } else if (rows.length < oldBody) {
    // Deleting whole table rows (shifting up) shrinks the table; cells beside it stay.
    sheet
      .getRangeByIndexes(
        range.rowIndex + 1 + rows.length,
        range.columnIndex,
        oldBody - rows.length,
        tableWidth,
      )
      .delete("Up");
  }

  context.workbook.application.suspendScreenUpdatingUntilNextSync();
  syncs += await writeRowsInSlices(
    context,
    sheet,
    { rowIndex: range.rowIndex, columnIndex: range.columnIndex },
    [block.header, ...rows],
    width,
  );
  formatResults(sheet, origin, block);
  context.workbook.application.suspendApiCalculationUntilNextSync();
  syncs += 1;
  await context.sync();
  const address = blockAddress(origin.tableRow, origin.tableColumn, rows.length + 1, tableWidth);
  return {
    sheetName: origin.sheetName,
    tableName: table.name,
    address: `${quoteSheetName(origin.sheetName)}!${address}`,
    syncs,
    updated: true,
  };
}
