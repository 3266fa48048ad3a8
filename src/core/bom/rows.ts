/** Rows below the header that are not parts: blanks, summary footers, repeated headers. */
import type { CellValue, SkipReason } from "./types";
import { cellText, isBlankRow } from "./cells";

/** Labels of summary rows, e.g. KiBoM's "Component Count:" block or a "Total" line. */
const FOOTER_LABEL = /:$|^(?:grand\s+)?(?:sub)?totals?\b|^sum\b/i;

/** Recognises a copy of the header row further down (concatenated exports). */
export class HeaderEcho {
  private readonly cells: string[];

  constructor(header: readonly CellValue[]) {
    this.cells = header.map((cell) => cellText(cell).toLowerCase());
    while (this.cells.length > 0 && this.cells[this.cells.length - 1] === "") this.cells.pop();
  }

  matches(row: readonly CellValue[]): boolean {
    if (this.cells.length === 0) return false;
    for (let c = 0; c < Math.max(this.cells.length, row.length); c++) {
      if (cellText(row[c]).toLowerCase() !== (this.cells[c] ?? "")) return false;
    }
    return true;
  }
}

export function isFooterRow(row: readonly CellValue[]): boolean {
  let first: string | null = null;
  let filled = 0;
  for (const cell of row) {
    const text = cellText(cell);
    if (text === "") continue;
    if (++filled > 3) return false;
    first ??= text;
  }
  return first !== null && FOOTER_LABEL.test(first) && !/^\d/.test(first);
}

/** Why the row is not a part row, or null when it is one. */
export function classifyRow(
  row: readonly CellValue[] | undefined,
  header: HeaderEcho | null,
): Exclude<SkipReason, "no-mapped-data"> | null {
  if (isBlankRow(row)) return "blank";
  const cells = row ?? [];
  if (header?.matches(cells)) return "repeated-header";
  if (isFooterRow(cells)) return "footer";
  return null;
}
