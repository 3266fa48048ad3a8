/**
 * BOM understanding: a sheet's cells in, Cofactr raw bomlines out, with the column mapping
 * (and how sure it is) and every problem found, by sheet row and field.
 *
 * Decisions (each case also produces an issue naming the row and the field):
 * - A cell whose formula returned an error (#N/A, #NAME?…) leaves that field null; the line is
 *   still produced and sent, with an "error" issue, so one bad cell does not drop a part.
 * - Text over Cofactr's 255 characters is shortened to 255 and the full text kept in
 *   `metadata.<field>_full`. Designator text is compressed to ranges first (R1-R80).
 * - Quantity: as written; from the designator count when empty; a mismatch with the count is a
 *   warning and the written quantity is kept; unreadable → error, the count (or 1) is sent.
 * - Do-not-place: a mapped DNP/fitted column decides, read with its polarity; a literal "DNP"
 *   in the value (or as the MPN) decides only when no such column is mapped, else it is a
 *   warning.
 * - Rows below the header are lines, or skipped as blank, summary footer ("Component Count:",
 *   "Total"), repeated header, or "no value in any mapped column" (with a warning):
 *   `lineRows` and `skippedRows` together cover every one of them.
 */
import { columnLetters } from "../column-letters";
import { FIELD_LABELS } from "../field-labels";
import type {
  BomIssue,
  BomReadOptions,
  BomReadResult,
  ColumnMapping,
  Grid,
  SavedMapping,
  SkippedRow,
} from "./types";
import { locateHeader, type LocatedHeader } from "./header";
import { cellText } from "./cells";
import { classifyRow, HeaderEcho, isSumsRow } from "./rows";
import { buildMapping, toSavedMapping } from "./mapping";
import { buildLines } from "./lines";
import { assignRowRoles } from "./row-roles";
import { joinContinuations } from "./continuations";

export { expandRefdes, compressRefdes } from "./refdes";
export { headerSignature } from "./mapping";
export { normalizeHeader } from "./normalize";
export * from "./types";

function sheetLevelIssues(
  mapping: ColumnMapping,
  issueRow: number,
  skipped: SkippedRow[],
  dataRowCount: number,
): BomIssue[] {
  const issues: BomIssue[] = [];
  const mapped = (field: keyof ColumnMapping["fields"]) => mapping.fields[field].column !== null;
  if (dataRowCount === 0) {
    // Nothing to map: say so plainly rather than list missing columns.
    issues.push({
      row: issueRow,
      field: null,
      severity: "warning",
      message:
        mapping.headerRow === null
          ? "the sheet is empty: there are no BOM lines to read"
          : `the sheet has a header on row ${issueRow} but no part rows below it`,
    });
    return issues;
  }
  if (mapping.headerShift) {
    issues.push({
      row: issueRow,
      field: null,
      severity: "warning",
      message:
        "the data sits one column right of its header: each header is read over the column to its right",
    });
  }
  if (mapping.headerRow === null) {
    issues.push({
      row: issueRow,
      field: null,
      severity: "info",
      message: "no header row found: the columns were mapped by their contents",
    });
  }
  if (!mapped("mpn")) {
    issues.push({
      row: issueRow,
      field: "mpn",
      severity: "warning",
      message:
        "no MPN column found: lines are sent without an MPN, so Cofactr cannot match them to parts",
    });
  }
  if (!mapped("quantity") && !mapped("reference_designators")) {
    issues.push({
      row: issueRow,
      field: "quantity",
      severity: "info",
      message: "no quantity or reference designator column: each line counts as quantity 1",
    });
  }
  const footers = skipped.filter((s) => s.reason === "footer");
  if (footers.length > 0) {
    const first = footers[0]?.row as number;
    const last = footers[footers.length - 1]?.row as number;
    const where = first === last ? `row ${first}` : `rows ${first}–${last}`;
    issues.push({
      row: first,
      field: null,
      severity: "info",
      message: `${where}: ${footers.length} summary row(s) skipped`,
    });
  }
  return issues;
}

/** An override that could not be applied (no such column, or the column is pinned twice). */
function overrideIssues(options: BomReadOptions, mapping: ColumnMapping, row: number): BomIssue[] {
  const issues: BomIssue[] = [];
  for (const [field, column] of Object.entries(options.overrides ?? {})) {
    if (column == null || !(field in mapping.fields)) continue;
    const assigned = mapping.fields[field as keyof ColumnMapping["fields"]];
    if (assigned.column !== column) {
      issues.push({
        row,
        field: field as keyof ColumnMapping["fields"],
        severity: "warning",
        message: `the chosen column ${columnLetters((options.firstColumn ?? 1) + column)} for ${FIELD_LABELS[field as keyof typeof FIELD_LABELS]} could not be used (the sheet has no such column, or another field already has it)`,
      });
    }
  }
  return issues;
}

