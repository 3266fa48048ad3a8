/**
 * Writes a build plan onto its sheet with Office.js: the preamble, one titled Excel table per
 * part of the plan, and two native charts. Planning again finds the previous plan's sheet (its
 * id is in the workbook's settings), clears what that plan wrote, writes the tables again under
 * the same names and points the same charts at the new data, so nothing is duplicated. Cells a
 * user typed next to the old plan are never overwritten: the plan is refused instead.
 *
 * Requirement sets: tables and charts are ExcelApi 1.1, getItemOrNullObject 1.4, a series'
 * chart type 1.7 and axis group 1.8, all within the manifest's 1.9.
 */
import { blockAddress, cellAddress } from "./a1";
import { readBlock, uniqueName } from "./blocks";
import { sliceRowsByPayload } from "./limits";
import {
  layoutPlan,
  PLAN_SETTINGS_KEY,
  type PlacedChart,
  type PlacedTable,
  type PlanSheetBlock,
  type PlanSheetRecord,
  type PlanWritten,
} from "./plan-sheet";
import { WorkbookError, type CellInput } from "./workbook-access";

/**
 * Text as Excel stores it: a leading apostrophe keeps Excel from reading "1N4148", "0603" or
 * "=x" as a number, a date or a formula.
 */
function asConstant(cell: CellInput): string | number | boolean {
  if (cell === null) return "";
  if (typeof cell !== "string" || cell === "") return cell;
  return /^[=+\-@\d.]/.test(cell) ? `'${cell}` : cell;
}

function parseRecord(value: unknown): PlanSheetRecord | null {
  if (typeof value !== "string") return null;
  try {
    const parsed = JSON.parse(value) as Partial<PlanSheetRecord>;
    if (typeof parsed.sheetId !== "string") return null;
    const whole = (n: unknown) => (typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : 0);
    const names = (list: unknown) =>
      Array.isArray(list) ? list.filter((item): item is string => typeof item === "string") : [];
    return {
      sheetId: parsed.sheetId,
      rows: whole(parsed.rows),
      columns: whole(parsed.columns),
      tables: names(parsed.tables),
      charts: names(parsed.charts),
    };
  } catch {
    return null;
  }
}

/** The first cell in the new plan's block that holds something the old plan did not write. */
function userCellInTheWay(
  formulas: unknown[][],
  previous: { rows: number; columns: number },
): string | null {
  for (let r = 0; r < formulas.length; r += 1) {
    const row = formulas[r] as unknown[];
    for (let c = 0; c < row.length; c += 1) {
      if (r < previous.rows && c < previous.columns) continue;
      const cell = row[c];
      if (cell !== "" && cell !== null && cell !== undefined) return cellAddress(r + 1, c + 1);
    }
  }
  return null;
}

export async function writePlanSheet(block: PlanSheetBlock): Promise<PlanWritten> {
  const layout = layoutPlan(block);
  return Excel.run(async (context) => {
    const workbook = context.workbook;
    const stored = workbook.settings.getItemOrNullObject(PLAN_SETTINGS_KEY);
    stored.load("value");
    const sheets = workbook.worksheets;
    sheets.load("items/id,items/name");
    workbook.tables.load("items/name");
    await context.sync();

    const record = stored.isNullObject ? null : parseRecord(stored.value);
    const existing = record ? sheets.items.find((item) => item.id === record.sheetId) : undefined;
    let sheet: Excel.Worksheet;
    let createdSheet = false;
    let oldTables: string[] = [];
    let oldCharts: Excel.Chart[] = [];
    if (existing) {
      sheet = existing;
      sheet.tables.load("items/name");
      sheet.charts.load("items/name");
      await context.sync();
      const before = { rows: record?.rows ?? 0, columns: record?.columns ?? 0 };
      const formulas = await readBlock(
        context,
        sheet,
        { rowIndex: 0, columnIndex: 0, rowCount: layout.rows, columnCount: layout.columns },
        "formulas",
      );
      const inTheWay = userCellInTheWay(formulas, before);
      if (inTheWay) {
        throw new WorkbookError(
          "not_empty",
          `${sheet.name}!${inTheWay} holds a cell the last plan did not write; the plan needs ` +
            `${blockAddress(1, 1, layout.rows, layout.columns)}. Move that cell, or delete the ` +
            "plan sheet to start a new one.",
        );
      }
      const ours = new Set((record?.tables ?? []).map((name) => name.toLowerCase()));
      oldTables = sheet.tables.items
        .map((table) => table.name)
        .filter((name) => ours.has(name.toLowerCase()));
      oldCharts = sheet.charts.items;
    } else {
      const name = uniqueName(
        block.sheetName,
        sheets.items.map((item) => item.name),
      );
      sheet = sheets.add(name);
      sheet.load("id,name");
      createdSheet = true;
    }

    // Table names are the block's, unless a table elsewhere already has one.
    const elsewhere = workbook.tables.items
      .map((table) => table.name)
      .filter((name) => !oldTables.some((old) => old.toLowerCase() === name.toLowerCase()));
    const tableNames = new Map<string, string>();
    for (const placed of layout.tables) {
      const name = uniqueName(placed.spec.name, [...elsewhere, ...tableNames.values()], "");
      tableNames.set(placed.spec.name, name);
    }

    workbook.application.suspendScreenUpdatingUntilNextSync();
    for (const name of oldTables) sheet.tables.getItem(name).delete();
    if (record && existing) {
      const cleared = { rows: Math.max(1, record.rows), columns: Math.max(1, record.columns) };
      sheet.getRangeByIndexes(0, 0, cleared.rows, cleared.columns).clear("All");
    }
    if (block.preamble.length > 0) {
      const width = Math.max(...block.preamble.map((line) => line.length));
      sheet.getRangeByIndexes(0, 0, block.preamble.length, width).formulas = block.preamble.map(
        (line) => Array.from({ length: width }, (_, i) => asConstant(line[i] ?? null)),
      );
    }
    await context.sync();

    for (const placed of layout.tables) {
      await writeTableValues(context, sheet, placed);
    }

    for (const placed of layout.tables) {
      makeTable(sheet, placed, tableNames.get(placed.spec.name) as string);
    }
    const keptCharts = new Set<string>();
    for (const placed of layout.charts) {
      const source = layout.tables.find((table) => table.spec.name === placed.spec.table);
      if (!source) continue;
      const reused = oldCharts.find(
        (chart) => chart.name.toLowerCase() === placed.spec.name.toLowerCase(),
      );
      drawChart(sheet, placed, source, reused ?? null);
      keptCharts.add(placed.spec.name.toLowerCase());
    }
    // Charts of the last plan that this one no longer has.
    const ourCharts = new Set((record?.charts ?? []).map((name) => name.toLowerCase()));
    for (const chart of oldCharts) {
      const name = chart.name.toLowerCase();
      if (ourCharts.has(name) && !keptCharts.has(name)) chart.delete();
    }
    sheet.getRangeByIndexes(0, 0, layout.rows, layout.columns).format.autofitColumns();
    sheet.activate();
    workbook.application.suspendApiCalculationUntilNextSync();
    await context.sync();

    const next: PlanSheetRecord = {
      sheetId: sheet.id,
      rows: layout.rows,
      columns: layout.columns,
      tables: [...tableNames.values()],
      charts: layout.charts.map((chart) => chart.spec.name),
    };
    workbook.settings.add(PLAN_SETTINGS_KEY, JSON.stringify(next));
    await context.sync();
    return {
      sheetName: sheet.name,
      createdSheet,
      tables: next.tables,
      charts: next.charts,
      extent: blockAddress(1, 1, layout.rows, layout.columns),
    };
  });
}

