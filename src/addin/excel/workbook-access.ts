/**
 * What the task pane and the ribbon need from the workbook. Only this folder touches `Excel.*`;
 * everything else depends on this interface, so tests can hand in a fake.
 */
import type { Grid, SavedMapping } from "../../core/bom/types";
import type { PlanSheetBlock, PlanWritten } from "./plan-sheet";

/** A block of cells read from a sheet, with where it sits. */
export interface SheetRegion {
  sheetName: string;
  /** 1-based sheet row and column of `values[0][0]`. */
  firstRow: number;
  firstColumn: number;
  values: Grid;
  /** The Excel table the block came from, when the selection was inside one. */
  tableName: string | null;
}

/** The details of a BOM a user typed in the pane; kept with the workbook. */
export interface BomDetails {
  name: string;
  version: string;
  partNumber: string;
  buildQuantity: number;
}

/** The last upload's job, so that a reopened pane follows it to the end. */
export interface JobRecord {
  id: string;
  startedAt: string;
  finished: boolean;
}

/** What the add-in keeps per BOM sheet in the workbook's settings (never keys). */
export interface BomSheetSettings {
  mapping?: SavedMapping;
  /** Stable id sent as `integration_record_id`: re-uploads update the same Cofactr BOM. */
  integrationRecordId?: string;
  bomId?: string;
  lastJob?: JobRecord;
  details?: BomDetails;
  /** The results tables written for this sheet, by where they went: writing again updates them. */
  resultsTables?: ResultsTables;
}

/** The name of the results table written to each destination. */
export interface ResultsTables {
  newSheet?: string;
  besideData?: string;
}

/** A cell to write: a constant, or a formula when the string starts with "=". */
export type CellInput = string | number | boolean | null;

/** Where a new block of results goes. */
export type NewResultsTarget =
  /** A new sheet (named `baseName`, or `baseName 2`…) with the table's header on `tableRow`. */
  | { kind: "newSheet"; baseName: string; tableRow: number }
  | { kind: "besideData"; sheetName: string; firstRow: number; firstColumn: number };

/**
 * Where a block of results goes: somewhere new, or over the table written before (wherever it
 * is now), grown or shrunk to the new rows; `orElse` when that table is gone.
 */
export type ResultsTarget =
  NewResultsTarget | { kind: "update"; tableName: string; orElse: NewResultsTarget };

/** Where the workbook put the results; the block builder needs it for same-row references. */
export interface ResultsOrigin {
  sheetName: string;
  /** 1-based row and column of the table's header cell. */
  tableRow: number;
  tableColumn: number;
}

export interface ResultsBlock {
  /** Cells above the table (a new sheet only), written from A1. */
  preamble: CellInput[][];
  tableName: string;
  header: string[];
  rows: CellInput[][];
  /** Excel number format per column, or null to leave it. */
  numberFormats: (string | null)[];
}

export interface ResultsWritten {
  sheetName: string;
  tableName: string;
  /** e.g. "'Cofactr results'!A5:M62" */
  address: string;
  syncs: number;
  /** True when an existing table was written over, false for a new one. */
  updated: boolean;
}

/** Where `addTextSheet` put its rows. */
export interface TextSheetWritten {
  sheetName: string;
  /** e.g. "'BOM (split)'!A1:F40" */
  address: string;
  syncs: number;
}

export interface WorkbookAccess {
  /** The active sheet's name. */
  activeSheetName(): Promise<string>;
  /** The table under the selection, else the active sheet's used range; null when empty. */
  readBomRegion(): Promise<SheetRegion | null>;
  loadSettings(sheetName: string): Promise<BomSheetSettings>;
  /** Merges `patch` into the sheet's settings and returns the result. */
  saveSettings(sheetName: string, patch: Partial<BomSheetSettings>): Promise<BomSheetSettings>;
  /** Activates the sheet and selects one cell (1-based row and column). */
  selectCell(sheetName: string, row: number, column: number): Promise<void>;
  /** True when every cell of the block is empty (no value, no formula). */
  isBlockEmpty(
    sheetName: string,
    firstRow: number,
    firstColumn: number,
    rowCount: number,
    columnCount: number,
  ): Promise<boolean>;
  /** Writes a results table; `build` is called once the origin is known. */
  writeResults(
    target: ResultsTarget,
    build: (origin: ResultsOrigin) => ResultsBlock,
  ): Promise<ResultsWritten>;
  /**
   * Adds a sheet named `baseName` (or `baseName 2`…), writes `rows` from A1 with every cell
   * formatted as text, so that Excel keeps each string exactly (no numbers, dates or formulas
   * made of it), then activates the new sheet. No other sheet is touched.
   */
  addTextSheet(baseName: string, rows: readonly (readonly string[])[]): Promise<TextSheetWritten>;
  /** Writes a build plan onto its sheet; planning again updates the same sheet, tables and charts. */
  writePlan(block: PlanSheetBlock): Promise<PlanWritten>;
}

/** A workbook problem explained for the user; `code` lets callers react to specific cases. */
export class WorkbookError extends Error {
  constructor(
    readonly code: "too_large" | "not_empty" | "no_sheet" | "excel",
    message: string,
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}
