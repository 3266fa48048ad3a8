/**
 * Workbook access on Office.js (`WorkbookAccess`): every `Excel.run` of the task pane and the ribbon.
 * Reads and writes go in payload-sized blocks (Excel on the web caps a sync at 5 MB), writes run
 * with calculation and screen updating suspended, and nothing is written over a user's cells.
 */
import { blockAddress, quoteSheetName } from "./a1";
import { blockRange, whatIsInTheWay, writeRowsInSlices } from "./block-io";
import { sliceRowsByPayload } from "./limits";
import { writePlanSheet } from "./plan-excel";
import { type Block, isEmptyCell, readBlock, uniqueName } from "./blocks";

export { uniqueName } from "./blocks";
import { checkBlockShape, formatResults, updateResultsTable } from "./results-table-update";
import {
  type BomSheetSettings,
  type CellInput,
  type NewResultsTarget,
  type ResultsBlock,
  type ResultsOrigin,
  type ResultsWritten,
  type SheetRegion,
  type WorkbookAccess,
  WorkbookError,
} from "./workbook-access";
import {
  type FoundSheetSettings,
  findSheetSettings,
  serializeBomSheetSettings,
  sheetSettingsKey,
} from "./settings-schema";

export function createExcelWorkbook(): WorkbookAccess {
  return {
    writePlan: writePlanSheet,

    async activeSheetName() {
      return Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.load("name");
        await context.sync();
        return sheet.name;
      });
    },

    async readBomRegion(): Promise<SheetRegion | null> {
      return Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.load("name");
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        await context.sync();

        // Results written beside the data are not part of the BOM when it is read again.
        const stored = await sheetSettings(context, sheet.name);
        const besideResults = stored?.settings.resultsTables?.besideData ?? null;
        let tableName = await tableUnderSelection(context);
        if (tableName !== null && tableName.toLowerCase() === besideResults?.toLowerCase()) {
          tableName = null;
        }
        let block: Block | null = null;
        if (tableName !== null) {
          const range = context.workbook.tables.getItem(tableName).getRange();
          range.load("rowIndex,columnIndex,rowCount,columnCount");
          await context.sync();
          block = range;
        } else if (!used.isNullObject) {
          block = await leftOfTable(context, sheet.name, used, besideResults);
        }
        if (!block) return null;
        const values = await readBlock(context, sheet, block, "values");
        return {
          sheetName: sheet.name,
          firstRow: block.rowIndex + 1,
          firstColumn: block.columnIndex + 1,
          values,
          tableName,
        };
      });
    },

    async loadSettings(sheetName) {
      return Excel.run(async (context) => {
        const found = await sheetSettings(context, sheetName);
        return found?.settings ?? {};
      });
    },

    async saveSettings(sheetName, patch) {
      return Excel.run(async (context) => {
        const found = await sheetSettings(context, sheetName);
        if (!found) {
          throw new WorkbookError(
            "no_sheet",
            `There is no sheet named "${sheetName}" any more: read the sheet again.`,
          );
        }
        const next: BomSheetSettings = { ...found.settings, ...patch };
        const key = sheetSettingsKey(found.sheetId);
        context.workbook.settings.add(key, serializeBomSheetSettings(next, sheetName));
        // Settings found under an older key move to the sheet's id key.
        if (found.foundKey !== null && found.foundKey !== key) {
          context.workbook.settings.getItem(found.foundKey).delete();
        }
        await context.sync();
        return next;
      });
    },

    async selectCell(sheetName, row, column) {
      return Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
        sheet.load("name");
        await context.sync();
        if (sheet.isNullObject) {
          throw new WorkbookError("no_sheet", `There is no sheet named "${sheetName}" any more.`);
        }
        sheet.activate();
        sheet.getRangeByIndexes(row - 1, column - 1, 1, 1).select();
        await context.sync();
      });
    },

    async isBlockEmpty(sheetName, firstRow, firstColumn, rowCount, columnCount) {
      return Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        const formulas = await readBlock(
          context,
          sheet,
          { rowIndex: firstRow - 1, columnIndex: firstColumn - 1, rowCount, columnCount },
          "formulas",
        );
        return formulas.every((row) => row.every(isEmptyCell));
      });
    },

    async writeResults(target, build) {
      return Excel.run(async (context) => {
        if (target.kind === "update") {
          const updated = await updateResultsTable(context, target.tableName, build);
          if (updated) return updated;
          return writeNewResults(context, target.orElse, build);
        }
        return writeNewResults(context, target, build);
      });
    },

    async addTextSheet(baseName, rows) {
      const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
      if (rows.length === 0 || width === 0) {
        throw new WorkbookError("excel", "There is nothing to write to a new sheet.");
      }
      if (rows.length > MAX_SHEET_ROWS || width > MAX_SHEET_COLUMNS) {
        throw new WorkbookError(
          "too_large",
          `${rows.length} rows × ${width} columns do not fit on a sheet ` +
            `(at most ${MAX_SHEET_ROWS} × ${MAX_SHEET_COLUMNS}).`,
        );
      }
      return Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const name = uniqueName(
          baseName,
          sheets.items.map((item) => item.name),
        );
        const sheet = sheets.add(name);
        let syncs = 1;
        try {
          syncs += await writeTextRows(context, sheet, rows, width);
        } catch (error) {
          await deleteSheetQuietly(context, sheet);
          throw error;
        }
        return {
          sheetName: name,
          address: `${quoteSheetName(name)}!${blockAddress(1, 1, rows.length, width)}`,
          syncs,
        };
      });
    },
  };
}

