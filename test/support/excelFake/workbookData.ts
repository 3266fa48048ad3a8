/**
 * The state behind the in-memory Excel fake: sheets of cells, tables, settings, the selection
 * and the counters tests read (syncs, payload bytes, suspensions). Plain data; the Office-like
 * proxies in `proxies.ts` work on it only inside `context.sync()`.
 */
import { parseAddress } from "../../../src/addin/excel/a1";

export type FakeCellValue = string | number | boolean;

export interface FakeCell {
  value: FakeCellValue;
  formula: string | null;
  numberFormat: string;
}

/** 0-based block of a sheet. */
export interface Coords {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** An Office-style error: `code` as Excel reports it. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

export class SheetData {
  /** row → column → cell, both 0-based. */
  readonly rows = new Map<number, Map<number, FakeCell>>();
  /** Merged areas; a write must cover each one it touches whole. */
  readonly merged: Coords[] = [];

  /** Like Excel's worksheet.id: kept when the sheet is renamed or moved. */
  constructor(
    public name: string,
    readonly id: string,
  ) {}

  cell(row: number, column: number): FakeCell | undefined {
    return this.rows.get(row)?.get(column);
  }

  setCell(row: number, column: number, cell: FakeCell | null): void {
    if (
      cell === null ||
      (cell.formula === null && cell.value === "" && cell.numberFormat === "General")
    ) {
      this.rows.get(row)?.delete(column);
      return;
    }
    let line = this.rows.get(row);
    if (!line) {
      line = new Map();
      this.rows.set(row, line);
    }
    line.set(column, cell);
  }

  /** Bounding box of cells holding a value or a formula; null for an empty sheet. */
  usedCoords(valuesOnly: boolean): Coords | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [row, line] of this.rows) {
      for (const [column, cell] of line) {
        const holdsData = cell.formula !== null || cell.value !== "";
        if (!holdsData && valuesOnly) continue;
        top = Math.min(top, row);
        bottom = Math.max(bottom, row);
        left = Math.min(left, column);
        right = Math.max(right, column);
      }
    }
    if (bottom < 0) return null;
    return { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }
}

export interface TableData {
  name: string;
  sheet: SheetData;
  /** Includes the header row (and the total row when shown). */
  coords: Coords;
  /** Whether the table's last row is its total row. */
  showTotals?: boolean;
}

/** Chart types the fake draws; Excel has many more. */
export const FAKE_CHART_TYPES = ["ColumnClustered", "ColumnStacked", "Line", "BarClustered", "Pie"];

/** A chart's series as the fake draws it from the source block (series by columns). */
export interface FakeSeries {
  name: string;
  values: FakeCellValue[];
  chartType: string;
  axisGroup: "Primary" | "Secondary";
}

export interface ChartData {
  name: string;
  sheet: SheetData;
  chartType: string;
  /** The block its data comes from: a header row of series names, categories in column 1. */
  source: Coords;
  title: string;
  /** The cells it covers, e.g. { from: "A6", to: "G23" }; null until placed. */
  position: { from: string; to: string } | null;
  /** Per series index: the chart type and axis group set on it. */
  seriesFormat: Map<number, { chartType?: string; axisGroup?: "Primary" | "Secondary" }>;
}

export interface FakeStats {
  syncs: number;
  /** Largest request (queued writes) and response (loaded data) of one accepted sync, in bytes. */
  maxRequestBytes: number;
  maxResponseBytes: number;
  maxSyncBytes: number;
  /** Syncs that wrote cells, and how many of those had calculation suspended. */
  writeSyncs: number;
  calculationSuspendedWriteSyncs: number;
  screenUpdatingSuspensions: number;
  /** Syncs rejected for payload size. */
  payloadRejections: number;
  /** application.calculate() calls. */
  calculations: number;
}

/** Computes a formula cell's value; the default leaves formulas without a value (""). */
export type FormulaEvaluator = (
  formula: string,
  where: { sheet: SheetData; row: number; column: number; workbook: WorkbookData },
) => FakeCellValue;

/** Excel on the web: 5 MB per request and per response. */
export const FAKE_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export function jsonBytes(value: unknown): number {
  return JSON.stringify(value ?? null).length;
}

