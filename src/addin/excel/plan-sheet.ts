/**
 * What a plan sheet holds, and where each part goes: a preamble, a band for the charts, then
 * the tables one below another (each with a title line above it). Pure: the Office.js writer
 * (plan-excel.ts) and the tests use the same layout.
 */
import { WorkbookError, type CellInput } from "./workbook-access";

export interface PlanTableSpec {
  /** The table's name; the same name on the next plan is the same table. */
  name: string;
  /** The line above the table, e.g. "Buy list: Digi-Key, 100 boards". */
  title: string;
  header: string[];
  /** At least one row is written (an empty one when there are none). */
  rows: CellInput[][];
  /** Excel number format per column, or null to leave it. */
  numberFormats: (string | null)[];
  /** Shown in the table's total row, when given. */
  totals?: CellInput[];
}

/**
 * A native chart over one table: its first column gives the categories, each other column a
 * series. "pareto": columns of the first series, the second drawn as a line on a secondary
 * axis (the cumulative share); "stackedColumns": every series stacked per category.
 */
export interface PlanChartSpec {
  name: string;
  title: string;
  kind: "pareto" | "stackedColumns";
  /** The name of the table (in the same block) the chart draws. */
  table: string;
}

export interface PlanSheetBlock {
  /** The sheet's name when it is made; a plan sheet renamed by the user keeps its new name. */
  sheetName: string;
  /** Label and value rows written from A1. */
  preamble: CellInput[][];
  /** Top to bottom. */
  tables: PlanTableSpec[];
  charts: PlanChartSpec[];
}

export interface PlanWritten {
  sheetName: string;
  /** Whether the plan sheet was made now (false: the previous plan's sheet was updated). */
  createdSheet: boolean;
  tables: string[];
  charts: string[];
  /** The block the plan occupies, e.g. "A1:AF240". */
  extent: string;
}

/** What the workbook's settings remember about the plan sheet (never keys). */
export interface PlanSheetRecord {
  sheetId: string;
  /** Rows and columns from A1 the last plan wrote; the next plan clears them first. */
  rows: number;
  columns: number;
  tables: string[];
  charts: string[];
}

export const PLAN_SETTINGS_KEY = "cofactr.plan";

/** Rows the charts take, side by side, below the preamble. */
export const CHART_BAND_ROWS = 18;
/** Columns each chart spans. */
export const CHART_COLUMNS = 7;

/** 1-based positions of one table: its title line, header, and total row (when shown). */
export interface PlacedTable {
  spec: PlanTableSpec;
  titleRow: number;
  headerRow: number;
  /** Body rows written (at least 1). */
  bodyRows: number;
  totalsRow: number | null;
  columns: number;
}

export interface PlacedChart {
  spec: PlanChartSpec;
  /** 1-based top-left and bottom-right cells it covers. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface PlanLayout {
  tables: PlacedTable[];
  charts: PlacedChart[];
  /** Rows and columns from A1 that the plan occupies. */
  rows: number;
  columns: number;
}

/** Checks a block is writable as given (every row as wide as its header, charts on tables). */
export function checkPlanBlock(block: PlanSheetBlock): void {
  const names = new Set<string>();
  for (const table of block.tables) {
    if (table.header.length === 0)
      throw new WorkbookError("excel", `The table ${table.name} has no columns.`);
    if (names.has(table.name.toLowerCase()))
      throw new WorkbookError("excel", `Two plan tables are named ${table.name}.`);
    names.add(table.name.toLowerCase());
    const width = table.header.length;
    const rows = table.totals ? [...table.rows, table.totals] : table.rows;
    rows.forEach((row, index) => {
      if (row.length !== width)
        throw new WorkbookError(
          "excel",
          `Row ${index + 1} of ${table.name} has ${row.length} cells; its header has ${width}.`,
        );
    });
    if (table.numberFormats.length !== width)
      throw new WorkbookError(
        "excel",
        `${table.name} has ${table.numberFormats.length} formats for ${width} columns.`,
      );
  }
  for (const chart of block.charts) {
    const source = block.tables.find((table) => table.name === chart.table);
    if (!source)
      throw new WorkbookError(
        "excel",
        `The chart ${chart.name} draws ${chart.table}, not in the plan.`,
      );
    if (source.header.length < 2)
      throw new WorkbookError(
        "excel",
        `The chart ${chart.name} needs categories and at least one series.`,
      );
  }
}

export function layoutPlan(block: PlanSheetBlock): PlanLayout {
  checkPlanBlock(block);
  let row = block.preamble.length + 2;
  let columns = Math.max(1, ...block.preamble.map((line) => line.length));
  const charts: PlacedChart[] = block.charts.map((spec, index) => {
    const left = 1 + index * (CHART_COLUMNS + 1);
    columns = Math.max(columns, left + CHART_COLUMNS - 1);
    return {
      spec,
      top: row,
      left,
      bottom: row + CHART_BAND_ROWS - 1,
      right: left + CHART_COLUMNS - 1,
    };
  });
  if (charts.length > 0) row += CHART_BAND_ROWS + 1;
  const tables: PlacedTable[] = block.tables.map((spec) => {
    const bodyRows = Math.max(1, spec.rows.length);
    const placed: PlacedTable = {
      spec,
      titleRow: row,
      headerRow: row + 1,
      bodyRows,
      totalsRow: spec.totals ? row + 2 + bodyRows : null,
      columns: spec.header.length,
    };
    columns = Math.max(columns, spec.header.length);
    // Title, header, body, total row, then one blank row before the next table.
    row += 2 + bodyRows + (spec.totals ? 1 : 0) + 1;
    return placed;
  });
  return { tables, charts, rows: row - 1, columns };
}
