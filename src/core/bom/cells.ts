/** Reading single cells: text, blanks and Excel error values. */
import type { CellValue } from "./types";

const EXCEL_ERROR =
  /^#(?:N\/A|NAME\?|VALUE!|REF!|DIV\/0!|NUM!|NULL!|SPILL!|CALC!|FIELD!|BUSY!|CONNECT!|BLOCKED!|UNKNOWN!|EXTERNAL!|PYTHON!|GETTING_DATA)$/i;

/** True for a formula that returned an error ("#N/A", "#NAME?", "#VALUE!"…). */
export function isErrorValue(cell: CellValue): boolean {
  if (typeof cell !== "string" || cell.length > 16 || cell.indexOf("#") < 0) return false;
  return EXCEL_ERROR.test(cell.trim());
}

/** The cell as trimmed text ("" for empty). Numbers keep their shortest exact form. */
export function cellText(cell: CellValue): string {
  if (cell == null) return "";
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  return cell ? "TRUE" : "FALSE";
}

/** KiCad writes "~" and Altium "~~" for an empty field: they carry no data. */
export function isPlaceholder(text: string): boolean {
  return text.charCodeAt(0) === 126 && /^~+$/.test(text);
}

/** A mark that says "none" where a value would be: "-", "—", "n/a", "none". */
const NONE_MARK = /^(?:[-–—]{1,3}|n\/?a|none)$/i;

/** True for a cell written to say there is nothing here ("-" for no MPN, "—" for no designator). */
export function isNoneMark(text: string): boolean {
  return text.length <= 4 && NONE_MARK.test(text);
}

/** Empty, whitespace only or a "~" placeholder. */
export function isBlankCell(cell: CellValue): boolean {
  const text = cellText(cell);
  return text === "" || isPlaceholder(text);
}

export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (const cell of row) if (!isBlankCell(cell)) return false;
  return true;
}

/** Widest row of the grid (rows may be ragged). */
export function gridWidth(grid: readonly (readonly CellValue[])[]): number {
  let width = 0;
  for (const row of grid) if (row && row.length > width) width = row.length;
  return width;
}