/** The grid as read: a two-row header's lower row holds the joined header texts. */
function withJoinedHeader(grid: Grid, header: LocatedHeader): Grid {
  if (header.upperRow === null || header.row === null) return grid;
  const copy = grid.slice();
  copy[header.row] = header.cells;
  return copy;
}

/** Reads a sheet (a grid of cell values) into raw bomlines, a column mapping and issues. */
export function readBom(sheet: Grid, options: BomReadOptions = {}): BomReadResult {
  const firstRow = options.firstRow ?? 1;
  const firstColumn = options.firstColumn ?? 1;
  const header = locateHeader(sheet);
  const grid = withJoinedHeader(sheet, header);
  const headerIndex = header.row;
  const echo = headerIndex === null ? null : new HeaderEcho(grid[headerIndex] ?? []);

  const skippedRows: SkippedRow[] = [];
  const dataRows: number[] = [];
  let start = headerIndex === null ? 0 : headerIndex + 1;
  // Without a header, leading blank rows are not part of the data.
  if (headerIndex === null)
    while (start < grid.length && classifyRow(grid[start], null) === "blank") start++;
  for (let r = start; r < grid.length; r++) {
    const reason = classifyRow(grid[r], echo);
    if (reason === null) dataRows.push(r);
    else skippedRows.push({ row: firstRow + r, reason });
  }
  // A totals row without a label ("=SUM(…)" under the quantities) at the bottom is no part.
  while (dataRows.length > 2) {
    const last = dataRows[dataRows.length - 1] as number;
    if (!isSumsRow(grid, dataRows.slice(0, -1), last)) break;
    dataRows.pop();
    skippedRows.push({ row: firstRow + last, reason: "footer" });
  }

  const mapping = buildMapping({ grid, headerRow: headerIndex, dataRows, options });
  const footerRows = skippedRows
    .filter((skipped) => skipped.reason === "footer")
    .map((skipped) => skipped.row - firstRow);
  const roles = assignRowRoles(grid, mapping, dataRows, footerRows);
  const built = buildLines({ grid, mapping, dataRows: roles.lineRows, firstRow, firstColumn });
  skippedRows.push(...built.skippedRows);
  const headerCells = headerIndex === null ? [] : (grid[headerIndex] ?? []);
  const headerText = (c: number) => cellText(headerCells[c]) || `column ${firstColumn + c}`;
  const rowIssues: BomIssue[] = joinContinuations({
    grid,
    mapping,
    lines: built.lines,
    lineRows: built.lineRows,
    continuations: roles.continuations,
    firstRow,
    headerText,
  });
  for (const rows of roles.continuations.values())
    for (const r of rows) skippedRows.push({ row: firstRow + r, reason: "continuation" });
  for (const r of roles.summaries) skippedRows.push({ row: firstRow + r, reason: "footer" });
  for (const r of roles.notes) {
    skippedRows.push({ row: firstRow + r, reason: "note" });
    const text = (grid[r] ?? [])
      .map(cellText)
      .filter((t) => t !== "")
      .join(" | ");
    rowIssues.push({
      row: firstRow + r,
      field: null,
      severity: "info",
      message: `row ${firstRow + r} is read as a note or section title, not a part: "${text.length > 80 ? `${text.slice(0, 79)}…` : text}"`,
    });
  }
  skippedRows.sort((a, b) => a.row - b.row);
  // Sheet-level issues sit on the header row, else on the first row with anything in it.
  const issueRow = firstRow + (headerIndex ?? (start < grid.length ? start : 0));
  const joined: BomIssue[] =
    header.upperRow === null
      ? []
      : [
          {
            row: firstRow + header.upperRow,
            field: null,
            severity: "info",
            message: `rows ${firstRow + header.upperRow}–${issueRow} are read as one two-row header: ${header.cells
              .map((cell) => cellText(cell).replace(/\s+/g, " "))
              .filter((text) => text !== "")
              .map((text) => `"${text}"`)
              .join(", ")}`,
          },
        ];
  const issues = [
    ...joined,
    ...overrideIssues(options, mapping, issueRow),
    ...sheetLevelIssues(mapping, issueRow, skippedRows, dataRows.length),
    ...built.issues,
    ...rowIssues,
  ].sort((a, b) => a.row - b.row);
  return {
    headerRow: headerIndex === null ? null : firstRow + headerIndex,
    mapping,
    lines: built.lines,
    lineRows: built.lineRows,
    issues,
    skippedRows,
  };
}

/** The mapping of a read (or a mapping), in the form saved with the workbook. */
export function saveMapping(from: BomReadResult | ColumnMapping, grid: Grid): SavedMapping {
  const mapping = "mapping" in from ? from.mapping : from;
  const header = locateHeader(grid);
  return toSavedMapping(
    mapping,
    header.row === mapping.headerRow ? withJoinedHeader(grid, header) : grid,
  );
}