/** Writes results as a new named table on a new sheet or beside the data. */
async function writeNewResults(
  context: Excel.RequestContext,
  target: NewResultsTarget,
  build: (origin: ResultsOrigin) => ResultsBlock,
): Promise<ResultsWritten> {
  let syncs = 0;
  const workbook = context.workbook;
  const sheets = workbook.worksheets;
  sheets.load("items/name");
  workbook.tables.load("items/name");
  syncs += 1;
  await context.sync();

  let sheet: Excel.Worksheet;
  let origin: ResultsOrigin;
  if (target.kind === "newSheet") {
    const name = uniqueName(
      target.baseName,
      sheets.items.map((item) => item.name),
    );
    sheet = sheets.add(name);
    origin = { sheetName: name, tableRow: target.tableRow, tableColumn: 1 };
  } else {
    sheet = sheets.getItem(target.sheetName);
    origin = {
      sheetName: target.sheetName,
      tableRow: target.firstRow,
      tableColumn: target.firstColumn,
    };
  }
  const block = build(origin);
  checkBlockShape(block);
  if (target.kind === "newSheet" && block.preamble.length >= target.tableRow) {
    throw new WorkbookError("excel", "The results preamble overlaps the table.");
  }
  const width = block.header.length;
  const allRows: CellInput[][] = [block.header, ...block.rows];

  const targetBlock: Block = {
    rowIndex: origin.tableRow - 1,
    columnIndex: origin.tableColumn - 1,
    rowCount: allRows.length,
    columnCount: width,
  };
  if (target.kind === "besideData") {
    // Checked again here, just before writing: the sheet may have changed since the user
    // confirmed.
    const inTheWay = await whatIsInTheWay(context, sheet, targetBlock);
    if (inTheWay) {
      throw new WorkbookError(
        "not_empty",
        `${blockAddress(origin.tableRow, origin.tableColumn, allRows.length, width)} ` +
          `${inTheWay}; the results were not written. Write them to a new sheet instead.`,
      );
    }
  }

  let written: { syncs: number; tableName: string };
  try {
    written = await writeTable(context, sheet, target, origin, block, allRows);
  } catch (error) {
    await undoPartialWrite(context, sheet, target, targetBlock);
    throw error;
  }
  const address = blockAddress(origin.tableRow, origin.tableColumn, allRows.length, width);
  return {
    sheetName: origin.sheetName,
    tableName: written.tableName,
    address: `${quoteSheetName(origin.sheetName)}!${address}`,
    syncs: syncs + written.syncs,
    updated: false,
  };
}

/**
 * Writes the block as a named table, in payload-sized slices with calculation suspended, then
 * the table, formats and preamble in one last sync. Returns the syncs used and the table's name.
 */
async function writeTable(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  target: NewResultsTarget,
  origin: ResultsOrigin,
  block: ResultsBlock,
  allRows: CellInput[][],
): Promise<{ syncs: number; tableName: string }> {
  const workbook = context.workbook;
  const width = block.header.length;
  workbook.application.suspendScreenUpdatingUntilNextSync();
  let syncs = await writeRowsInSlices(
    context,
    sheet,
    { rowIndex: origin.tableRow - 1, columnIndex: origin.tableColumn - 1 },
    allRows,
    width,
  );

  const address = blockAddress(origin.tableRow, origin.tableColumn, allRows.length, width);
  const tableName = uniqueName(
    block.tableName,
    workbook.tables.items.map((item) => item.name),
    "",
  );
  const table = sheet.tables.add(address, true);
  table.name = tableName;
  formatResults(sheet, origin, block);
  if (target.kind === "newSheet") sheet.activate();
  workbook.application.suspendApiCalculationUntilNextSync();
  syncs += 1;
  await context.sync();
  return { syncs, tableName };
}

