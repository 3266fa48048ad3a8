/**
 * Delimited text (CSV, semicolon CSV, TSV, pipe tables) into rows with papaparse, and the
 * delimiter chosen by how consistently each candidate splits the rows: the most rows sharing one
 * field count wins. A preamble of another shape (title lines, "Source:" rows) or ragged rows
 * (one more field on data rows than on the header) do not mislead it.
 */
import Papa from "papaparse";
import { DELIMITERS, type Delimiter } from "./lines";

export interface ParsedRows {
  rows: string[][];
  /** Papaparse's complaints (unclosed quotes…), by 0-based row. */
  errors: { row: number; message: string }[];
}

/** One papaparse pass; `maxRows` > 0 stops after that many rows. */
function parseOnce(
  text: string,
  delimiter: Delimiter,
  maxRows: number,
): Papa.ParseResult<string[]> {
  return Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    ...(maxRows > 0 ? { preview: maxRows } : {}),
  });
}

/**
 * Characters the unclosed-quote recovery may parse again: many recoveries in an ordinary BOM,
 * one more pass at most over a megabyte.
 */
const REPARSE_BUDGET = 1 << 20;

/**
 * Rows of delimited text. A quote opened and never closed makes the parser read the rest of the
 * file as one cell; instead, that line is split at each delimiter with its quotes kept as text,
 * and reading resumes on the next line (a warning names the row). Re-parsing is bounded: past
 * the budget, the remaining lines are all split that way.
 */
export function parseDelimited(
  text: string,
  delimiter: Delimiter,
  { maxRows = 0, reparseBudget = REPARSE_BUDGET } = {},
): ParsedRows {
  const rows: string[][] = [];
  const errors: ParsedRows["errors"] = [];
  let offset = 0;
  let budget = reparseBudget;
  for (;;) {
    const rest = offset === 0 ? text : text.slice(offset);
    const parsed = parseOnce(rest, delimiter, maxRows > 0 ? maxRows - rows.length : 0);
    const unclosed = parsed.errors.find((error) => error.code === "MissingQuotes");
    const cut = unclosed?.row ?? parsed.data.length;
    for (const error of parsed.errors) {
      if (error.code !== "MissingQuotes" && (error.row ?? 0) < cut) {
        errors.push({ row: rows.length + (error.row ?? 0), message: error.message });
      }
    }
    if (!unclosed && rows.length === 0) return { rows: parsed.data, errors };
    // A loop, not push(...rows): a spread of 100,000 rows overflows the call stack.
    for (let r = 0; r < cut; r++) rows.push(parsed.data[r] as string[]);
    if (!unclosed) return { rows, errors };
    // The unclosed quote's line: from its start (the quote is at index - 1) to its end.
    const lineStart = rest.lastIndexOf("\n", Math.max(0, (unclosed.index ?? 0) - 1)) + 1;
    const lineEnd = rest.indexOf("\n", lineStart);
    const last = lineEnd < 0;
    budget -= rest.length;
    const literalLines = (
      last
        ? rest.slice(lineStart)
        : budget > 0
          ? rest.slice(lineStart, lineEnd)
          : rest.slice(lineStart)
    ).split("\n");
    errors.push({
      row: rows.length,
      message:
        literalLines.length === 1
          ? `a quote opened on this row is never closed: the row was split at each "${delimiter}" with its quotes kept as text`
          : `quotes opened and never closed from this row on: each line was split at each "${delimiter}" with its quotes kept as text`,
    });
    for (const line of literalLines) rows.push(line.split(delimiter));
    if (last || budget <= 0) return { rows, errors };
    offset += lineEnd + 1;
  }
}

export interface DelimiterScore {
  delimiter: Delimiter;
  /** Rows that share the usual field count (half a point for one field more or fewer). */
  score: number;
  /** The usual field count of rows with at least two fields. */
  fields: number;
}

function nonBlank(row: string[]): boolean {
  return row.some((cell) => cell.trim() !== "");
}

/** How well `delimiter` splits `rows` into a table. */
export function scoreRows(rows: string[][], delimiter: Delimiter): DelimiterScore {
  const counts = new Map<number, number>();
  for (const row of rows) {
    if (row.length < 2 || !nonBlank(row)) continue;
    counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  }
  let fields = 0;
  let best = 0;
  for (const [length, count] of counts) {
    if (count > best || (count === best && length > fields)) {
      fields = length;
      best = count;
    }
  }
  if (fields === 0) return { delimiter, score: 0, fields: 0 };
  const near = (counts.get(fields - 1) ?? 0) + (counts.get(fields + 1) ?? 0);
  return { delimiter, score: best + near / 2, fields };
}

/** Rows and characters looked at to choose the delimiter: enough for any preamble, cheap on a
 * huge file (an unclosed quote makes the parser read to the end of what it is given). */
const SAMPLE_ROWS = 500;
const SAMPLE_CHARS = 64 * 1024;

/** The start of `text`, cut at a line end when it is long. */
function sample(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const cut = text.lastIndexOf("\n", SAMPLE_CHARS);
  return text.slice(0, cut > 0 ? cut + 1 : SAMPLE_CHARS);
}

/** Every candidate delimiter's score on the first rows of `text`, best first. */
export function rankDelimiters(text: string): DelimiterScore[] {
  const start = sample(text);
  const scores = DELIMITERS.map((delimiter) =>
    // One recovery pass at most: the sample only has to show the shape of the rows.
    scoreRows(
      parseDelimited(start, delimiter, { maxRows: SAMPLE_ROWS, reparseBudget: start.length }).rows,
      delimiter,
    ),
  );
  // On equal consistency a tab wins (cell text almost never holds one, while commas in
  // descriptions can be as regular as the delimiter), then more fields, then DELIMITERS' order.
  const tabFirst = (score: DelimiterScore) => (score.delimiter === "\t" ? 1 : 0);
  return scores.sort(
    (a, b) => b.score - a.score || tabFirst(b) - tabFirst(a) || b.fields - a.fields,
  );
}
