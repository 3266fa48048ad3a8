/**
 * The results table written back after an upload: one row per uploaded line. The live columns
 * are COFACTR.* formulas on the BOM sheet's own MPN, manufacturer and quantity cells, so they
 * follow edits to the BOM and refresh with Refresh; the match status and CPID are what Cofactr
 * said for the uploaded BOM.
 */
import type { BomLineView, BomResponse } from "../../../core/api";
import type { CreateRawBomLine } from "../../../core/cofactr";
import type { BomReadResult, Grid } from "../../../core/bom/types";
import { cellAddress, sheetCellReference } from "../../excel/a1";
import type { CellInput, ResultsBlock, ResultsOrigin } from "../../excel/workbook-access";

export const RESULTS_SHEET_NAME = "Cofactr results";
export const RESULTS_TABLE_NAME = "CofactrResults";
/** On a results sheet: title, build quantity, currency, blank, then the table. */
export const RESULTS_TABLE_ROW = 5;

export const RESULT_COLUMNS = [
  "BOM row",
  "MPN",
  "Manufacturer",
  "Build qty",
  "Match",
  "CPID",
  "Description",
  "Lifecycle",
  "Unit price",
  "Extended price",
  "Stock",
  "Lead time (days)",
  "Datasheet",
] as const;

export type ResultColumn = (typeof RESULT_COLUMNS)[number];

/** 0-based position of a column in the table: formulas name the columns they use. */
export function resultColumn(name: ResultColumn): number {
  return RESULT_COLUMNS.indexOf(name);
}

/** The cells above the table on a results sheet, from A1: a label and its value per row. */
const PREAMBLE_LABELS = ["Cofactr results for", "Build quantity", "Currency"] as const;

/** The absolute address of a preamble value, e.g. "$B$2" for the build quantity. */
function preambleValueCell(label: (typeof PREAMBLE_LABELS)[number]): string {
  return cellAddress(PREAMBLE_LABELS.indexOf(label) + 1, 2, true);
}

const NUMBER_FORMATS: Record<ResultColumn, string | null> = {
  "BOM row": "0",
  MPN: null,
  Manufacturer: null,
  "Build qty": "#,##0",
  Match: null,
  CPID: null,
  Description: null,
  Lifecycle: null,
  "Unit price": "#,##0.0000",
  "Extended price": "#,##0.00",
  Stock: "#,##0",
  "Lead time (days)": "0",
  Datasheet: null,
};

export interface ResultsInput {
  bomSheetName: string;
  /** 1-based sheet row and column of the read grid's first cell. */
  firstRow: number;
  firstColumn: number;
  /** The cells the BOM was read from, to tell which ones a formula can use as they are. */
  grid: Grid;
  read: BomReadResult;
  bom: BomResponse;
  buildQuantity: number;
  currency: string;
  bomLabel: string;
  /** Beside the data: each result on its line's own sheet row (the table starts at the header). */
  alignToSheetRows?: boolean;
}