/** Excel's sheet size. */
const MAX_SHEET_ROWS = 1_048_576;
const MAX_SHEET_COLUMNS = 16_384;
/** Excel's number format "Text": what is written is kept as typed. */
const TEXT_FORMAT = "@";

/**
 * Writes rows of strings from A1 as text: each payload-sized slice of rows gets the text format,
 * then its values, in one sync (the format first, so Excel reads nothing into the strings).
 * Ends with the sheet active and A1 selected. Returns the syncs used.
 */
async function writeTextRows(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  rows: readonly (readonly string[])[],
  width: number,
): Promise<number> {
  const application = context.workbook.application;
  // Weighed as the JSON sent: the strings escaped, plus a text format per cell.
  const rowBytes = (row: readonly string[]) =>
    JSON.stringify(row).length + (width - row.length) * 3 + width * (TEXT_FORMAT.length + 3);
  let syncs = 0;
  application.suspendScreenUpdatingUntilNextSync();
  for (const slice of sliceRowsByPayload(rows, rowBytes)) {
    application.suspendApiCalculationUntilNextSync();
    const range = sheet.getRangeByIndexes(slice.start, 0, slice.count, width);
    const block = rows.slice(slice.start, slice.start + slice.count);
    range.numberFormat = block.map(() => Array.from({ length: width }, () => TEXT_FORMAT));
    range.values = block.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
    syncs += 1;
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized slice: Excel rejects a sync above 5 MB
    await context.sync();
  }
  sheet.getRangeByIndexes(0, 0, rows.length, width).format.autofitColumns();
  sheet.activate();
  sheet.getRangeByIndexes(0, 0, 1, 1).select();
  syncs += 1;
  await context.sync();
  return syncs;
}

/** Removes a sheet this add-in just added, after a failed write. Best effort: the write's error
 * is what the user sees. */
async function deleteSheetQuietly(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
): Promise<void> {
  try {
    sheet.delete();
    await context.sync();
  } catch {
    // The sheet may never have been added (the failed sync carried its creation).
  }
}

/** After a failed write, removes what was written: the new sheet, or the block beside the data
 * (its cells were empty before). Best effort: the original error is what the user sees. */
async function undoPartialWrite(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  target: NewResultsTarget,
  block: Block,
): Promise<void> {
  try {
    if (target.kind === "newSheet") {
      sheet.delete();
    } else {
      const range = blockRange(sheet, block);
      const added = range.getTables(true);
      added.load("items/name");
      await context.sync();
      // The check before writing found no table here, so any table is the one just added.
      added.items.forEach((table) => table.delete());
      range.clear("Contents");
    }
    await context.sync();
  } catch {
    // Nothing more can be done from here.
  }
}

/**
 * The used range up to the blank column before the named table, when that table sits on the
 * same sheet right of the data; else the used range as it is.
 */
async function leftOfTable(
  context: Excel.RequestContext,
  sheetName: string,
  used: Block,
  tableName: string | null,
): Promise<Block> {
  if (tableName === null) return used;
  const table = context.workbook.tables.getItemOrNullObject(tableName);
  table.load("name");
  await context.sync();
  if (table.isNullObject) return used;
  const tableSheet = table.worksheet;
  tableSheet.load("name");
  const range = table.getRange();
  range.load("columnIndex");
  await context.sync();
  const columnsBefore = range.columnIndex - 1 - used.columnIndex;
  if (tableSheet.name !== sheetName || columnsBefore < 1) return used;
  return {
    rowIndex: used.rowIndex,
    columnIndex: used.columnIndex,
    rowCount: used.rowCount,
    columnCount: Math.min(used.columnCount, columnsBefore),
  };
}

/** A sheet's stored settings and the sheet's id; null when there is no sheet of that name. */
async function sheetSettings(
  context: Excel.RequestContext,
  sheetName: string,
): Promise<(FoundSheetSettings & { sheetId: string }) | null> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
  sheet.load("id,name");
  const sheets = context.workbook.worksheets;
  sheets.load("items/id");
  const settings = context.workbook.settings;
  settings.load("items/key,items/value");
  await context.sync();
  if (sheet.isNullObject) return null;
  const found = findSheetSettings(
    settings.items.map((item) => ({ key: item.key, value: item.value })),
    { id: sheet.id, name: sheet.name },
    new Set(sheets.items.map((item) => item.id)),
  );
  return { ...found, sheetId: sheet.id };
}

/** The name of the first table that the selection touches, or null (also when the selection is
 * not a range, e.g. a chart). */
async function tableUnderSelection(context: Excel.RequestContext): Promise<string | null> {
  const tables = context.workbook.getSelectedRange().getTables(false);
  tables.load("items/name");
  try {
    await context.sync();
  } catch {
    return null;
  }
  const [first] = tables.items.map((table) => table.name);
  return first ?? null;
}
