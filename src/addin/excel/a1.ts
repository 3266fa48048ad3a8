/** A1-style addresses, computed without Excel so that the pane and the tests can share them. */

import { columnLetters } from "../../core/column-letters";

export { columnLetters };

/** "AA" → 27. */
export function columnNumber(letters: string): number {
  if (!/^[A-Z]{1,3}$/i.test(letters)) throw new RangeError(`Bad column letters "${letters}"`);
  let column = 0;
  for (const char of letters.toUpperCase()) column = column * 26 + (char.charCodeAt(0) - 64);
  return column;
}

/** A sheet name as a formula needs it: always quoted, embedded quotes doubled. */
export function quoteSheetName(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'`;
}

/** `cellAddress(5, 3)` → "C5"; with `absolute`, "$C$5". */
export function cellAddress(row: number, column: number, absolute = false): string {
  const dollar = absolute ? "$" : "";
  return `${dollar}${columnLetters(column)}${dollar}${row}`;
}

/** A cell on another sheet, e.g. `'BOM'!C5`. */
export function sheetCellReference(sheetName: string, row: number, column: number): string {
  return `${quoteSheetName(sheetName)}!${cellAddress(row, column)}`;
}

/** The A1 address of a block: "B2:D9", or "B2" for one cell. */
export function blockAddress(
  firstRow: number,
  firstColumn: number,
  rowCount: number,
  columnCount: number,
): string {
  const start = cellAddress(firstRow, firstColumn);
  if (rowCount === 1 && columnCount === 1) return start;
  return `${start}:${cellAddress(firstRow + rowCount - 1, firstColumn + columnCount - 1)}`;
}

export interface ParsedAddress {
  sheetName: string | null;
  /** 1-based. */
  firstRow: number;
  firstColumn: number;
  rowCount: number;
  columnCount: number;
}

/** Parses "A1", "B2:D9", "$A$1", "Sheet1!A1:B2" and "'My sheet'!A1". */
export function parseAddress(address: string): ParsedAddress {
  const bang = address.lastIndexOf("!");
  let sheetName: string | null = null;
  let cells = address;
  if (bang >= 0) {
    const rawSheet = address.slice(0, bang);
    sheetName = /^'.*'$/.test(rawSheet) ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
    cells = address.slice(bang + 1);
  }
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(cells);
  if (!match) throw new RangeError(`Not an A1 address: "${address}"`);
  const [, c1 = "", r1 = "", c2, r2] = match;
  const top = Number(r1);
  const left = columnNumber(c1);
  const bottom = r2 ? Number(r2) : top;
  const right = c2 ? columnNumber(c2) : left;
  if (top < 1 || bottom < 1) throw new RangeError(`Not an A1 address: "${address}"`);
  return {
    sheetName,
    firstRow: Math.min(top, bottom),
    firstColumn: Math.min(left, right),
    rowCount: Math.abs(bottom - top) + 1,
    columnCount: Math.abs(right - left) + 1,
  };
}
