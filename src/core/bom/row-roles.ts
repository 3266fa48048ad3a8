/**
 * What each data row is, once the columns are known: a BOM line; an alternate-source row that
 * continues the line above (a second manufacturer and MPN, no quantity or designators of its
 * own); a note or section title ("Connectors", "Do Not Stuff", a change log); or a summary row
 * ("Total Placements: 80"). Rows that are not lines are never dropped silently: each gets an
 * issue naming it.
 */
import type { BomField, CellValue, ColumnMapping, Grid } from "./types";
import { cellText, isNoneMark, isPlaceholder } from "./cells";
import { isMpnLike } from "./content";
import { isKnownManufacturer } from "./lexicon/manufacturers";
import { skuShape } from "./lexicon/distributors";
import { isSummaryLabel } from "./rows";
import { parseQuantity } from "./quantity";
import { readDesignators } from "./designators";

export type RowRole = "line" | "continuation" | "note" | "summary";

export interface RowRoles {
  /** Rows that are lines, in order. */
  lineRows: number[];
  /** Alternate-source rows, by the line row they continue. */
  continuations: Map<number, number[]>;
  notes: number[];
  summaries: number[];
}

/**
 * Fields that make a row a line of its own when filled. Not the item number: a change log
 * typed into the item column is still no part.
 */
const LINE_KEYS: readonly BomField[] = ["quantity", "reference_designators"];
/** A line key counts when at least this share of rows fill it. */
const KEY_FILL = 0.5;

function textAt(row: readonly CellValue[], column: number | null | undefined): string {
  if (column == null) return "";
  const text = cellText(row[column]);
  return isPlaceholder(text) ? "" : text;
}

function filledCells(row: readonly CellValue[]): string[] {
  const texts: string[] = [];
  for (const cell of row) {
    const text = cellText(cell);
    if (text !== "" && !isPlaceholder(text)) texts.push(text);
  }
  return texts;
}

/** A quantity that reads as one, or a cell with at least one designator ("Connectors" is none). */
function isKeyValue(field: BomField, text: string): boolean {
  if (text === "") return false;
  // "100 cm" is a quantity this reader cannot parse, but a quantity all the same.
  if (field === "quantity") return /^\d/.test(text) || parseQuantity(text).kind === "ok";
  return readDesignators(text, null).refs.length > 0;
}

/** Something that names a part or where to buy it: an MPN, a maker, an order code, a link. */
function namesASource(row: readonly CellValue[], mapping: ColumnMapping): boolean {
  const column = (field: BomField) => mapping.fields[field].column;
  const mpn = textAt(row, column("mpn"));
  if (mpn !== "" && isMpnLike(mpn)) return true;
  const maker = textAt(row, column("manufacturer_name"));
  if (maker !== "" && isKnownManufacturer(maker)) return true;
  for (const text of filledCells(row)) {
    if (skuShape(text)?.strength === "distinct" || /^(?:https?:\/\/|www\.)/i.test(text))
      return true;
  }
  return false;
}

/** Assigns a role to every data row (grid indices, in sheet order). */
export function assignRowRoles(
  grid: Grid,
  mapping: ColumnMapping,
  dataRows: readonly number[],
  /** Rows already skipped as totals (grid indices, ascending). */
  footerRows: readonly number[] = [],
): RowRoles {
  const roles: RowRoles = { lineRows: [], continuations: new Map(), notes: [], summaries: [] };
  // The line keys this sheet really uses: a column filled on most rows.
  const keys: { column: number; field: BomField }[] = [];
  for (const field of LINE_KEYS) {
    const column = mapping.fields[field].column;
    if (column === null || dataRows.length === 0) continue;
    let filled = 0;
    for (const r of dataRows) if (textAt(grid[r] ?? [], column) !== "") filled++;
    if (filled / dataRows.length >= KEY_FILL) keys.push({ column, field });
  }
  const identity = (["mpn", "manufacturer_name", "reference_designators"] as BomField[])
    .map((field) => mapping.fields[field].column)
    .filter((c): c is number => c !== null);
  const designatorColumn = mapping.fields.reference_designators.column;
  // "-" under MPN or maker names no part ("合计, -, -, 525.30" is a total); under the
  // designators it may be a part's name (Eagle's "-" pin).
  const identifies = (row: readonly CellValue[], c: number) => {
    const text = textAt(row, c);
    return text !== "" && (c === designatorColumn || !isNoneMark(text));
  };

  let lastLine: number | null = null;
  // Below a totals row, a row without a quantity or designator is part of the footer ("PCB",
  // "Shipping", "+60 %"), however much it looks like an item.
  let belowTotals = false;
  let nextFooter = 0;
  for (const r of dataRows) {
    while (nextFooter < footerRows.length && (footerRows[nextFooter] as number) < r) {
      if (lastLine !== null && (footerRows[nextFooter] as number) > lastLine) belowTotals = true;
      nextFooter++;
    }
    const row = grid[r] ?? [];
    const hasKey = keys.some((key) => isKeyValue(key.field, textAt(row, key.column)));
    const hasIdentity = identity.some((c) => identifies(row, c));
    const texts = filledCells(row);
    if (!hasIdentity && texts.some(isSummaryLabel)) {
      roles.summaries.push(r);
      belowTotals = lastLine !== null;
      continue;
    }
    if (keys.length === 0 || hasKey) {
      roles.lineRows.push(r);
      lastLine = r;
      continue;
    }
    if (belowTotals) {
      roles.notes.push(r);
      continue;
    }
    // An alternate source leaves the designator cell empty; "Cables" written there is an item.
    const labelsItself = textAt(row, designatorColumn) !== "";
    if (lastLine !== null && !labelsItself && namesASource(row, mapping)) {
      const list = roles.continuations.get(lastLine) ?? [];
      list.push(r);
      roles.continuations.set(lastLine, list);
      continue;
    }
    // A lone text (a section title, a change-log entry, a remark) is no part.
    if (texts.length <= 1 || !hasIdentity) {
      roles.notes.push(r);
      continue;
    }
    roles.lineRows.push(r);
    lastLine = r;
  }
  return roles;
}
