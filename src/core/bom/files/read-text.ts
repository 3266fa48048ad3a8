/**
 * Decoded text into a grid: Excel's "sep=" hint decides the delimiter when present; otherwise
 * the delimiter that splits the most rows consistently, unless the text is a fixed-width table
 * that no delimiter explains (an Eagle part list has commas only inside a few values).
 */
import type { BomIssue } from "../types";
import { parseDelimited, rankDelimiters } from "./delimited";
import { detectFixedWidth, fixedWidthRows } from "./fixed-width";
import { normalizeLineEnds, separatorHint, splitLines, type Delimiter } from "./lines";

export type TextDelimiter = Delimiter | "fixed-width";

export interface TextSheet {
  grid: string[][];
  delimiter: TextDelimiter;
  /** Parser complaints (an unclosed quote…) as warnings on their row. */
  issues: BomIssue[];
  notes: string[];
}

/** Fixed-width must explain this many times more lines than the best delimiter to win. */
const FIXED_WIDTH_MARGIN = 1.5;
/** Parser complaints reported one by one; the rest are counted in one more issue. */
const MAX_PARSER_ISSUES = 50;

/** The newline that ends the file is not a row; padded rows (",,,") are part of the sheet. */
function dropFinalBlankRows(rows: string[][]): void {
  while (rows.length > 0) {
    const last = rows[rows.length - 1] as string[];
    if (!last.every((cell) => cell === "")) return;
    if (last.length > 1 && rows.length > 1) return;
    rows.pop();
  }
}

function parserIssues(errors: { row: number; message: string }[], rowOffset: number): BomIssue[] {
  const issues: BomIssue[] = errors.slice(0, MAX_PARSER_ISSUES).map((error) => ({
    row: error.row + 1 + rowOffset,
    field: null,
    severity: "warning",
    message: `CSV: ${error.message}`,
  }));
  if (errors.length > MAX_PARSER_ISSUES) {
    issues.push({
      row: (issues[issues.length - 1] as BomIssue).row,
      field: null,
      severity: "warning",
      message: `CSV: ${errors.length - MAX_PARSER_ISSUES} more problems like these`,
    });
  }
  return issues;
}

function delimitedSheet(text: string, delimiter: Delimiter, notes: string[]): TextSheet {
  const parsed = parseDelimited(text, delimiter);
  dropFinalBlankRows(parsed.rows);
  return { grid: parsed.rows, delimiter, issues: parserIssues(parsed.errors, 0), notes };
}

export function readTextTable(text: string): TextSheet {
  const normalized = normalizeLineEnds(text);
  const hint = separatorHint(normalized);
  if (hint) {
    // The hint line stays as an empty row so that row numbers keep matching the file.
    const parsed = parseDelimited(normalized.slice(hint.bodyStart), hint.delimiter);
    dropFinalBlankRows(parsed.rows);
    return {
      grid: [[], ...parsed.rows],
      delimiter: hint.delimiter,
      issues: parserIssues(parsed.errors, 1),
      notes: [`the file's first line "sep=${hint.delimiter}" sets the delimiter`],
    };
  }
  const [best] = rankDelimiters(normalized);
  const lines = splitLines(normalized);
  const fixed = detectFixedWidth(lines);
  if (fixed && fixed.tableLines > (best?.score ?? 0) * FIXED_WIDTH_MARGIN) {
    const grid = fixedWidthRows(lines, fixed);
    dropFinalBlankRows(grid);
    return {
      grid,
      delimiter: "fixed-width",
      issues: [],
      notes: [
        `read as a fixed-width table: ${fixed.starts.length} columns starting at characters ${fixed.starts.join(", ")} on lines ${fixed.first + 1}-${fixed.last + 1}`,
      ],
    };
  }
  if (!best || best.score === 0) {
    return delimitedSheet(normalized, ",", ["no delimiter found: each line is one cell"]);
  }
  return delimitedSheet(normalized, best.delimiter, []);
}