function freshStats(): FakeStats {
  return {
    syncs: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    maxSyncBytes: 0,
    writeSyncs: 0,
    calculationSuspendedWriteSyncs: 0,
    screenUpdatingSuspensions: 0,
    payloadRejections: 0,
    calculations: 0,
  };
}

export class WorkbookData {
  readonly sheets: SheetData[] = [];
  readonly tables: TableData[] = [];
  readonly charts: ChartData[] = [];
  readonly settings = new Map<string, unknown>();
  activeSheet: SheetData | null = null;
  selection: { sheet: SheetData; coords: Coords } | null = null;
  stats: FakeStats = freshStats();
  payloadLimitBytes = FAKE_PAYLOAD_LIMIT_BYTES;
  evaluator: FormulaEvaluator | null = null;
  private sheetsCreated = 0;
  /**
   * Fault injection for tests: asked before each sync runs (after the payload check); an error
   * returned fails that sync with nothing of it applied.
   */
  failSync: ((sync: { number: number; writesCells: boolean }) => Error | null) | null = null;
  /** Called by application.calculate(); the e2e host recalculates custom functions here. */
  onCalculate: (() => unknown) | null = null;

  resetStats(): void {
    this.stats = freshStats();
  }

  sheet(name: string): SheetData | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === wanted);
  }

  /** Adds a sheet (the first one becomes active), optionally filled from `grid` at A1. */
  addSheet(name: string, grid: FakeCellValue[][] = []): SheetData {
    if (this.sheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `Sheet ${name} exists.`);
    this.sheetsCreated += 1;
    const serial = this.sheetsCreated.toString(16).toUpperCase().padStart(4, "0");
    const sheet = new SheetData(name, `{00000000-${serial}-0000-C000-000000000046}`);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activate(sheet);
    this.setValues(name, "A1", grid);
    return sheet;
  }

  /** Renames a sheet, as a user would on its tab; its id stays. */
  renameSheet(name: string, next: string): void {
    const sheet = this.requireSheet(name);
    if (next.length === 0 || next.length > 31 || /[\\/?*[\]:]/.test(next)) {
      throw new FakeOfficeError("InvalidArgument", `"${next}" is not a valid sheet name.`);
    }
    const clash = this.sheet(next);
    if (clash && clash !== sheet) {
      throw new FakeOfficeError("ItemAlreadyExists", `Sheet ${next} exists.`);
    }
    sheet.name = next;
  }

  /** Test helper: merges a block (e.g. "B2:C3"), as the user's Merge & Center does. */
  merge(sheetName: string, address: string): void {
    const parsed = parseAddress(address);
    this.requireSheet(sheetName).merged.push({
      row: parsed.firstRow - 1,
      column: parsed.firstColumn - 1,
      rows: parsed.rowCount,
      columns: parsed.columnCount,
    });
  }

  /** Removes a sheet and its tables; the first remaining sheet becomes active if need be. */
  deleteSheet(sheet: SheetData): void {
    if (this.sheets.length === 1) {
      throw new FakeOfficeError("InvalidOperation", "A workbook must keep at least one sheet.");
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.tables.length - 1; i >= 0; i -= 1) {
      if (this.tables[i]?.sheet === sheet) this.tables.splice(i, 1);
    }
    for (let i = this.charts.length - 1; i >= 0; i -= 1) {
      if (this.charts[i]?.sheet === sheet) this.charts.splice(i, 1);
    }
    if (this.activeSheet === sheet) this.activate(this.sheets[0] as SheetData);
  }

  activate(sheet: SheetData): void {
    this.activeSheet = sheet;
    this.selection = { sheet, coords: { row: 0, column: 0, rows: 1, columns: 1 } };
  }

  /** Test helper: writes constants (or "=" formulas) from the top-left cell `at`. */
  setValues(sheetName: string, at: string, grid: FakeCellValue[][]): void {
    const sheet = this.requireSheet(sheetName);
    const origin = parseAddress(at);
    grid.forEach((line, r) =>
      line.forEach((value, c) =>
        this.writeCell(
          sheet,
          origin.firstRow - 1 + r,
          origin.firstColumn - 1 + c,
          value,
          "formulas",
        ),
      ),
    );
  }

  /** Test helper: the values of a block, "" for empty cells. */
  values(sheetName: string, address: string): FakeCellValue[][] {
    return this.read(sheetName, address, (cell) => this.cellValue(cell));
  }

  /** Test helper: the formulas (or constants) of a block. */
  formulas(sheetName: string, address: string): FakeCellValue[][] {
    return this.read(sheetName, address, (cell) => cell?.formula ?? cell?.value ?? "");
  }

  numberFormats(sheetName: string, address: string): string[][] {
    return this.read(sheetName, address, (cell) => cell?.numberFormat ?? "General");
  }

  usedValues(sheetName: string): FakeCellValue[][] {
    const sheet = this.requireSheet(sheetName);
    const used = sheet.usedCoords(true);
    if (!used) return [];
    return this.readCoords(sheet, used, (cell) => this.cellValue(cell));
  }

  /** A chart's categories and series, read from its source block as Excel would draw them. */
  chartSeries(chart: ChartData): { categories: FakeCellValue[]; series: FakeSeries[] } {
    const grid = this.readCoords(chart.sheet, chart.source, (cell) => this.cellValue(cell));
    const [header = [], ...body] = grid;
    return {
      categories: body.map((row) => row[0] ?? ""),
      series: header.slice(1).map((name, index) => ({
        name: String(name),
        values: body.map((row) => row[index + 1] ?? ""),
        chartType: chart.seriesFormat.get(index)?.chartType ?? chart.chartType,
        axisGroup: chart.seriesFormat.get(index)?.axisGroup ?? "Primary",
      })),
    };
  }

  requireSheet(name: string): SheetData {
    const sheet = this.sheet(name);
    if (!sheet) throw new FakeOfficeError("ItemNotFound", `There is no sheet named ${name}.`);
    return sheet;
  }

  cellValue(cell: FakeCell | undefined): FakeCellValue {
    return cell?.value ?? "";
  }

  /** Writes one cell the way Excel does for `values`/`formulas` input. */
  writeCell(
    sheet: SheetData,
    row: number,
    column: number,
    input: unknown,
    mode: "values" | "formulas",
  ): void {
    if (input === null || input === undefined) return; // null leaves a cell unchanged
    const numberFormat = sheet.cell(row, column)?.numberFormat ?? "General";
    // A cell formatted as Text ("@") keeps a string as typed: no formula, number or date.
    if (numberFormat === "@" && typeof input === "string") {
      const value = mode === "formulas" && input.startsWith("'") ? input.slice(1) : input;
      sheet.setCell(row, column, { value, formula: null, numberFormat });
      return;
    }
    if (typeof input === "string" && input.startsWith("=") && input.length > 1) {
      const cell: FakeCell = { value: "", formula: input, numberFormat };
      sheet.setCell(row, column, cell);
      cell.value = this.evaluator
        ? this.evaluator(input, { sheet, row, column, workbook: this })
        : "";
      return;
    }
    let value: FakeCellValue;
    if (typeof input === "string") {
      if (mode === "formulas" && input.startsWith("'")) value = input.slice(1);
      else if (/^-?\d+(?:\.\d+)?(?:e[-+]?\d+)?$/i.test(input.trim())) value = Number(input);
      else value = input;
    } else if (typeof input === "number" || typeof input === "boolean") {
      value = input;
    } else {
      throw new FakeOfficeError("InvalidArgument", `Cannot write ${typeof input} into a cell.`);
    }
    sheet.setCell(row, column, { value, formula: null, numberFormat });
  }

  readCoords<T>(sheet: SheetData, coords: Coords, pick: (cell: FakeCell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < coords.rows; r += 1) {
      const line = sheet.rows.get(coords.row + r);
      const row: T[] = [];
      for (let c = 0; c < coords.columns; c += 1) row.push(pick(line?.get(coords.column + c)));
      out.push(row);
    }
    return out;
  }

  private read<T>(
    sheetName: string,
    address: string,
    pick: (cell: FakeCell | undefined) => T,
  ): T[][] {
    const parsed = parseAddress(address);
    const sheet = this.requireSheet(parsed.sheetName ?? sheetName);
    return this.readCoords(
      sheet,
      {
        row: parsed.firstRow - 1,
        column: parsed.firstColumn - 1,
        rows: parsed.rowCount,
        columns: parsed.columnCount,
      },
      pick,
    );
  }
}

export function overlaps(a: Coords, b: Coords): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}

export function contains(outer: Coords, inner: Coords): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.column + inner.columns <= outer.column + outer.columns
  );
}
