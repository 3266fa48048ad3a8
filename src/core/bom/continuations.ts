/**
 * Alternate-source rows joined to their line: the row's MPN becomes one of the line's
 * alternates, and what else it names (manufacturer, order code, link, description) is kept in
 * the line's metadata, so nothing on the row is lost.
 */
import type { CreateRawBomLine } from "../cofactr";
import type { BomField, BomIssue, ColumnMapping, Grid } from "./types";
import { cellText, isPlaceholder } from "./cells";

export interface AlternateSource {
  row: number;
  mpn?: string;
  manufacturer_name?: string;
  distributor_sku?: string;
  link?: string;
  description?: string;
  /** Other cells of the row, by header text (or "column N"). */
  other?: Record<string, string>;
}

const NAMED: readonly BomField[] = [
  "mpn",
  "manufacturer_name",
  "distributor_sku",
  "link",
  "description",
];

/** Joins each continuation row to its line; returns an info issue per joined row. */
export function joinContinuations(input: {
  grid: Grid;
  mapping: ColumnMapping;
  lines: CreateRawBomLine[];
  lineRows: readonly number[];
  /** Grid rows, by the grid row of the line they continue. */
  continuations: ReadonlyMap<number, readonly number[]>;
  firstRow: number;
  headerText: (column: number) => string;
}): BomIssue[] {
  const { grid, mapping, lines, lineRows, continuations, firstRow, headerText } = input;
  const issues: BomIssue[] = [];
  const lineAt = new Map<number, CreateRawBomLine>();
  lineRows.forEach((sheetRow, i) => lineAt.set(sheetRow - firstRow, lines[i] as CreateRawBomLine));
  const named = new Map<number, BomField>();
  for (const field of NAMED) {
    const column = mapping.fields[field].column;
    if (column !== null) named.set(column, field);
  }
  for (const [parentRow, rows] of continuations) {
    const line = lineAt.get(parentRow);
    if (!line) continue;
    for (const r of rows) {
      const source: AlternateSource = { row: firstRow + r };
      const row = grid[r] ?? [];
      row.forEach((cell, column) => {
        const text = cellText(cell);
        if (text === "" || isPlaceholder(text)) return;
        const field = named.get(column);
        if (field) (source as unknown as Record<string, string>)[field] = text;
        else (source.other ??= {})[headerText(column)] = text;
      });
      if (source.mpn && source.mpn !== line.mpn) {
        const alternates = (line.alternative_mpns ??= []);
        if (!alternates.includes(source.mpn)) alternates.push(source.mpn);
      }
      const metadata = (line.metadata ??= {});
      const list = (metadata.alternate_sources as AlternateSource[] | undefined) ?? [];
      list.push(source);
      metadata.alternate_sources = list;
      const what = source.mpn
        ? `alternate ${source.mpn}${source.manufacturer_name ? ` (${source.manufacturer_name})` : ""}`
        : "another source";
      issues.push({
        row: firstRow + r,
        field: null,
        severity: "info",
        message: `row ${firstRow + r} has no quantity or designators of its own: read as ${what} for the line on row ${firstRow + parentRow}`,
      });
    }
  }
  return issues;
}
