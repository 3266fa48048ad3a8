/**
 * A BOM pasted into Excel as text lands in one column: each row's first cell holds a whole CSV
 * or part-list line. This finds that case and splits the lines with the file readers, so that
 * the pane can offer "Split into columns" (the caller writes the result to a new sheet).
 */
import type { Grid } from "../types";
import { readTextTable, type TextDelimiter } from "./read-text";

export interface PastedColumnSplit {
  /** One row per sheet row, split into columns. */
  grid: string[][];
  delimiter: TextDelimiter;
  columns: number;
}

/** Rows that must split into two or more cells for the split to be worth offering. */
const MIN_SPLIT_SHARE = 0.5;
const MIN_SPLIT_ROWS = 2;

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/** The text of a one-column sheet, a line per row; null when another column holds anything. */
function singleColumnText(grid: Grid): string | null {
  const lines: string[] = [];
  for (const row of grid) {
    for (let c = 1; c < row.length; c++) if (!isEmpty(row[c])) return null;
    const first = row[0];
    if (typeof first !== "string" && !isEmpty(first)) return null;
    // A line break inside a cell would shift every row below: no split for such a sheet.
    if (typeof first === "string" && first.includes("\n")) return null;
    lines.push(typeof first === "string" ? first : "");
  }
  return lines.join("\n");
}

/** The split of a BOM pasted as text into one column, or null when the sheet is not that. */
export function splitPastedColumn(grid: Grid): PastedColumnSplit | null {
  const text = singleColumnText(grid);
  if (text === null) return null;
  const sheet = readTextTable(text);
  const filled = sheet.grid.filter((row) => row.some((cell) => cell.trim() !== ""));
  const split = filled.filter((row) => row.filter((cell) => cell.trim() !== "").length >= 2);
  if (split.length < MIN_SPLIT_ROWS || split.length < filled.length * MIN_SPLIT_SHARE) return null;
  // Keep one row per sheet row: the readers drop trailing blank lines, a sep= line stays empty.
  const rows = sheet.grid.slice(0, grid.length);
  while (rows.length < grid.length) rows.push([]);
  const columns = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  return { grid: rows, delimiter: sheet.delimiter, columns };
}