/** Constant text that Excel must not read as a formula. */
function asText(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

function quoted(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function lineKey(mpn: string | null | undefined, refs: readonly string[] | undefined): string {
  return `${(mpn ?? "").trim().toLowerCase()}|${(refs ?? []).join(",").toLowerCase()}`;
}

/**
 * The BOM line Cofactr returned for each uploaded line: by position when the counts agree,
 * else by MPN and designators.
 */
export function matchUploadedLines(
  uploaded: readonly CreateRawBomLine[],
  returned: readonly BomLineView[],
): (BomLineView | null)[] {
  if (uploaded.length === returned.length) return [...returned];
  const byKey = new Map<string, BomLineView[]>();
  for (const line of returned) {
    const key = lineKey(line.mpn, line.reference_designators);
    byKey.set(key, [...(byKey.get(key) ?? []), line]);
  }
  return uploaded.map(
    (line) => byKey.get(lineKey(line.mpn, line.reference_designators))?.shift() ?? null,
  );
}

function matchLabel(line: BomLineView | null, doNotPlace: boolean): string {
  if (doNotPlace) return "Do not place";
  if (!line) return "Not in Cofactr's BOM";
  return { matched: "Matched", unmatched: "Unmatched", custom: "Custom part" }[line.match_status];
}

/** Builds the block for where the workbook placed it. */
export function buildResultsBlock(input: ResultsInput, origin: ResultsOrigin): ResultsBlock {
  const { read, bomSheetName } = input;
  const onOwnSheet = origin.sheetName !== bomSheetName;
  const fields = read.mapping.fields;
  const gridToSheetColumn = (index: number | null) =>
    index === null ? null : input.firstColumn + index;
  const mpnColumn = gridToSheetColumn(fields.mpn.column);
  const manufacturerColumn = gridToSheetColumn(fields.manufacturer_name.column);
  const quantityColumn = gridToSheetColumn(fields.quantity.column);
  const buildRef = onOwnSheet ? preambleValueCell("Build quantity") : String(input.buildQuantity);
  const currencyRef = onOwnSheet ? preambleValueCell("Currency") : quoted(input.currency);
  const returned = matchUploadedLines(read.lines, input.bom.lines);

  const align = input.alignToSheetRows === true;
  const lineRows = read.lines.map((line, index): CellInput[] => {
    const sheetRow = read.lineRows[index] ?? 0;
    const row = align ? sheetRow : origin.tableRow + 1 + index;
    const own = (column: ResultColumn) =>
      cellAddress(row, origin.tableColumn + resultColumn(column));
    const bomCell = (column: number | null) =>
      column === null ? null : sheetCellReference(bomSheetName, sheetRow, column);
    const raw = (column: number | null): unknown =>
      column === null
        ? undefined
        : input.grid[sheetRow - input.firstRow]?.[column - input.firstColumn];
    const mpnRef = bomCell(mpnColumn);
    const manufacturerRef = bomCell(manufacturerColumn);
    // Excel shows a reference to an empty cell as 0, and "2 pcs"*25 is #VALUE!: the BOM's own
    // quantity cell is used only when it holds a number, else the quantity that was sent.
    const quantityRef = typeof raw(quantityColumn) === "number" ? bomCell(quantityColumn) : null;
    const hasMpn = Boolean(line.mpn);
    const doNotPlace = line.do_not_place === true;
    const match = returned[index] ?? null;

    const mpnArg = mpnRef ?? (line.mpn ? quoted(line.mpn) : '""');
    const manufacturerArg =
      manufacturerRef ?? (line.manufacturer_name ? quoted(line.manufacturer_name) : "");
    const partArgs = manufacturerArg ? `${mpnArg},${manufacturerArg}` : mpnArg;
    const lookup = (name: string) => (hasMpn ? `=COFACTR.${name}(${partArgs})` : "");
    const quantityExpression = quantityRef
      ? `${quantityRef}*${buildRef}`
      : `${line.quantity ?? 1}*${buildRef}`;

    const cells: Record<ResultColumn, CellInput> = {
      "BOM row": sheetRow,
      MPN: mpnRef && hasMpn ? `=${mpnRef}` : asText(line.mpn ?? ""),
      Manufacturer:
        manufacturerRef && line.manufacturer_name
          ? `=${manufacturerRef}`
          : asText(line.manufacturer_name ?? ""),
      "Build qty": doNotPlace ? 0 : `=${quantityExpression}`,
      Match: matchLabel(match, doNotPlace),
      CPID: asText(match?.part?.cpid ?? ""),
      Description: lookup("DESCRIPTION"),
      Lifecycle: lookup("LIFECYCLE"),
      "Unit price":
        hasMpn && !doNotPlace
          ? `=COFACTR.PRICE(${mpnArg},${manufacturerArg},${own("Build qty")},${currencyRef})`
          : "",
      "Extended price": hasMpn && !doNotPlace ? `=${own("Unit price")}*${own("Build qty")}` : "",
      Stock: lookup("STOCK"),
      "Lead time (days)": lookup("LEADTIME"),
      Datasheet: lookup("DATASHEET"),
    };
    return RESULT_COLUMNS.map((column) => cells[column]);
  });

  let rows = lineRows;
  if (align) {
    // Rows between lines (blank, skipped) stay empty so every result sits beside its line.
    const lastRow = Math.max(origin.tableRow, ...read.lineRows);
    rows = Array.from({ length: lastRow - origin.tableRow }, () =>
      RESULT_COLUMNS.map((): CellInput => ""),
    );
    read.lineRows.forEach((sheetRow, index) => {
      const line = lineRows[index];
      if (line && sheetRow > origin.tableRow) rows[sheetRow - origin.tableRow - 1] = line;
    });
  }

  return {
    preamble: onOwnSheet
      ? PREAMBLE_LABELS.map((label) => [
          label,
          {
            "Cofactr results for": input.bomLabel,
            "Build quantity": input.buildQuantity,
            Currency: input.currency,
          }[label],
        ])
      : [],
    tableName: RESULTS_TABLE_NAME,
    header: [...RESULT_COLUMNS],
    rows,
    numberFormats: RESULT_COLUMNS.map((column) => NUMBER_FORMATS[column]),
  };
}
