/**
 * Finding the header row: the row whose cells best name BOM fields, with text (not numbers)
 * in it and data-looking rows under it. Not necessarily row 1: KiCad puts 9 rows of preamble
 * first. A sheet where no row names at least one field clearly is read as having no header.
 */
import type { CellValue, Grid } from "./types";
import { matchHeader } from "./aliases";
import { cellText, isBlankRow, isErrorValue } from "./cells";
import { looksLikeDataCell } from "./content";

/** The header is looked for among the first rows only. */
export const HEADER_SCAN_ROWS = 40;

export interface HeaderRowScore {
  row: number;
  score: number;
  /** Fields named by an unmistakable alias. */
  strongHits: number;
  /** Distinct fields named at all. */
  fields: number;
}

export function scoreHeaderRow(grid: Grid, rowIndex: number): HeaderRowScore {
  const row = grid[rowIndex] ?? [];
  const best = new Map<string, number>();
  let strongHits = 0;
  let numeric = 0;
  let longText = 0;
  let dataCells = 0;
  for (const cell of row) {
    const text = cellText(cell);
    if (text === "") continue;
    if (typeof cell === "number" || /^[-+]?\d+(?:[.,]\d+)?$/.test(text)) {
      numeric++;
      continue;
    }
    if (text.length > 40) longText++;
    const match = matchHeader(text)[0];
    if (!match) {
      // "C1", "100nF", "399-3118-1-ND": a row of data with a shop's name in it is no header.
      if (looksLikeDataCell(text)) dataCells++;
      continue;
    }
    const weight = match.ambiguous ? match.score * 0.5 : match.score;
    if (weight > (best.get(match.field) ?? 0)) best.set(match.field, weight);
  }
  for (const weight of best.values()) if (weight >= 0.7) strongHits++;
  let score = 0;
  for (const weight of best.values()) score += weight;
  score -= 0.5 * numeric + 0.2 * longText + 0.3 * dataCells;
  return { row: rowIndex, score, strongHits, fields: best.size };
}

function filledCells(grid: Grid, rowIndex: number): number {
  let filled = 0;
  for (const cell of grid[rowIndex] ?? []) if (cellText(cell) !== "") filled++;
  return filled;
}

/** Bonus when the next rows look like data: about as wide, and not header-like themselves. */
function dataBelowBonus(grid: Grid, candidate: HeaderRowScore): number {
  const width = filledCells(grid, candidate.row);
  let looked = 0;
  let dataLike = 0;
  for (let r = candidate.row + 1; r < grid.length && looked < 5; r++) {
    if (isBlankRow(grid[r])) continue;
    looked++;
    const below = scoreHeaderRow(grid, r);
    if (filledCells(grid, r) >= Math.min(2, width) * 0.5 && below.fields < candidate.fields)
      dataLike++;
  }
  // All or nothing, so that a repeated header further down does not beat the first one.
  return looked > 0 && dataLike * 2 >= looked ? 0.5 : 0;
}

/** The 0-based index of the header row, or null when the sheet has none. */
export function detectHeaderRow(grid: Grid): number | null {
  let best: HeaderRowScore | null = null;
  const end = Math.min(grid.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < end; r++) {
    if (isBlankRow(grid[r])) continue;
    const scored = scoreHeaderRow(grid, r);
    if (scored.strongHits === 0 && scored.fields < 2) continue;
    const total = scored.score + dataBelowBonus(grid, scored);
    if (total < 0.9) continue;
    if (!best || total > best.score) best = { ...scored, score: total };
  }
  return best ? best.row : null;
}

/** A header as read: the row it ends on and its cells (two rows joined for a merged header). */
export interface LocatedHeader {
  /** 0-based row right above the data (the lower row of a two-row header), or null. */
  row: number | null;
  /** The header's cells, joined from both rows when the header spans two. */
  cells: CellValue[];
  /** 0-based upper row when the header spans two rows (merged group cells), else null. */
  upperRow: number | null;
}

const isSubLabel = (cell: CellValue) =>
  typeof cell === "string" &&
  cell.trim() !== "" &&
  !isErrorValue(cell) &&
  !/^[-+]?[\d.,]+$/.test(cell.trim());

/**
 * Joins a group header ("Manufacturer", merged across two columns, so the second cell is
 * empty) with the labels under it ("Name" | "Part Number") into "Manufacturer Name" |
 * "Manufacturer Part Number". Null when the row below is not such a second header row.
 */
export function joinTwoRowHeader(grid: Grid, upper: number): CellValue[] | null {
  const top = grid[upper] ?? [];
  const sub = grid[upper + 1];
  if (!sub || isBlankRow(sub)) return null;
  const width = Math.max(top.length, sub.length);
  let spanned = 0;
  for (let c = 0; c < width; c++) {
    const below = sub[c];
    if (cellText(below) !== "" && !isSubLabel(below)) return null;
  }
  const cells: CellValue[] = [];
  let group = "";
  for (let c = 0; c < width; c++) {
    const above = cellText(top[c]);
    const below = cellText(sub[c]);
    if (above !== "") group = below === "" ? "" : above;
    else if (below === "") group = "";
    else if (group !== "") spanned++;
    const owner = above !== "" ? above : group;
    if (owner === "" || below === "") {
      cells.push(owner || below);
      continue;
    }
    // "Manufacturer Part Number"; the label alone when only it names a field ("Part" over "MPN").
    const joined = `${owner} ${below}`;
    const joinedScore = matchHeader(joined)[0]?.score ?? 0;
    const aloneScore = matchHeader(below)[0]?.score ?? 0;
    cells.push(aloneScore > joinedScore ? below : joined);
  }
  if (spanned === 0) return null;
  const before = scoreHeaderRow(grid, upper);
  const after = scoreHeaderRow([cells], 0);
  return after.score > before.score + 0.3 && after.strongHits >= before.strongHits ? cells : null;
}

/** The header row, joining a two-row header (merged group cells over labels) into one. */
export function locateHeader(grid: Grid): LocatedHeader {
  const row = detectHeaderRow(grid);
  if (row === null) return { row: null, cells: [], upperRow: null };
  const joined = joinTwoRowHeader(grid, row);
  if (joined) return { row: row + 1, cells: joined, upperRow: row };
  return { row, cells: grid[row] ?? [], upperRow: null };
}
