/**
 * Finding the header row: the row whose cells best name BOM fields, with text (not numbers)
 * in it and data-looking rows under it. Not necessarily row 1: KiCad puts 9 rows of preamble
 * first. A sheet where no row names at least one field clearly is read as having no header.
 */
import type { Grid } from "./types";
import { matchHeader } from "./aliases";
import { cellText, isBlankRow } from "./cells";

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
  for (const cell of row) {
    const text = cellText(cell);
    if (text === "") continue;
    if (typeof cell === "number" || /^[-+]?\d+(?:[.,]\d+)?$/.test(text)) {
      numeric++;
      continue;
    }
    if (text.length > 40) longText++;
    const match = matchHeader(text)[0];
    if (!match) continue;
    const weight = match.ambiguous ? match.score * 0.5 : match.score;
    if (weight > (best.get(match.field) ?? 0)) best.set(match.field, weight);
  }
  for (const weight of best.values()) if (weight >= 0.7) strongHits++;
  let score = 0;
  for (const weight of best.values()) score += weight;
  score -= 0.5 * numeric + 0.2 * longText;
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
