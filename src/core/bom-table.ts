/**
 * A Cofactr BOM as a table: the columns an opened BOM shows, in the pane's sheet and in
 * `cofactr-bom boms get` (CSV, XLSX, terminal). Values only; each writer protects its own cells.
 */
import type { BomLineView, BomResponse } from "./api";

export const BOM_TABLE_COLUMNS = [
  "Line",
  "Designators",
  "Quantity",
  "MPN",
  "Manufacturer",
  "CPID",
  "Match",
  "DNP",
  "Description",
] as const;

export type BomTableColumn = (typeof BOM_TABLE_COLUMNS)[number];
export type BomTableCell = string | number;

export const MATCH_LABELS: Record<BomLineView["match_status"], string> = {
  matched: "Matched",
  unmatched: "Unmatched",
  custom: "Not a purchased part",
};

/** One row per line, in the BOM's order; the line number falls back to the position. */
export function bomTableRow(line: BomLineView, index: number): BomTableCell[] {
  return [
    line.line_number ?? String(index + 1),
    line.reference_designators.join(", "),
    line.quantity,
    line.mpn ?? line.part?.mpn ?? "",
    line.manufacturer_name ?? line.part?.manufacturer ?? "",
    line.part?.cpid ?? "",
    MATCH_LABELS[line.match_status],
    line.do_not_place ? "DNP" : "",
    line.part?.description ?? "",
  ];
}

export function bomTableRows(bom: BomResponse): BomTableCell[][] {
  return bom.lines.map((line, index) => bomTableRow(line, index));
}

/** What a buyer checks before approving: lines still unmatched and lines not placed. */
export function bomCounts(bom: BomResponse): {
  lines: number;
  matched: number;
  unmatched: number;
  custom: number;
  dnp: number;
} {
  const count = (status: BomLineView["match_status"]) =>
    bom.lines.filter((line) => line.match_status === status).length;
  return {
    lines: bom.lines.length,
    matched: count("matched"),
    unmatched: count("unmatched"),
    custom: count("custom"),
    dnp: bom.lines.filter((line) => line.do_not_place).length,
  };
}

/** Constant text a spreadsheet must not read as a formula ("=…", "+…", "-…", "@…"). */
export function asSheetText(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}
