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

export function parseDelimited(text: string, delimiter: Delimiter, maxRows = 0): ParsedRows {
  const parsed = Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    ...(maxRows > 0 ? { preview: maxRows } : {}),
  });
  return {
    rows: parsed.data,
    errors: parsed.errors.map((error) => ({ row: error.row ?? 0, message: error.message })),
  };
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
    scoreRows(parseDelimited(start, delimiter, SAMPLE_ROWS).rows, delimiter),
  );
  // On equal consistency a tab wins (cell text almost never holds one, while commas in
  // descriptions can be as regular as the delimiter), then more fields, then DELIMITERS' order.
  const tabFirst = (score: DelimiterScore) => (score.delimiter === "\t" ? 1 : 0);
  return scores.sort(
    (a, b) => b.score - a.score || tabFirst(b) - tabFirst(a) || b.fields - a.fields,
  );
}