/** The title line, header, body and totals of one table, in payload-sized syncs. */
async function writeTableValues(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  placed: PlacedTable,
): Promise<void> {
  const { spec } = placed;
  sheet.getRangeByIndexes(placed.titleRow - 1, 0, 1, 1).formulas = [[asConstant(spec.title)]];
  const empty = spec.header.map((): CellInput => null);
  const rows: CellInput[][] = [spec.header, ...(spec.rows.length > 0 ? spec.rows : [empty])];
  for (const slice of sliceRowsByPayload(rows)) {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    sheet.getRangeByIndexes(
      placed.headerRow - 1 + slice.start,
      0,
      slice.count,
      placed.columns,
    ).formulas = rows
      .slice(slice.start, slice.start + slice.count)
      .map((row) => row.map(asConstant));
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized slice: Excel rejects a sync above 5 MB
    await context.sync();
  }
}

/** Makes the table over its header and body, with number formats and its total row. */
function makeTable(sheet: Excel.Worksheet, placed: PlacedTable, name: string): void {
  const { spec } = placed;
  const table = sheet.tables.add(
    blockAddress(placed.headerRow, 1, 1 + placed.bodyRows, placed.columns),
    true,
  );
  table.name = name;
  spec.numberFormats.forEach((format, column) => {
    if (!format) return;
    const rows = placed.bodyRows + (placed.totalsRow === null ? 0 : 1);
    sheet.getRangeByIndexes(placed.headerRow, column, rows, 1).numberFormat = Array.from(
      { length: rows },
      () => [format],
    );
  });
  if (spec.totals) {
    table.showTotals = true;
    table.getTotalRowRange().formulas = [spec.totals.map(asConstant)];
  }
}

/** Adds the chart (or points the last plan's at the new data), titles and places it. */
function drawChart(
  sheet: Excel.Worksheet,
  placed: PlacedChart,
  source: PlacedTable,
  reused: Excel.Chart | null,
): void {
  const data = sheet.getRange(
    blockAddress(source.headerRow, 1, 1 + source.bodyRows, source.columns),
  );
  const type = placed.spec.kind === "pareto" ? "ColumnClustered" : "ColumnStacked";
  let chart: Excel.Chart;
  if (reused) {
    chart = reused;
    chart.setData(data, "Columns");
    chart.chartType = type;
  } else {
    chart = sheet.charts.add(type, data, "Columns");
    chart.name = placed.spec.name;
  }
  chart.title.text = placed.spec.title;
  chart.setPosition(cellAddress(placed.top, placed.left), cellAddress(placed.bottom, placed.right));
  if (placed.spec.kind === "pareto" && source.columns >= 3) {
    const cumulative = chart.series.getItemAt(1);
    cumulative.chartType = "Line";
    cumulative.axisGroup = "Secondary";
  }
}
