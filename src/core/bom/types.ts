/**
 * The shapes of BOM understanding: what a sheet is read into, the mapping of its columns to
 * Cofactr raw bomline fields, and the issues found on its rows. Shared by the task pane, the
 * ribbon command and the CLI.
 */
import type { CreateRawBomLine } from "../cofactr";

/** The raw bomline fields a column can map to, plus `distributor_sku` (kept in line metadata). */
export const BOM_FIELDS = [
  "line_number",
  "reference_designators",
  "quantity",
  "manufacturer_name",
  "mpn",
  "custom_id",
  "alternative_mpns",
  "description",
  "value",
  "package",
  "do_not_place",
  "link",
  "mount_type",
  "comments",
  "distributor_sku",
  "is_custom_part",
] as const;
export type BomField = (typeof BOM_FIELDS)[number];

/** A cell as Excel's `values` or a CSV/XLSX reader gives it. Formula errors arrive as "#N/A"… */
export type CellValue = string | number | boolean | null | undefined;
export type Grid = CellValue[][];

/** How a field found its column. */
export type MappingSource = "header" | "content" | "user" | "saved";

export interface FieldAssignment {
  /** 0-based column index in the grid, or null when the field is not mapped. */
  column: number | null;
  /** The header text of that column, as written in the sheet. */
  header: string | null;
  /** 0..1: how sure the mapper is. 1 for a user's choice. */
  confidence: number;
  source: MappingSource | null;
  /** Why this column was chosen: the header, the contents, and the runner-up it beat. */
  reasons?: string[];
}

/**
 * How the do-not-place column reads: "dnp" (yes = not placed: DNP, DNF, NoPop…), "fitted"
 * (yes = placed: Fitted, Populate, Mounted…) or "marker" (only words like "DNF" count: KiBot).
 */
export type DnpPolarity = "dnp" | "fitted" | "marker";

export interface ColumnMapping {
  /** 0-based index of the header row in the grid, or null for a sheet without a header. */
  headerRow: number | null;
  fields: Record<BomField, FieldAssignment>;
  /** Further columns that hold the same field (a second MPN column becomes an alternate). */
  extraColumns: Partial<Record<BomField, number[]>>;
  /** 1 when the data sits one column right of its header (each header read one column on). */
  headerShift?: number;
  /** Polarity of the do-not-place column, when one is mapped. */
  dnpPolarity?: DnpPolarity;
}

/** A mapping a user saved with the workbook: field → header text, reused for same-header sheets. */
export interface SavedMapping {
  version: 1;
  /** Normalized header texts of the sheet the mapping was made on, to recognise it again. */
  headerSignature: string;
  fields: Partial<Record<BomField, string | null>>;
}

export type IssueSeverity = "error" | "warning" | "info";

export interface BomIssue {
  /** 1-based row in the sheet, as Excel numbers it (including any offset of the read range). */
  row: number;
  /** 1-based column in the sheet, when the issue is about one cell. */
  column?: number;
  field: BomField | null;
  severity: IssueSeverity;
  message: string;
}

export interface BomReadOptions {
  /** Fields the user pinned to a column (0-based index) or to nothing (null). */
  overrides?: Partial<Record<BomField, number | null>>;
  /** A mapping saved with the workbook, used when the headers match. */
  saved?: SavedMapping;
  /** Sheet row number (1-based) of the grid's first row; default 1. */
  firstRow?: number;
  /** Sheet column number (1-based) of the grid's first column; default 1. */
  firstColumn?: number;
}

/** Why a row below the header did not become a line (and is not an error). */
export type SkipReason =
  | "blank"
  | "footer"
  | "repeated-header"
  | "no-mapped-data"
  /** A section title, remark or change-log entry: text that is no part. */
  | "note"
  /** An alternate source for the line above, joined to that line. */
  | "continuation";

export interface SkippedRow {
  /** 1-based sheet row. */
  row: number;
  reason: SkipReason;
}

export interface BomReadResult {
  /** 1-based sheet row of the header, or null when none was found. */
  headerRow: number | null;
  mapping: ColumnMapping;
  lines: CreateRawBomLine[];
  /** For each line, the 1-based sheet row it came from. */
  lineRows: number[];
  issues: BomIssue[];
  /**
   * Rows below the header that are not lines: blank rows, summary footers ("Component Count:"),
   * repeated header rows, and rows with nothing in any mapped column (those also get an issue).
   * Every row below the header is either in `lineRows` or here.
   */
  skippedRows?: SkippedRow[];
}
