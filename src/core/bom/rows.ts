/** Rows below the header that are not parts: blanks, summary footers, repeated headers. */
import type { CellValue, Grid, SkipReason } from "./types";
import { cellText, isBlankRow } from "./cells";

/** Labels of summary rows, e.g. KiBoM's "Component Count:" block or a "Total" line. */
const FOOTER_LABEL = /:$|^(?:grand\s+)?(?:sub)?totals?\b|^sum\b/i;

/** Words that label a summary row, in the languages BOMs are written in. */
const SUMMARY_WORDS =
  /\b(?:(?:grand|sub)?totals?|sum|summe|gesamt|zwischensumme|gesamtsumme|totale|somme|placements)\b/i;
const SUMMARY_CJK = ["合计", "总计", "小计", "合計", "総計"];

/** True for a short cell that labels a summary ("Total Cost", "Summe", "Placements:", "合计"). */
export function isSummaryLabel(text: string): boolean {
  if (text.length > 40) return false;
  return SUMMARY_WORDS.test(text) || SUMMARY_CJK.some((word) => text.includes(word));
}

/** A totals label on its own, in whichever column ("TOTAL", "Sum:", "Grand total"). */
const TOTAL_LABEL = /^(?:grand\s+)?(?:sub)?totals?:?$|^sum:?$/i;

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

/** A number as a cell shows it: 12, "12", "1,234.50", "$0.29". */
function cellNumber(cell: CellValue): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  const text = cellText(cell).replace(/^[$€£]\s*|,/g, "");
  return /^[-+]?(?:\d+(?:\.\d+)?|\.\d+)$/.test(text) ? Number(text) : null;
}

function filledCount(row: readonly CellValue[] | undefined): number {
  let filled = 0;
  for (const cell of row ?? []) if (cellText(cell) !== "") filled++;
  return filled;
}

/**
 * An unlabelled totals row: numbers only, fewer cells filled than the part rows above (their
 * designators, MPNs and descriptions are not summed), and at least one of the numbers the sum
 * of its column over the rows above (a "=SUM(…)" under the quantity or price column).
 */
export function isSumsRow(grid: Grid, rowsAbove: readonly number[], row: number): boolean {
  const cells = grid[row] ?? [];
  const widths = rowsAbove.map((r) => filledCount(grid[r])).sort((a, b) => a - b);
  const typical = widths[Math.floor(widths.length / 2)] ?? 0;
  if (filledCount(cells) >= typical) return false;
  const numbers = new Map<number, number>();
  for (let c = 0; c < cells.length; c++) {
    if (cellText(cells[c]) === "") continue;
    const value = cellNumber(cells[c]);
    // A "Total" label may sit in any column.
    if (value === null && TOTAL_LABEL.test(cellText(cells[c]))) continue;
    if (value === null) return false;
    numbers.set(c, value);
  }
  for (const [column, value] of numbers) {
    let sum = 0;
    let counted = 0;
    for (const r of rowsAbove) {
      const above = cellNumber(grid[r]?.[column]);
      if (above === null) continue;
      sum += above;
      counted++;
    }
    if (counted >= 2 && value !== 0 && Math.abs(sum - value) <= 1e-9 * Math.abs(value) + 1e-6)
      return true;
  }
  return false;
}
